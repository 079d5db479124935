// SPDX-License-Identifier: Apache-2.0
#include "capi/client_config.hpp"

#include <algorithm>
#include <system_error>

#include "platform_default/supplied_key_store.hpp"

namespace selfcare::capi {
namespace {

bool is_loopback_http(std::string_view url) {
    for (std::string_view prefix : {"http://127.0.0.1", "http://localhost", "http://[::1]"}) {
        if (url.starts_with(prefix)) {
            const auto rest = url.substr(prefix.size());
            if (rest.empty() || rest.front() == ':' || rest.front() == '/') return true;
        }
    }
    return false;
}

}  // namespace

std::string_view to_string(DeviceKind kind) {
    switch (kind) {
        case DeviceKind::kKiosk: return "kiosk";
        case DeviceKind::kEngineer: return "engineer";
        case DeviceKind::kApp: break;
    }
    return "app";
}

domain::Result<ClientConfig> parse_client_config(const char* json) {
    if (json == nullptr) {
        return domain::invalid_argument({{"config", "validation.required", "config is required"}});
    }
    auto parsed = parse_object(json, "config");
    if (!parsed) return parsed.error();
    const Json& root = *parsed;
    ClientConfig cfg;
    ArgReader in(root);

    if (auto dir = in.string("data_dir", true)) {
        std::error_code ec;
        if (!std::filesystem::is_directory(*dir, ec)) {
            in.fail("data_dir", "config.data_dir_missing", "must be an existing folder");
        }
        cfg.data_dir = *dir;
    }
    if (auto server = in.string("server", false)) {
        if (!server->starts_with("https://") && !is_loopback_http(*server)) {
            in.fail("server", "config.insecure_server",
                    "must be an https:// URL (plain http only to a loopback address)");
        }
        cfg.server = *server;
        while (!cfg.server.empty() && cfg.server.back() == '/') cfg.server.pop_back();
    }
    if (const Json* key = in.object("key", false)) {
        ArgReader k(*key, "key");
        const auto provider = k.string("provider", false).value_or("platform");
        if (provider == "passphrase") {
            cfg.key_provider = KeyProvider::kPassphrase;
            if (auto pass = k.string("passphrase", true)) cfg.passphrase = *pass;
        } else if (provider == "supplied") {
            cfg.key_provider = KeyProvider::kSupplied;
            if (auto hex = k.string("hex", true)) {
                if (auto parsed_key = platform_default::parse_hex_key(*hex)) {
                    cfg.supplied_key = std::move(*parsed_key);
                } else {
                    k.fail("hex", "config.key_format", "must be 64 hexadecimal digits (a 256-bit key)");
                }
                std::fill(hex->begin(), hex->end(), '\0');  // do not leave a copy of the key behind
            }
        } else if (provider != "platform") {
            k.fail("provider", "validation.enum", "must be \"platform\", \"passphrase\" or \"supplied\"");
        }
        if (!k.ok()) return k.error();
    }
    if (const Json* device = in.object("device", false)) {
        ArgReader d(*device, "device");
        const auto kind = d.string("kind", false).value_or("app");
        if (kind == "kiosk") cfg.device_kind = DeviceKind::kKiosk;
        else if (kind == "engineer") cfg.device_kind = DeviceKind::kEngineer;
        else if (kind != "app") d.fail("kind", "validation.enum", "must be kiosk, app or engineer");
        // A kiosk signs in to the server as itself (to bind customers to it and deliver what
        // they leave queued), so it needs the id and secret it was registered with.
        const bool kiosk = cfg.device_kind == DeviceKind::kKiosk;
        cfg.device_id = d.string("id", kiosk).value_or("");
        cfg.device_secret = d.string("secret", kiosk).value_or("");
        cfg.store_id = d.string("store_id", false).value_or("");
        if (!d.ok()) return d.error();
    }
    if (auto locale = in.string("locale", false)) {
        if (*locale != "zh-CN" && *locale != "zh-TW" && *locale != "en") {
            in.fail("locale", "validation.enum", "must be zh-CN, zh-TW or en");
        }
        cfg.locale = *locale;
    }
    if (auto pins = in.string("pinned_public_key", false)) {
        std::string_view rest = *pins;
        while (!rest.empty()) {
            const auto end = rest.find(';');
            if (!rest.substr(0, end).starts_with("sha256//")) {
                in.fail("pinned_public_key", "config.pin_format", "must be sha256//<base64> pins separated by ';'");
                break;
            }
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
        }
        cfg.pinned_public_key = *pins;
    }
    if (auto ca = in.string("ca_file", false)) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(*ca, ec)) in.fail("ca_file", "config.ca_file_missing", "must be an existing file");
        cfg.ca_file = *ca;
    }
    if (const Json* log = in.object("log", false)) {
        ArgReader l(*log, "log");
        const auto level = l.string("level", false).value_or("info");
        if (level == "info") cfg.log_level = LogLevel::kInfo;
        else if (level == "error") cfg.log_level = LogLevel::kError;
        else if (level != "off") l.fail("level", "validation.enum", "must be off, error or info");
        if (auto file = l.string("file", false)) {
            std::error_code ec;
            const std::filesystem::path path(*file);
            if (!std::filesystem::is_directory(path.parent_path().empty() ? "." : path.parent_path(), ec)) {
                l.fail("file", "config.log_folder_missing", "must be in an existing folder");
            }
            cfg.log_file = path;
        }
        if (!l.ok()) return l.error();
    }
    if (const Json* network = in.object("network", false)) {
        ArgReader n(*network, "network");
        const auto millis = [&n](std::string_view name, std::int64_t lo, std::int64_t hi) {
            const auto v = n.integer(name, false);
            if (v && (*v < lo || *v > hi)) {
                n.fail(name, "validation.out_of_range",
                       "must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
                return std::optional<std::chrono::milliseconds>{};
            }
            return v ? std::optional(std::chrono::milliseconds(*v)) : std::nullopt;
        };
        cfg.connect_timeout = millis("connect_timeout_ms", 100, 60'000);
        cfg.total_timeout = millis("timeout_ms", 100, 600'000);
        if (!n.ok()) return n.error();
    }
    if (!in.ok()) return in.error();
    return cfg;
}

}  // namespace selfcare::capi
