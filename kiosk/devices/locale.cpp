// SPDX-License-Identifier: Apache-2.0
// Locale names as the i18n catalogs spell them.
#include "devices/locale.hpp"

namespace selfcare::kiosk::devices {

std::string_view to_string(Locale locale) {
    switch (locale) {
        case Locale::kZhCN: return "zh-CN";
        case Locale::kZhTW: return "zh-TW";
        case Locale::kEn: return "en";
    }
    return "zh-CN";
}

std::optional<Locale> parse_locale(std::string_view text) {
    if (text == "zh-CN") return Locale::kZhCN;
    if (text == "zh-TW") return Locale::kZhTW;
    if (text == "en") return Locale::kEn;
    return std::nullopt;
}

}  // namespace selfcare::kiosk::devices
