// SPDX-License-Identifier: Apache-2.0
// What every kiosk UI test starts from: the catalogs, one kiosk (the real selfcare-kiosk on a
// private display, with its own data and screenshots folders, against the real server or a
// proxy in front of it) driven by a script, and the sign-in steps.
#pragma once

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/catalog.hpp"
#include "support/child_process.hpp"
#include "support/run_program.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/xvfb_display.hpp"

namespace selfcare::test {

inline kiosk::Catalog catalog(std::string_view locale) {
    std::string error;
    auto c = kiosk::Catalog::load(std::filesystem::path(SC_SOURCE_DIR) / "i18n", locale, &error);
    REQUIRE_MESSAGE(c.has_value(), error);
    return *c;
}

inline std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// One kiosk on its own display, data folder and screenshots folder, against `server`.
struct Kiosk {
    const XvfbDisplay& display;
    const ServerProcess& server;
    TempDir dir;
    std::string server_url = {};  // another way to the server (a proxy); the server itself when empty
    std::string time_zone = {};   // the kiosk's TZ (a POSIX zone such as "CST-8"); the test's own when empty

    std::filesystem::path shots() const { return dir.path() / "shots"; }
    std::filesystem::path data() const { return dir.path() / "data"; }

    std::vector<std::string> argv(const std::string& script, const std::vector<std::string>& extra) const {
        const std::filesystem::path script_file = dir.path() / "walk.script";
        std::ofstream(script_file) << script;
        std::vector<std::string> a{SC_KIOSK_BINARY, "--server", server_url.empty() ? server.base_url() : server_url, "--data-dir", data().string(),
                                   "--windowed", "1920x1080", "--script", script_file.string(), "--screenshots", shots().string()};
        a.insert(a.end(), extra.begin(), extra.end());
        return a;
    }
    std::vector<std::string> env() const {
        std::vector<std::string> e{"DISPLAY=" + display.name(), "LIBGL_ALWAYS_SOFTWARE=1"};
        if (!time_zone.empty()) e.push_back("TZ=" + time_zone);
#if defined(SC_UNDER_SANITIZER)
        // Memory errors and undefined behaviour are checked in the app; leaks are not. The X11
        // and Mesa stack under it keeps allocations for the life of the process, and they cannot
        // be told from ours: unwound by frame pointers, their stacks end in unknown modules (Mesa
        // loads and unloads code), and the slow unwinder that would name them takes libgcc's
        // global lock inside malloc, which deadlocked the app once Mesa's threads allocated too.
        // The SDK code the app runs is leak-checked by every other test.
        e.push_back("ASAN_OPTIONS=detect_leaks=0:abort_on_error=1");
#endif
        return e;
    }

    ProgramRun run(const std::string& script, const std::vector<std::string>& extra = {}) const {
        ProgramRun r = run_program(argv(script, extra), "", env(), std::chrono::seconds(300));
        check_on_screen();
        return r;
    }
    // Nothing on the kiosk scrolls, so every widget of every screenshot taken so far must lie
    // wholly on the 1920x1080 window: text or a button past the edge is lost to the customer.
    void check_on_screen() const {
        if (!std::filesystem::exists(shots())) return;
        for (const auto& e : std::filesystem::directory_iterator(shots())) {
            if (e.path().extension() != ".json") continue;
            const auto shot = nlohmann::json::parse(read_all(e.path()));
            for (const auto& w : shot["widgets"]) {
                CAPTURE(e.path().filename().string());
                CHECK_MESSAGE(w["x"].get<double>() + w["w"].get<double>() <= 1920.0, w.dump());
                CHECK_MESSAGE(w["y"].get<double>() + w["h"].get<double>() <= 1080.0, w.dump());
            }
        }
    }
    nlohmann::json widgets(const std::string& shot) const { return nlohmann::json::parse(read_all(shots() / (shot + ".json"))); }
};

// Waits (up to two minutes) until the kiosk running as `child` has written screenshot `shot`
// (a script's signal that it reached a point); false when it exited or took too long.
inline bool wait_for_shot(const Kiosk& kiosk, ChildProcess& child, const std::string& shot) {
    const auto file = kiosk.shots() / (shot + ".json");
    for (int i = 0; i < 1200 && !std::filesystem::exists(file) && child.running(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return std::filesystem::exists(file);
}

// The sign-in steps every walk starts with.
inline std::string sign_in(const kiosk::Catalog& c) {
    return "wait attract 60\n"
           "tap attract.start\n"
           "wait identify\n"
           "type 13800138000\n"
           "tap identify.send_code\n"
           "expect " + c.text("screen.identify.code_title") + "\n"
           "type 246810\n"
           "tap identify.sign_in\n"
           "wait home 20\n";
}

}  // namespace selfcare::test
