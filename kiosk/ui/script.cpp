// SPDX-License-Identifier: Apache-2.0
#include "ui/script.hpp"

#include <GL/gl.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <set>
#include <sstream>

#include "app/app.hpp"
#include "ui/fonts.hpp"
#include "ui/screenshot.hpp"

namespace selfcare::kiosk {

std::optional<std::vector<ScriptStep>> parse_script(const std::string& text, std::string* error) {
    static const std::set<std::string> kVerbs{"wait", "tap", "type", "expect", "absent", "screenshot", "advance", "speaking", "silent", "card", "touch", "file", "frames", "press"};
    std::vector<ScriptStep> steps;
    std::istringstream in(text);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.pop_back();
        size_t start = line.find_first_not_of(" \t");
        if (start == std::string::npos) continue;
        line.erase(0, start);
        ScriptStep s;
        s.line = n;
        const auto sp = line.find(' ');
        s.verb = line.substr(0, sp);
        std::string rest = sp == std::string::npos ? "" : line.substr(sp + 1);
        if (kVerbs.count(s.verb) == 0) {
            *error = "line " + std::to_string(n) + ": unknown step '" + s.verb + "'";
            return std::nullopt;
        }
        // A trailing number is the step's time limit for the steps that wait.
        if (s.verb == "wait" || s.verb == "tap" || s.verb == "expect" || s.verb == "speaking" || s.verb == "silent" || s.verb == "file" ||
            s.verb == "press") {
            const auto last = rest.rfind(' ');
            const std::string tail = last == std::string::npos ? rest : rest.substr(last + 1);
            char* end = nullptr;
            const double secs = std::strtod(tail.c_str(), &end);
            const bool numeric = !tail.empty() && end != nullptr && *end == '\0';
            if (numeric && (last != std::string::npos || s.verb == "speaking" || s.verb == "silent")) {
                s.seconds = secs;
                rest = last == std::string::npos ? "" : rest.substr(0, last);
            }
        }
        if (s.verb == "card" || s.verb == "touch") {
            const auto mid = rest.find(' ');
            s.arg2 = mid == std::string::npos ? "" : rest.substr(mid + 1);
            rest = rest.substr(0, mid);
        }
        s.arg = rest;
        const bool needs_arg = s.verb != "speaking" && s.verb != "silent";
        if ((needs_arg && s.arg.empty()) || ((s.verb == "card" || s.verb == "touch") && s.arg2.empty())) {
            *error = "line " + std::to_string(n) + ": '" + s.verb + "' needs an argument";
            return std::nullopt;
        }
        if ((s.verb == "advance" || s.verb == "frames") && std::strtod(s.arg.c_str(), nullptr) <= 0) {
            *error = "line " + std::to_string(n) + ": " + s.verb + " takes a positive number";
            return std::nullopt;
        }
        if (s.verb == "type") {
            // Each character is a keypad key: one tap step per character.
            for (char c : s.arg) steps.push_back({n, "tap", std::string("key:") + c, "", 5});
            continue;
        }
        steps.push_back(s);
    }
    return steps;
}

ScriptRunner::ScriptRunner(std::vector<ScriptStep> steps, std::filesystem::path screenshots)
    : steps_(std::move(steps)), screenshots_(std::move(screenshots)) {}

void ScriptRunner::fail(const std::string& message) {
    const auto& s = steps_[next_];
    error_ = "script line " + std::to_string(s.line) + " (" + s.verb + " " + s.arg + "): " + message;
}

void ScriptRunner::advance_step() {
    ++next_;
    step_started_ = std::chrono::steady_clock::now();
    settle_ = 2;
}

bool ScriptRunner::timed_out() const {
    return std::chrono::steady_clock::now() - step_started_ > std::chrono::duration<double>(steps_[next_].seconds);
}

namespace {

const WidgetRecord* find_widget(const std::vector<WidgetRecord>& widgets, const std::string& name) {
    for (const auto& w : widgets) {
        if (w.interactive && (w.key == name || w.label == name)) return &w;
    }
    for (const auto& w : widgets) {
        if (w.interactive && w.label.find(name) != std::string::npos) return &w;
    }
    return nullptr;
}

// True when `text` is on screen: in one widget, or across the lines a paragraph was broken into
// (joined as they were split: Chinese without a space, other text at spaces).
bool shows(const std::vector<WidgetRecord>& widgets, const std::string& text) {
    std::string tight;
    std::string spaced;
    for (const auto& w : widgets) {
        if (w.label.find(text) != std::string::npos) return true;
        tight += w.label;
        spaced += w.label + " ";
    }
    return tight.find(text) != std::string::npos || spaced.find(text) != std::string::npos;
}

std::string on_screen(App& app) {
    std::string s = "screen " + app.current_screen() + " shows:";
    for (const auto& w : app.last_widgets()) s += " [" + w.label + "]";
    return s;
}

}  // namespace

ScriptRunner::Finger ScriptRunner::before_frame(App& app) {
    Finger f;
    if (tap_phase_ > 0) {
        // The layout can move under the finger (an offline banner appears): a tap whose widget
        // is no longer where it was pressed starts again where the widget now is.
        const ScriptStep& step = steps_[next_];
        if (step.verb == "tap" || step.verb == "press") {
            const WidgetRecord* w = find_widget(app.last_widgets(), step.arg);
            // (A widget gone after the press is fine: the press itself may end a warning.)
            if (w != nullptr && (w->x + w->w / 2 != tap_at_.x || w->y + w->h / 2 != tap_at_.y)) {
                tap_phase_ = 0;
                settle_ = 1;
                return f;
            }
        }
        f.pos = tap_at_;
        f.down = tap_phase_ == 2;
        if (++tap_phase_ > 3) {
            tap_phase_ = 0;
            advance_step();
        }
        return f;
    }
    if (settle_ > 0) {
        --settle_;
        return f;
    }
    if (finished() || shot_pending_) return f;
    const ScriptStep& s = steps_[next_];
    const auto& widgets = app.last_widgets();
    if (s.verb == "wait") {
        if (app.current_screen() == s.arg) advance_step();
        else if (timed_out()) fail("still on " + app.current_screen());
    } else if (s.verb == "tap" && app.busy()) {
        // A screen waiting for an SDK call ignores taps: a script's next tap waits for the
        // outcome instead of racing it ("press" does not wait).
        if (timed_out()) fail("an SDK call is still running; " + on_screen(app));
    } else if (s.verb == "tap" || s.verb == "press") {
        if (const WidgetRecord* w = find_widget(widgets, s.arg)) {
            tap_at_ = {w->x + w->w / 2, w->y + w->h / 2};
            tap_phase_ = 1;
            f.pos = tap_at_;
        } else if (timed_out()) {
            fail("nothing to tap by that name; " + on_screen(app));
        }
    } else if (s.verb == "expect") {
        if (shows(widgets, s.arg)) advance_step();
        else if (timed_out()) fail("text not on screen; " + on_screen(app));
    } else if (s.verb == "absent") {
        if (shows(widgets, s.arg)) fail("text is on screen; " + on_screen(app));
        else advance_step();
    } else if (s.verb == "screenshot") {
        shot_pending_ = true;
    } else if (s.verb == "advance") {
        app.clock().advance(std::chrono::milliseconds(static_cast<long long>(std::strtod(s.arg.c_str(), nullptr) * 1000)));
        advance_step();
    } else if (s.verb == "speaking" || s.verb == "silent") {
        if (app.speaking() == (s.verb == "speaking")) advance_step();
        else if (timed_out()) fail(s.verb == "speaking" ? "no speech is playing" : "speech is still playing");
    } else if (s.verb == "frames") {
        // Draws the screen N times as fast as it goes and reports the CPU time per frame.
        timespec now{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
        const double cpu_ms = static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
        const int wanted = std::atoi(s.arg.c_str());
        if (frames_left_ < 0) {
            frames_left_ = wanted;
            frames_cpu_ms_ = cpu_ms;
        } else if (--frames_left_ == 0) {
            std::fprintf(stderr, "selfcare-kiosk: %d frames of %s, %.3f ms CPU per frame\n", wanted, app.current_screen().c_str(),
                         (cpu_ms - frames_cpu_ms_) / wanted);
            frames_left_ = -1;
            advance_step();
        }
    } else if (s.verb == "touch") {
        tap_at_ = {std::strtof(s.arg.c_str(), nullptr), std::strtof(s.arg2.c_str(), nullptr)};
        tap_phase_ = 1;
        f.pos = tap_at_;
    } else if (s.verb == "file") {
        if (std::filesystem::exists(s.arg)) advance_step();
        else if (timed_out()) fail("the file did not appear");
    } else if (s.verb == "card") {
        std::error_code ec;
        std::filesystem::copy_file(s.arg, s.arg2 + ".part", std::filesystem::copy_options::overwrite_existing, ec);
        if (!ec) std::filesystem::rename(s.arg2 + ".part", s.arg2, ec);
        if (ec) fail("cannot insert the card: " + ec.message());
        else advance_step();
    }
    return f;
}

void ScriptRunner::after_render(App& app, int width, int height) {
    if (!shot_pending_) return;
    shot_pending_ = false;
    const std::string name = steps_[next_].arg;
    std::error_code ec;
    std::filesystem::create_directories(screenshots_, ec);
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    std::string error;
    if (!write_png_rgba(screenshots_ / (name + ".png"), width, height, pixels, true, &error)) {
        fail(error);
        return;
    }
    std::ofstream json(screenshots_ / (name + ".json"));
    nlohmann::json doc = to_json(app.current_screen(), app.last_widgets());
    doc["cap_height_ratio"] = app.fonts().cap_height_ratio();  // how tall capitals are at each font_px
    json << doc.dump(1) << '\n';
    if (!json) {
        fail("cannot write " + name + ".json");
        return;
    }
    advance_step();
}

}  // namespace selfcare::kiosk
