// SPDX-License-Identifier: Apache-2.0
#include "settings.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace selfcare::cli {
namespace {

namespace fs = std::filesystem;

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr ? v : "";
}

// $XDG_<kind>_HOME, or ~/<fallback>; "" when neither is known.
fs::path xdg_home(const char* variable, const char* fallback) {
    const std::string xdg = env(variable);
    if (!xdg.empty() && fs::path(xdg).is_absolute()) return xdg;  // the spec says ignore relative ones
    const std::string home = env("HOME");
    return home.empty() ? fs::path() : fs::path(home) / fallback;
}

// A path from the config file: "~/x" from the home folder, relative ones from the file's folder.
std::string resolve_path(const std::string& value, const fs::path& base) {
    if (value.empty()) return value;
    if (value == "~" || value.rfind("~/", 0) == 0) return (fs::path(env("HOME")) / value.substr(value.size() > 1 ? 2 : 1)).string();
    const fs::path p(value);
    return p.is_absolute() ? value : (base / p).lexically_normal().string();
}

// The config file's string field `key` ("" when absent); UsageError naming it when not a string.
std::string string_field(const Json& doc, const char* key, const std::string& file) {
    const auto it = doc.find(key);
    if (it == doc.end() || it->is_null()) return "";
    if (!it->is_string()) throw UsageError("config file " + file + ": \"" + key + "\" must be a string");
    return it->get<std::string>();
}

}  // namespace

Settings resolve_settings(const GlobalOptions& global) {
    Settings s;
    fs::path file;
    if (global.config_file) {
        file = *global.config_file;
        if (!fs::exists(file)) throw UsageError("option --config: no file " + file.string());
    } else if (const fs::path dir = xdg_home("XDG_CONFIG_HOME", ".config"); !dir.empty()) {
        file = dir / "selfcare" / "cli.json";
    }
    if (!file.empty() && fs::exists(file)) {
        s.config_file = file.string();
        std::ifstream in(file);
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        const Json doc = Json::parse(text, nullptr, false);
        if (!in.good() && !in.eof()) throw UsageError("config file " + s.config_file + " cannot be read");
        if (!doc.is_object()) throw UsageError("config file " + s.config_file + " is not a JSON object");
        const fs::path base = fs::absolute(file).parent_path();
        s.server = string_field(doc, "server", s.config_file);
        s.data_dir = resolve_path(string_field(doc, "data_dir", s.config_file), base);
        s.ca_file = resolve_path(string_field(doc, "ca_file", s.config_file), base);
    }
    if (global.server) s.server = *global.server;
    if (global.data_dir) s.data_dir = *global.data_dir;
    if (global.ca_file) s.ca_file = *global.ca_file;
    if (s.data_dir.empty()) {
        const fs::path data_home = xdg_home("XDG_DATA_HOME", ".local/share");
        if (data_home.empty()) throw UsageError("no data folder: give --data-dir (HOME is not set)");
        s.data_dir = (data_home / "selfcare").string();
    }
    return s;
}

void ensure_data_dir(const std::string& dir) {
    const fs::path p(dir);
    std::error_code ec;
    if (fs::is_directory(p, ec)) return;
    if (fs::exists(p, ec)) throw UsageError("data folder " + dir + " exists but is not a folder");
    if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
    // The folder holds the encrypted store and its key file: nobody else may even list it.
    if (::mkdir(p.c_str(), 0700) != 0 && errno != EEXIST) {
        throw UsageError("data folder " + dir + " cannot be created: " + std::strerror(errno));
    }
}

Json client_config(const Settings& settings) {
    Json cfg{{"data_dir", settings.data_dir}};
    if (!settings.server.empty()) cfg["server"] = settings.server;
    if (!settings.ca_file.empty()) cfg["ca_file"] = settings.ca_file;
    return cfg;
}

}  // namespace selfcare::cli
