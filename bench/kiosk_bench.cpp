// SPDX-License-Identifier: Apache-2.0
// kiosk_bench: the kiosk app's own costs, on a private Xvfb with Mesa's software GL, against the
// real server on loopback. Reports, for each theme:
//   - time to the first frame, CJK font atlas included (the app logs it; median of N starts);
//   - the atlas size (the app logs it: must stay <= 4096x4096);
//   - CPU per frame on a busy screen (account query: figures, bars, chrome; `frames` script step);
//   - idle CPU over 10 s on the attract screen with no input (from /proc, as % of one core).
// Targets (kiosk issue): first frame <= 500 ms, idle CPU <= 1 %. Not a test: figures go to
// bench/README.md. SC_KIOSK_BENCH_STARTS sets N (default 5).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "support/run_program.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/xvfb_display.hpp"

using namespace selfcare::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> kiosk_args(const ServerProcess& server, const TempDir& dir, bool elder) {
    std::vector<std::string> a{SC_KIOSK_BINARY, "--server", server.base_url(), "--data-dir", (dir.path() / "data").string(),
                               "--windowed", "1920x1080"};
    if (elder) a.push_back("--elder");
    return a;
}

double number_after(const std::string& text, const std::string& pattern) {
    std::smatch m;
    if (!std::regex_search(text, m, std::regex(pattern))) return -1;
    return std::stod(m[1].str());
}

// The first atlas the app baked in `theme` ("standard" or "elder"). Matched by the theme the app
// names in the log line, so a line of the other theme can never be reported for this one.
std::string atlas_of(const std::string& text, const std::string& theme) {
    static const std::regex line("font atlas (\\d+x\\d+), (\\d+) glyphs, theme (\\w+)");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), line); it != std::sregex_iterator(); ++it) {
        if ((*it)[3] == theme) return (*it)[1].str() + " (" + (*it)[2].str() + " glyphs)";
    }
    return "?";
}

ProgramRun run_script(const ServerProcess& server, const XvfbDisplay& display, bool elder, const std::string& script) {
    TempDir dir;
    const fs::path file = dir.path() / "bench.script";
    std::ofstream(file) << script;
    auto args = kiosk_args(server, dir, elder);
    args.insert(args.end(), {"--script", file.string(), "--screenshots", (dir.path() / "shots").string()});
    return run_program(args, "", {"DISPLAY=" + display.name(), "LIBGL_ALWAYS_SOFTWARE=1"}, std::chrono::seconds(300));
}

long cpu_ticks(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    const std::string stat((std::istreambuf_iterator<char>(in)), {});
    // Fields after the command's closing parenthesis: state is field 3; utime 14, stime 15.
    std::istringstream rest(stat.substr(stat.rfind(')') + 2));
    std::string field;
    long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14) utime = std::stol(field);
        if (i == 15) stime = std::stol(field);
    }
    return utime + stime;
}

// Idle CPU: the kiosk on attract, nobody touching it, for 10 s after its first frames.
double idle_cpu_percent(const ServerProcess& server, const XvfbDisplay& display, bool elder) {
    TempDir dir;
    const auto args = kiosk_args(server, dir, elder);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const std::string disp = "DISPLAY=" + display.name();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::putenv(const_cast<char*>(disp.c_str()));
        ::putenv(const_cast<char*>("LIBGL_ALWAYS_SOFTWARE=1"));
        ::freopen("/dev/null", "w", stderr);
        ::execv(argv[0], argv.data());
        _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::seconds(8));  // start-up and the first frames
    const long before = cpu_ticks(pid);
    std::this_thread::sleep_for(std::chrono::seconds(10));
    const long after = cpu_ticks(pid);
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
    return 100.0 * static_cast<double>(after - before) / static_cast<double>(::sysconf(_SC_CLK_TCK)) / 10.0;
}

}  // namespace

int main() {
    const char* n_env = std::getenv("SC_KIOSK_BENCH_STARTS");
    const int starts = n_env != nullptr ? std::max(1, std::atoi(n_env)) : 5;
    XvfbDisplay display;
    ServerProcess server;
    std::printf("| theme | first frame (median of %d) | atlas | CPU per frame, account screen | idle CPU over 10 s |\n", starts);
    std::printf("|---|---|---|---|---|\n");
    for (bool elder : {false, true}) {
        std::vector<double> first;
        std::string atlas;
        for (int i = 0; i < starts; ++i) {
            const auto run = run_script(server, display, elder, "wait attract 60\n");
            first.push_back(number_after(run.err, "first frame after (\\d+) ms"));
            atlas = atlas_of(run.err, elder ? "elder" : "standard");
        }
        std::sort(first.begin(), first.end());
        const auto busy = run_script(server, display, elder,
                                     "wait attract 60\ntap attract.start\nwait identify\ntype 13800138000\ntap identify.send_code\n"
                                     "type 246810\ntap identify.sign_in\nwait home 20\ntap screen.query.title\nwait query\nframes 300\n");
        const double per_frame = number_after(busy.err, "([0-9.]+) ms CPU per frame");
        const double idle = idle_cpu_percent(server, display, elder);
        std::printf("| %s | %.0f ms | %s | %.2f ms | %.2f %% |\n", elder ? "elder" : "standard", first[first.size() / 2], atlas.c_str(),
                    per_frame, idle);
        std::fflush(stdout);
    }
    return 0;
}
