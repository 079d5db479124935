// SPDX-License-Identifier: Apache-2.0
// The kiosk's own configuration file (--config): the panel it drives, the store it stands in,
// its device identity, its timeouts, the staff PIN's hash and the volume a session starts at.
// JSON, for example:
//   {"panel": {"width_px": 1920, "height_px": 1080, "width_mm": 476.2},
//    "store_id": "S-DC01", "device": {"id": "K-DC01", "secret": "demo-kiosk-secret-0001"},
//    "timeouts": {"goodbye_s": 8}, "staff_pin_hash": "pbkdf2-sha256$100000$...$...",
//    "volume_percent": 100, "printer": {"kind": "escpos-device", "target": "/dev/usb/lp0"}}
// Every field is optional; the defaults are the demo kiosk on the reference panel. The staff PIN
// is never in the file in clear: `selfcare-kiosk --hash-pin` turns a PIN into staff_pin_hash.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "theme/panel.hpp"

namespace selfcare::kiosk {

/// Where receipts go. kPng: an image of the receipt (platform/default), at `target` or, when
/// empty, in the screenshots folder in script mode and the data folder otherwise.
/// kEscPosDevice: ESC/POS to a printer's device node (`target`, required); a missing node means
/// unplugged. kEscPosFile: ESC/POS appended to a file (`target`, required; a spool). kNone: no
/// printer is fitted; receipts are offered as a QR code on screen only.
struct PrinterConfig {
    enum class Kind { kPng, kEscPosDevice, kEscPosFile, kNone } kind = Kind::kPng;
    std::filesystem::path target;
};

struct KioskConfig {
    Panel panel;
    std::string store_id = "S-DC01";
    std::string device_id = "K-DC01";
    std::string device_secret = "demo-kiosk-secret-0001";  ///< the demo kiosk's; a real one comes from its config
    std::chrono::seconds goodbye{8};                       ///< how long the goodbye screen stays
    /// PBKDF2-HMAC-SHA256 of the staff screen's PIN (app/staff_pin.hpp). The default is the
    /// demo kiosk's, PIN 2468; a real kiosk sets its own.
    std::string staff_pin_hash =
        "pbkdf2-sha256$100000$4b2d444330312064656d6f2073616c74$0c60faf3c263da2327ee37d0eace0ee3be8319432d0da1fffed4337ea755dbcb";
    int volume_percent = 100;  ///< speech loudness each session starts at (0..200, see app/volume.hpp)
    PrinterConfig printer;
};

/// Reads `path`. Returns nullopt and sets `error` (the file and the field, never a value) when
/// the file cannot be read, is not a JSON object, or a field has the wrong type or range.
std::optional<KioskConfig> load_kiosk_config(const std::filesystem::path& path, std::string* error);

}  // namespace selfcare::kiosk
