// SPDX-License-Identifier: Apache-2.0
// Mandarin number words for speech. espeak-ng's cmn voices read digit strings badly (10086 as
// "十千…", the decimal point dropped: kiosk-research.md section 4), so the kiosk never hands them
// digits: amounts become words here, phone numbers and codes are read digit by digit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace selfcare::kiosk::speech {

/// Simplified (zh-CN) or traditional (zh-TW) characters: 万/萬, 亿/億, 两/兩.
enum class Script { kSimplified, kTraditional };

/// The cardinal reading of n: 0 零, 10 十, 110 一百一十, 1005 一千零五, 10086 一万零八十六,
/// 100000001 一亿零一. Beyond 9999万亿 (10^16 - 1) it reads the digits one by one.
/// `liang`: a leading 2 before 百/千/万/亿 becomes 两 (两百, 两万), as amounts are said aloud.
std::string zh_cardinal(std::uint64_t n, Script script, bool liang = false);

/// An amount of money given in fen (1/100 yuan): 12345 一百二十三元四角五分, 10005 一百元零五分,
/// 50 五角, 200 两元, 0 零元, -1050 负十元五角.
std::string zh_money(std::int64_t fen, Script script);

/// One digit as read in a phone number or code: 1 is 幺 (yāo), which cannot be misheard as 七
/// over a speaker; the others are 零二三四五六七八九. Non-digits give an empty string.
std::string_view zh_phone_digit(char digit);

/// One digit as read inside a number or a year: 0 零, 1 一, ... 9 九.
std::string_view zh_plain_digit(char digit);

}  // namespace selfcare::kiosk::speech
