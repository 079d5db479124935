// SPDX-License-Identifier: Apache-2.0
// Script mode (--script FILE --screenshots DIR): drives the real app, frame by frame, the way a
// finger would: a tap is a press and a release over the widget's centre across frames (ImGui
// activates on release). One step per line; '#' starts a comment:
//   wait SCREEN [SECONDS]     until SCREEN (e.g. home) is showing (default 10 s)
//   tap NAME [SECONDS]        the interactive widget whose key or visible label is NAME
//                             (a visible label containing NAME if none matches whole);
//                             while the screen waits for an SDK call, it waits for the outcome
//   type TEXT                 taps the keypad keys of TEXT one after another
//   expect TEXT [SECONDS]     some widget on screen shows TEXT
//   absent TEXT               no widget on screen shows TEXT
//   screenshot NAME           writes NAME.png and NAME.json (the frame's widgets) in DIR
//   advance SECONDS           moves the app's clock forward (inactivity, goodbye)
//   speaking [SECONDS]        speech is playing;   silent [SECONDS]  speech is not playing
//   frames N                  draws N frames and logs the CPU time per frame (benchmark)
//   touch X Y                 a touch at a point (e.g. on nothing: it still stops speech)
//   file PATH [SECONDS]       until PATH exists (a test's signal, e.g. "the server is down")
//   card FILE_FROM TO         puts a card into the simulated reader (renames FILE_FROM to TO)
//   press NAME [SECONDS]      a tap that does not wait for a running SDK call (a double tap)
// A failed step stops the run with a message naming the line, and a non-zero exit code.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

namespace selfcare::kiosk {

class App;

struct ScriptStep {
    int line = 0;
    std::string verb;
    std::string arg;
    std::string arg2;
    double seconds = 10;
};

/// Parses a script. Returns nullopt and sets `error` ("line N: ...") for an unknown verb or a
/// missing argument.
std::optional<std::vector<ScriptStep>> parse_script(const std::string& text, std::string* error);

class ScriptRunner {
public:
    ScriptRunner(std::vector<ScriptStep> steps, std::filesystem::path screenshots);

    /// Called before each ImGui frame: advances the script and says where the simulated finger
    /// is and whether it is down.
    struct Finger {
        ImVec2 pos{-1, -1};
        bool down = false;
    };
    Finger before_frame(App& app);
    /// Called after the frame is rendered, before the buffers swap: takes a pending screenshot
    /// of the `width`×`height` framebuffer.
    void after_render(App& app, int width, int height);

    bool finished() const { return next_ >= steps_.size() || !error_.empty(); }
    /// Empty while all steps passed.
    const std::string& error() const { return error_; }

private:
    void fail(const std::string& message);
    void advance_step();
    bool timed_out() const;

    std::vector<ScriptStep> steps_;
    std::filesystem::path screenshots_;
    size_t next_ = 0;
    std::chrono::steady_clock::time_point step_started_ = std::chrono::steady_clock::now();
    int tap_phase_ = 0;  // 0 none, then: move, press, release
    int settle_ = 0;     // frames to let the app react before the next step
    ImVec2 tap_at_{};
    bool shot_pending_ = false;
    int frames_left_ = -1;  // a "frames" step in progress
    double frames_cpu_ms_ = 0;
    std::string error_;
};

}  // namespace selfcare::kiosk
