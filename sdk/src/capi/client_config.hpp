// SPDX-License-Identifier: Apache-2.0
// The sc_client_open() configuration (c-abi.md "Config"), parsed and checked field by field.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "capi/json_input.hpp"
#include "domain/result.hpp"
#include "platform/key_store.hpp"

namespace selfcare::capi {

/// Where the store's key comes from: a key file the SDK keeps (platform), a passphrase
/// (Argon2id), or the app's own key store (supplied: Android Keystore, iOS Keychain).
enum class KeyProvider { kPlatform, kPassphrase, kSupplied };
enum class DeviceKind { kKiosk, kApp, kEngineer };
/// How much the SDK writes to its diagnostic log (see call_log.hpp).
enum class LogLevel { kOff, kError, kInfo };

/// A checked configuration. Holds the passphrase or the supplied key (secrets) when those
/// providers are used; they are never logged or returned by any command. Move-only (the key).
struct ClientConfig {
    std::string server;  ///< base URL; empty means no server configured (offline only)
    std::filesystem::path data_dir;
    KeyProvider key_provider = KeyProvider::kPlatform;
    std::string passphrase;
    platform::SecretKey supplied_key;  ///< KeyProvider::kSupplied only
    DeviceKind device_kind = DeviceKind::kApp;
    std::string device_id;
    std::string device_secret;  ///< kiosks: the secret issued at registration; never logged or returned
    std::string store_id;
    std::string locale = "zh-CN";
    std::string pinned_public_key;
    std::string ca_file;
    LogLevel log_level = LogLevel::kOff;
    std::filesystem::path log_file;  ///< empty: standard error
    /// "network": the transport's timeouts; unset keeps net::TransportConfig's defaults.
    std::optional<std::chrono::milliseconds> connect_timeout;
    std::optional<std::chrono::milliseconds> total_timeout;
};

/// Parses the config JSON. Errors name the field: "config" (malformed), "data_dir" (required,
/// must be an existing folder), "server" (https, or http only to a loopback address),
/// "key.provider", "key.passphrase", "key.hex" (64 hexadecimal digits), "device.kind", "device.id" and "device.secret" (required
/// for a kiosk), "locale" (zh-CN, zh-TW or en),
/// "pinned_public_key" (sha256// pins separated by ';'), "ca_file" (must exist), "log.level"
/// (off, error or info), "log.file" (its folder must exist),
/// "network.connect_timeout_ms" (integer, 100 to 60000), "network.timeout_ms" (integer, 100 to
/// 600000; the whole exchange, connecting included).
domain::Result<ClientConfig> parse_client_config(const char* json);

std::string_view to_string(DeviceKind kind);

}  // namespace selfcare::capi
