// SPDX-License-Identifier: Apache-2.0
// English number words for speech. espeak-ng's en-us voice reads plain numbers well, but money
// and digit-by-digit readings must be spelled out so every engine says them the same way.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace selfcare::kiosk::speech {

/// US-style cardinal without "and": 0 zero, 21 twenty-one, 123 one hundred twenty-three,
/// 1005 one thousand five, 1000000 one million.
std::string en_cardinal(std::uint64_t n);

/// An amount given in fen: 12345 "one hundred twenty-three yuan forty-five fen",
/// 10000 "one hundred yuan", 5 "five fen", 0 "zero yuan", -1050 "minus ten yuan fifty fen".
std::string en_money(std::int64_t fen);

/// One digit as a word ("zero" .. "nine"); non-digits give an empty string.
std::string_view en_digit(char digit);

}  // namespace selfcare::kiosk::speech
