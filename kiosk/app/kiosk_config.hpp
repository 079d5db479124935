// SPDX-License-Identifier: Apache-2.0
// The kiosk's own configuration file (--config): the panel it drives, the store it stands in,
// its device identity, and its timeouts. JSON, for example:
//   {"panel": {"width_px": 1920, "height_px": 1080, "width_mm": 476.2},
//    "store_id": "S-DC01", "device": {"id": "K-DC01", "secret": "demo-kiosk-secret-0001"},
//    "timeouts": {"goodbye_s": 8}, "staff_pin": "2468"}
// Every field is optional; the defaults are the demo kiosk on the reference panel.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "theme/panel.hpp"

namespace selfcare::kiosk {

struct KioskConfig {
    Panel panel;
    std::string store_id = "S-DC01";
    std::string device_id = "K-DC01";
    std::string device_secret = "demo-kiosk-secret-0001";  ///< the demo kiosk's; a real one comes from its config
    std::chrono::seconds goodbye{8};                       ///< how long the goodbye screen stays
    std::string staff_pin = "2468";
};

/// Reads `path`. Returns nullopt and sets `error` (the file and the field, never a value) when
/// the file cannot be read, is not a JSON object, or a field has the wrong type or range.
std::optional<KioskConfig> load_kiosk_config(const std::filesystem::path& path, std::string* error);

}  // namespace selfcare::kiosk
