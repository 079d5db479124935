// SPDX-License-Identifier: Apache-2.0
// Chinese prose made ready for espeak-ng: digit runs as number words, polyphones as pinyin.
#pragma once

#include <string>
#include <string_view>

#include "speech/numbers_zh.hpp"

namespace selfcare::kiosk::speech {

/// "请在180秒内完成" -> "请在一百八十秒内完成"; "2.5元" -> "二点五元"; "2024年" -> "二零二四年";
/// "007" -> "零零七" (a leading zero means an identifier, read digit by digit); then
/// apply_pronunciations().
std::string zh_prose(std::string_view text, Script script);

}  // namespace selfcare::kiosk::speech
