// SPDX-License-Identifier: Apache-2.0
// The kiosk's config file (app/kiosk_config.hpp): the printer it names, and a bad printer entry
// refused with the field named.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "app/kiosk_config.hpp"
#include "support/temp_dir.hpp"

using namespace selfcare;
using kiosk::PrinterConfig;

namespace {

std::optional<kiosk::KioskConfig> load(const test::TempDir& dir, const std::string& text, std::string* error) {
    const auto path = dir / "kiosk.json";
    std::ofstream(path) << text;
    return kiosk::load_kiosk_config(path, error);
}

}  // namespace

TEST_CASE("the printer defaults to a PNG receipt, and each kind is read with its target") {
    test::TempDir dir;
    std::string error;
    auto plain = load(dir, R"({"store_id": "S-1"})", &error);
    REQUIRE_MESSAGE(plain.has_value(), error);
    CHECK(plain->printer.kind == PrinterConfig::Kind::kPng);
    CHECK(plain->printer.target.empty());

    auto device = load(dir, R"({"printer": {"kind": "escpos-device", "target": "/dev/usb/lp0"}})", &error);
    REQUIRE_MESSAGE(device.has_value(), error);
    CHECK(device->printer.kind == PrinterConfig::Kind::kEscPosDevice);
    CHECK(device->printer.target == "/dev/usb/lp0");

    auto spool = load(dir, R"({"printer": {"kind": "escpos-file", "target": "spool.bin"}})", &error);
    REQUIRE_MESSAGE(spool.has_value(), error);
    CHECK(spool->printer.kind == PrinterConfig::Kind::kEscPosFile);

    auto none = load(dir, R"({"printer": {"kind": "none"}})", &error);
    REQUIRE_MESSAGE(none.has_value(), error);
    CHECK(none->printer.kind == PrinterConfig::Kind::kNone);
}

TEST_CASE("a bad printer entry is refused, naming the field") {
    test::TempDir dir;
    for (const char* text : {R"({"printer": "lp0"})", R"({"printer": {"kind": "laser"}})",
                             R"({"printer": {"kind": "escpos-device"}})", R"({"printer": {"kind": "escpos-file", "target": ""}})",
                             R"({"printer": {"kind": "png", "target": 7}})"}) {
        CAPTURE(text);
        std::string error;
        CHECK_FALSE(load(dir, text, &error).has_value());
        CHECK(error.find("printer.") != std::string::npos);
    }
}
