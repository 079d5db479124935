// SPDX-License-Identifier: Apache-2.0
// English cardinals in groups of three (thousand, million, billion, ...), hyphenated tens.
#include "speech/numbers_en.hpp"

#include <array>

namespace selfcare::kiosk::speech {

namespace {

constexpr std::array<std::string_view, 20> kSmall = {
    "zero",    "one",     "two",       "three",    "four",     "five",    "six",
    "seven",   "eight",   "nine",      "ten",      "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen",  "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 10> kTens = {"",      "",      "twenty",  "thirty", "forty",
                                                    "fifty", "sixty", "seventy", "eighty", "ninety"};
constexpr std::array<std::string_view, 7> kGroups = {"",         "thousand",    "million",
                                                     "billion",  "trillion",    "quadrillion",
                                                     "quintillion"};

// 1..999.
std::string group_words(unsigned n) {
    std::string out;
    if (n >= 100) {
        out += kSmall[n / 100];
        out += " hundred";
        n %= 100;
        if (n > 0) out += ' ';
    }
    if (n >= 20) {
        out += kTens[n / 10];
        if (n % 10 > 0) {
            out += '-';
            out += kSmall[n % 10];
        }
    } else if (n > 0) {
        out += kSmall[n];
    }
    return out;
}

}  // namespace

std::string_view en_digit(char digit) {
    if (digit < '0' || digit > '9') return {};
    return kSmall[static_cast<std::size_t>(digit - '0')];
}

std::string en_cardinal(std::uint64_t n) {
    if (n == 0) return std::string(kSmall[0]);
    std::array<unsigned, kGroups.size()> groups{};
    std::size_t count = 0;
    for (std::uint64_t rest = n; rest > 0; rest /= 1000) groups[count++] = static_cast<unsigned>(rest % 1000);
    std::string out;
    for (std::size_t i = count; i-- > 0;) {
        if (groups[i] == 0) continue;
        if (!out.empty()) out += ' ';
        out += group_words(groups[i]);
        if (i > 0) {
            out += ' ';
            out += kGroups[i];
        }
    }
    return out;
}

std::string en_money(std::int64_t fen) {
    const std::uint64_t magnitude = fen < 0 ? static_cast<std::uint64_t>(-(fen + 1)) + 1
                                            : static_cast<std::uint64_t>(fen);
    const std::uint64_t yuan = magnitude / 100;
    const std::uint64_t cents = magnitude % 100;
    std::string out = fen < 0 ? "minus " : "";
    if (yuan > 0 || cents == 0) out += en_cardinal(yuan) + " yuan";
    if (cents > 0) {
        if (yuan > 0) out += ' ';
        out += en_cardinal(cents) + " fen";
    }
    return out;
}

}  // namespace selfcare::kiosk::speech
