// SPDX-License-Identifier: Apache-2.0
#include "app/kiosk_config.hpp"

#include "app/staff_pin.hpp"

#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

namespace selfcare::kiosk {

std::optional<KioskConfig> load_kiosk_config(const std::filesystem::path& path, std::string* error) {
    using nlohmann::json;
    std::ifstream in(path);
    if (!in) {
        *error = "cannot read the kiosk config " + path.string();
        return std::nullopt;
    }
    const json doc = json::parse(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>(), nullptr, false);
    if (!doc.is_object()) {
        *error = path.string() + " is not a JSON object";
        return std::nullopt;
    }
    KioskConfig c;
    std::string bad;
    auto string_at = [&](const json& obj, const char* key, std::string* out, const std::string& name) {
        if (!obj.contains(key)) return;
        if (!obj[key].is_string() || obj[key].get<std::string>().empty()) bad = name;
        else *out = obj[key].get<std::string>();
    };
    string_at(doc, "store_id", &c.store_id, "store_id");
    // The PIN itself never belongs in the file: only its salted hash.
    if (doc.contains("staff_pin")) bad = "staff_pin (the PIN is not kept in clear: set staff_pin_hash, see selfcare-kiosk --hash-pin)";
    string_at(doc, "staff_pin_hash", &c.staff_pin_hash, "staff_pin_hash");
    if (!valid_staff_pin_hash(c.staff_pin_hash)) bad = "staff_pin_hash (pbkdf2-sha256$ITERATIONS$SALT$KEY from selfcare-kiosk --hash-pin)";
    if (doc.contains("volume_percent")) {
        const json& v = doc["volume_percent"];
        if (!v.is_number_integer() || v.get<int>() < 0 || v.get<int>() > 200) bad = "volume_percent (0..200)";
        else c.volume_percent = v.get<int>();
    }
    if (doc.contains("device")) {
        if (!doc["device"].is_object()) bad = "device";
        else {
            string_at(doc["device"], "id", &c.device_id, "device.id");
            string_at(doc["device"], "secret", &c.device_secret, "device.secret");
        }
    }
    if (doc.contains("panel")) {
        const json& p = doc["panel"];
        const bool ok = p.is_object() && p.value("width_px", 0) > 0 && p.value("height_px", 0) > 0 &&
                        p.value("width_mm", 0.0) > 0;
        if (!ok) bad = "panel (width_px, height_px, width_mm)";
        else {
            c.panel.width_px = p["width_px"];
            c.panel.height_px = p["height_px"];
            c.panel.mm_per_px = p["width_mm"].get<double>() / c.panel.width_px;
        }
    }
    if (doc.contains("timeouts")) {
        const json& t = doc["timeouts"];
        if (!t.is_object() || (t.contains("goodbye_s") && (!t["goodbye_s"].is_number_integer() || t["goodbye_s"].get<int>() < 1))) {
            bad = "timeouts.goodbye_s";
        } else {
            c.goodbye = std::chrono::seconds(t.value("goodbye_s", 8));
        }
    }
    if (doc.contains("printer")) {
        const json& p = doc["printer"];
        const std::string kind = p.is_object() && p.value("kind", json()).is_string() ? p["kind"].get<std::string>() : "";
        if (kind == "png") c.printer.kind = PrinterConfig::Kind::kPng;
        else if (kind == "escpos-device") c.printer.kind = PrinterConfig::Kind::kEscPosDevice;
        else if (kind == "escpos-file") c.printer.kind = PrinterConfig::Kind::kEscPosFile;
        else if (kind == "none") c.printer.kind = PrinterConfig::Kind::kNone;
        else bad = "printer.kind (png, escpos-device, escpos-file or none)";
        if (bad.empty() && p.contains("target")) {
            std::string target;
            string_at(p, "target", &target, "printer.target");
            c.printer.target = target;
        }
        const bool escpos = c.printer.kind == PrinterConfig::Kind::kEscPosDevice || c.printer.kind == PrinterConfig::Kind::kEscPosFile;
        if (bad.empty() && escpos && c.printer.target.empty()) bad = "printer.target (an ESC/POS printer needs its device or file)";
    }
    if (!bad.empty()) {
        *error = path.string() + ": field " + bad + " is missing a valid value";
        return std::nullopt;
    }
    return c;
}

}  // namespace selfcare::kiosk
