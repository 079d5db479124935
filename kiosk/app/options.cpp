// SPDX-License-Identifier: Apache-2.0
#include "app/options.hpp"

#include <charconv>

namespace selfcare::kiosk {
namespace {

bool parse_size(const std::string& text, int* w, int* h) {
    const auto x = text.find('x');
    if (x == std::string::npos) return false;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    auto r1 = std::from_chars(begin, begin + x, *w);
    auto r2 = std::from_chars(begin + x + 1, end, *h);
    return r1.ec == std::errc() && r1.ptr == begin + x && r2.ec == std::errc() && r2.ptr == end && *w >= 320 &&
           *h >= 240 && *w <= 16384 && *h <= 16384;
}

}  // namespace

std::string usage() {
    return "usage: selfcare-kiosk --server URL [--ca-file F] [--data-dir DIR] [--locale zh-CN|en|zh-TW]\n"
           "                      [--elder] [--windowed WxH] [--config FILE] [--i18n DIR]\n"
           "                      [--script FILE --screenshots DIR] [--speech-wav F] [--card-file F]\n"
           "       selfcare-kiosk --hash-pin < pin.txt   (prints the config's staff_pin_hash for a PIN of 4-8 digits)\n";
}

std::optional<Options> parse_options(const std::vector<std::string>& args, std::string* error) {
    Options o;
    auto fail = [&](const std::string& message) {
        *error = message;
        return std::nullopt;
    };
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") return fail(usage());
        if (a == "--elder") {
            o.elder = true;
            continue;
        }
        if (a == "--hash-pin") {
            o.hash_pin = true;
            continue;
        }
        std::string* target = nullptr;
        if (a == "--server") target = &o.server;
        else if (a == "--ca-file") target = &o.ca_file;
        else if (a == "--data-dir") target = &o.data_dir;
        else if (a == "--locale") target = &o.locale;
        else if (a == "--config") target = &o.config_file;
        else if (a == "--script") target = &o.script_file;
        else if (a == "--screenshots") target = &o.screenshots_dir;
        else if (a == "--i18n") target = &o.i18n_dir;
        else if (a == "--speech-wav") target = &o.speech_wav;
        else if (a == "--card-file") target = &o.card_file;
        std::string size;
        if (a == "--windowed") target = &size;
        if (target == nullptr) return fail("unknown option " + a + "\n" + usage());
        if (i + 1 >= args.size()) return fail(a + " needs a value");
        *target = args[++i];
        if (a == "--windowed" && !parse_size(size, &o.window_width, &o.window_height)) {
            return fail("--windowed takes WIDTHxHEIGHT, e.g. 1920x1080");
        }
    }
    if (o.hash_pin) return o;
    if (o.server.empty()) return fail("--server URL is required\n" + usage());
    if (o.locale != "zh-CN" && o.locale != "en" && o.locale != "zh-TW") return fail("--locale must be zh-CN, en or zh-TW");
    if (!o.script_file.empty() && o.screenshots_dir.empty()) return fail("--script needs --screenshots DIR");
    return o;
}

}  // namespace selfcare::kiosk
