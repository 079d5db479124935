// SPDX-License-Identifier: Apache-2.0
// The kiosk's one window (GLFW + OpenGL 3 + Dear ImGui 1.86) and its loop. The loop renders
// only on events: it sleeps in glfwWaitEventsTimeout until input, a wake from the speech thread
// or the SDK (glfwPostEmptyEvent), or the next change of the inactivity countdown, then draws a
// few frames (a press and its release need frames of their own). In script mode it never sleeps.
#pragma once

#include <string>

struct GLFWwindow;

namespace selfcare::kiosk {

class App;
class Fonts;
class ScriptRunner;

class Window {
public:
    /// Opens a full-screen window on the primary monitor (`width` 0), or a window of
    /// `width`×`height`. Hidden cursor, no imgui.ini. Returns an unusable window (ok() false,
    /// error() says why) when there is no display or no OpenGL 3.
    Window(int width, int height);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    bool ok() const { return window_ != nullptr; }
    const std::string& error() const { return error_; }

    /// Runs until the window closes or, in script mode, the script ends. Returns the process's
    /// exit code: 0, or 1 when a script step or the font atlas failed (the reason on stderr).
    int run(App& app, Fonts& fonts, ScriptRunner* script);

    /// Wakes the loop from any thread.
    static void wake();

private:
    GLFWwindow* window_ = nullptr;
    std::string error_;
    bool imgui_ = false;
};

}  // namespace selfcare::kiosk
