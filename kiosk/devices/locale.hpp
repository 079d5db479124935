// SPDX-License-Identifier: Apache-2.0
// The languages the kiosk speaks and prints in: the UI's language, one of three catalogs.
#pragma once

#include <optional>
#include <string_view>

namespace selfcare::kiosk::devices {

/// zh-CN (simplified, Mandarin), zh-TW (traditional, Mandarin), en (English).
enum class Locale { kZhCN, kZhTW, kEn };

/// "zh-CN", "zh-TW" or "en".
std::string_view to_string(Locale locale);

/// Parses the catalog names above; anything else is nullopt.
std::optional<Locale> parse_locale(std::string_view text);

/// True for both Chinese locales (Mandarin speech, Chinese number words, GB18030 on paper).
constexpr bool is_chinese(Locale locale) { return locale != Locale::kEn; }

}  // namespace selfcare::kiosk::devices
