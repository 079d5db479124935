// SPDX-License-Identifier: Apache-2.0
#include "ui/window.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "app/app.hpp"
#include "ui/fonts.hpp"
#include "ui/script.hpp"

namespace selfcare::kiosk {
namespace {

// Set by the input callbacks (installed before ImGui's, which chain to them).
bool g_input = false;

void on_mouse(GLFWwindow*, int, int, int) { g_input = true; }
void on_key(GLFWwindow*, int, int, int, int) { g_input = true; }
void on_char(GLFWwindow*, unsigned int) { g_input = true; }

// The characters the atlas must hold for `app`'s language: its catalog, plus the language
// button's label in every language (it names the next language in that language).
GlyphSet glyphs_for(const App& app) {
    GlyphSet g;
    for (const auto& [key, text] : app.catalog().texts()) g.add(text);
    for (const auto& [locale, catalog] : app.catalogs()) g.add(catalog.text("nav.language_name"));
    return g;
}

bool rebuild_fonts(App& app, Fonts& fonts, bool reconfigure) {
    std::string error;
    if (reconfigure) {
        if (!fonts.locate(app.locale(), &error)) {
            std::fprintf(stderr, "selfcare-kiosk: %s\n", error.c_str());
            return false;
        }
        app.fit_text_to_font(fonts.cap_height_ratio());
        const Theme& t = app.theme();
        std::vector<float> sizes{t.body_px, t.title_px, t.figure_px, t.button_label_px};
        std::sort(sizes.begin(), sizes.end());
        sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
        fonts.configure(sizes, glyphs_for(app));
    }
    const auto started = std::chrono::steady_clock::now();
    if (!fonts.build(&error)) {
        std::fprintf(stderr, "selfcare-kiosk: %s\n", error.c_str());
        return false;
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr, "selfcare-kiosk: font atlas %dx%d, %zu glyphs, theme %s, %s, body %.0f px (capitals %.3f of the size), baked in %lld ms\n",
                 fonts.atlas_width(), fonts.atlas_height(), fonts.glyph_count(), std::string(app.theme().name).c_str(),
                 app.locale().c_str(), static_cast<double>(app.theme().body_px), fonts.cap_height_ratio(), static_cast<long long>(ms));
    return true;
}

}  // namespace

Window::Window(int width, int height) {
    if (glfwInit() != GLFW_TRUE) {
        error_ = "cannot start GLFW (is there a display? set DISPLAY or run under Xvfb)";
        return;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    GLFWmonitor* monitor = nullptr;
    if (width == 0) {
        monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
        if (mode == nullptr) {
            error_ = "no monitor to open a full-screen window on";
            return;
        }
        width = mode->width;
        height = mode->height;
    }
    window_ = glfwCreateWindow(width, height, "selfcare-kiosk", monitor, nullptr);
    if (window_ == nullptr) {
        error_ = "cannot open an OpenGL 3 window";
        return;
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    glfwSetInputMode(window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);  // a touch screen shows no pointer
    glfwSetMouseButtonCallback(window_, on_mouse);
    glfwSetKeyCallback(window_, on_key);
    glfwSetCharCallback(window_, on_char);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing of a session is written to disk
    io.LogFilename = nullptr;
    io.MouseDrawCursor = false;
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    imgui_ = true;
}

Window::~Window() {
    if (imgui_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (window_ != nullptr) glfwDestroyWindow(window_);
    glfwTerminate();
}

void Window::wake() { glfwPostEmptyEvent(); }

int Window::run(App& app, Fonts& fonts, ScriptRunner* script) {
    int frames_left = 3;  // the first frames, then a few after each input or wake
    bool first = true;
    const auto started = std::chrono::steady_clock::now();
    bool fonts_grew = false;
    while (glfwWindowShouldClose(window_) == 0) {
        if (script != nullptr || frames_left > 0 || fonts_grew) {
            glfwPollEvents();
        } else {
            // Nobody on attract: nothing changes until a touch. In a session the countdown
            // (and the goodbye screen) change by the second.
            const auto cap = app.current_screen() == "attract" ? std::chrono::seconds(60) : std::chrono::seconds(1);
            const double wait = std::chrono::duration<double>(app.idle().next_change(cap)).count();
            glfwWaitEventsTimeout(std::max(wait, 0.01));
            frames_left = 1;
        }
        if (g_input) {
            g_input = false;
            app.on_input();
            frames_left = 3;
        }
        const bool reconfigure = app.take_fonts_changed();
        if (reconfigure || fonts.stale()) {
            if (!rebuild_fonts(app, fonts, reconfigure)) return 1;
            frames_left = std::max(frames_left, 2);
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        if (script != nullptr) {
            ImGuiIO& io = ImGui::GetIO();
            const auto finger = script->before_frame(app);
            io.MousePos = finger.pos;
            if (finger.down && !io.MouseDown[0]) app.on_input();
            io.MouseDown[0] = finger.down;
        }
        ImGui::NewFrame();
        int w = 0, h = 0;
        glfwGetFramebufferSize(window_, &w, &h);
        app.frame({static_cast<float>(w), static_cast<float>(h)});
        if (app.take_redraw()) frames_left = std::max(frames_left, 2);  // an SDK outcome changed the screen
        ImGui::Render();
        glViewport(0, 0, w, h);
        glClearColor(1, 1, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        fonts_grew = fonts.stale();  // this frame met characters the atlas lacked: draw again
        if (script != nullptr && !fonts_grew) script->after_render(app, w, h);
        glfwSwapBuffers(window_);
        if (first) {
            first = false;
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
            std::fprintf(stderr, "selfcare-kiosk: first frame after %lld ms\n", static_cast<long long>(ms));
        }
        if (frames_left > 0) --frames_left;
        if (script != nullptr && script->finished()) {
            if (!script->error().empty()) {
                std::fprintf(stderr, "selfcare-kiosk: %s\n", script->error().c_str());
                return 1;
            }
            std::fprintf(stderr, "selfcare-kiosk: script passed\n");
            return 0;
        }
    }
    return 0;
}

}  // namespace selfcare::kiosk
