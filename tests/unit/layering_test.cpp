// SPDX-License-Identifier: Apache-2.0
// The layer rules of architecture.md, checked on the sources themselves: each SDK layer includes
// only the layers below it, the domain does no I/O, and only store/ (SQLite) and net/ (curl)
// know their libraries.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kSdkSrc = fs::path(SC_SOURCE_DIR) / "sdk" / "src";

struct Include {
    fs::path file;
    int line;
    std::string target;
    bool angled;
};

std::vector<Include> includes_under(const fs::path& dir) {
    static const std::regex include_re(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
    std::vector<Include> out;
    if (!fs::exists(dir)) return out;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const auto ext = entry.path().extension();
        if (ext != ".hpp" && ext != ".cpp" && ext != ".h" && ext != ".c") continue;
        std::ifstream in(entry.path());
        std::string text;
        int line_no = 0;
        while (std::getline(in, text)) {
            ++line_no;
            std::smatch m;
            if (std::regex_search(text, m, include_re)) {
                out.push_back({entry.path(), line_no, m[2].str(), m[1].str() == "<"});
            }
        }
    }
    return out;
}

std::string where(const Include& inc) {
    return fs::relative(inc.file, SC_SOURCE_DIR).string() + ":" + std::to_string(inc.line) +
           " includes " + inc.target;
}

}  // namespace

TEST_CASE("each SDK layer includes only itself and the layers below it") {
    // Which project folders a layer may include ("<layer>/file.hpp").
    const std::map<std::string, std::set<std::string>> allowed = {
        {"domain", {"domain"}},
        {"platform", {"platform", "domain"}},
        {"store", {"store", "domain", "platform"}},
        {"net", {"net", "domain", "platform"}},
        {"flows", {"flows", "store", "net", "domain", "platform"}},
        // capi is the composition root: it picks the platform implementations a client runs on.
        {"capi", {"capi", "flows", "store", "net", "domain", "platform", "platform_default", "selfcare"}},
    };
    int checked = 0;
    for (const auto& [layer, ok] : allowed) {
        for (const auto& inc : includes_under(kSdkSrc / layer)) {
            if (inc.angled) continue;
            const auto slash = inc.target.find('/');
            if (slash == std::string::npos) continue;  // a generated or same-folder header
            const std::string folder = inc.target.substr(0, slash);
            ++checked;
            INFO(where(inc));
            CHECK_MESSAGE(ok.count(folder) == 1, "layer '" << layer << "' may not include '"
                                                           << folder << "'");
        }
    }
    CHECK(checked > 0);
}

TEST_CASE("the domain layer does no I/O") {
    const std::set<std::string> io_headers = {"fstream", "iostream", "cstdio", "stdio.h",
                                              "filesystem", "thread", "sqlite3.h",
                                              "curl/curl.h", "unistd.h", "fcntl.h"};
    for (const auto& inc : includes_under(kSdkSrc / "domain")) {
        INFO(where(inc));
        CHECK(io_headers.count(inc.target) == 0);
    }
}

TEST_CASE("only store/ includes SQLite and only net/ includes curl") {
    for (const auto& entry : fs::directory_iterator(kSdkSrc)) {
        if (!entry.is_directory()) continue;
        const std::string layer = entry.path().filename().string();
        for (const auto& inc : includes_under(entry.path())) {
            INFO(where(inc));
            if (inc.target == "sqlite3.h") CHECK(layer == "store");
            if (inc.target.rfind("curl/", 0) == 0) CHECK(layer == "net");
        }
    }
}

TEST_CASE("the kiosk reaches the SDK only through the C ABI's C++ wrapper") {
    // architecture.md: the kiosk uses selfcare.hpp, so it proves every day that the C ABI is
    // complete. It never includes an SDK layer, the server, or the C header on its own.
    const std::set<std::string> sdk_folders = {"domain", "platform", "store", "net", "flows", "capi", "server"};
    int checked = 0;
    for (const auto& inc : includes_under(fs::path(SC_SOURCE_DIR) / "kiosk")) {
        ++checked;
        INFO(where(inc));
        const auto slash = inc.target.find('/');
        const std::string folder = slash == std::string::npos ? "" : inc.target.substr(0, slash);
        CHECK_MESSAGE(sdk_folders.count(folder) == 0, "the kiosk may not include '" << inc.target << "'");
        CHECK_MESSAGE(inc.target != "selfcare/selfcare.h", "the kiosk includes selfcare/selfcare.hpp, not the C header");
    }
    CHECK(checked > 0);
}

TEST_CASE("the kiosk's devices and speech text touch neither the SDK nor the window") {
    // kiosk/devices and kiosk/speech are plain C++ that every platform implements or reuses:
    // no SDK (not even selfcare.hpp), no ImGui, no GLFW, no OpenGL.
    int checked = 0;
    for (const char* part : {"devices", "speech"}) {
        for (const auto& inc : includes_under(fs::path(SC_SOURCE_DIR) / "kiosk" / part)) {
            ++checked;
            INFO(where(inc));
            const auto slash = inc.target.find('/');
            const std::string folder = slash == std::string::npos ? "" : inc.target.substr(0, slash);
            CHECK_MESSAGE((!inc.angled || folder.empty()),
                          "devices/ and speech/ use only the standard library: '" << inc.target << "'");
            if (!inc.angled) CHECK_MESSAGE((folder == "devices" || folder == "speech"), inc.target);
        }
    }
    CHECK(checked > 0);
}
