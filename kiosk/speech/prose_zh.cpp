// SPDX-License-Identifier: Apache-2.0
// Digit runs inside Chinese prose. espeak-ng would read them itself, wrongly (12345 as
// "十二千…", 0.5 as "零五"), so every digit leaves here as a Chinese character.
#include "speech/prose_zh.hpp"

#include "speech/pronunciations.hpp"

namespace selfcare::kiosk::speech {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string plain_digits(std::string_view digits) {
    std::string out;
    for (char c : digits) out += zh_plain_digit(c);
    return out;
}

std::string whole_number(std::string_view digits, Script script) {
    if ((digits.size() > 1 && digits[0] == '0') || digits.size() > 16) return plain_digits(digits);
    std::uint64_t n = 0;
    for (char c : digits) n = n * 10 + static_cast<std::uint64_t>(c - '0');
    return zh_cardinal(n, script);
}

}  // namespace

std::string zh_prose(std::string_view text, Script script) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_digit(text[i])) {
            out += text[i++];
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && is_digit(text[end])) ++end;
        const std::string_view whole = text.substr(i, end - i);
        if (end + 1 < text.size() && text[end] == '.' && is_digit(text[end + 1])) {
            std::size_t frac_end = end + 1;
            while (frac_end < text.size() && is_digit(text[frac_end])) ++frac_end;
            out += whole_number(whole, script);
            out += "点";
            out += plain_digits(text.substr(end + 1, frac_end - end - 1));
            i = frac_end;
            continue;
        }
        // Years are read digit by digit: 2024年 is 二零二四年, never 两千零二十四年.
        if (whole.size() == 4 && text.substr(end, 3) == "年") {
            out += plain_digits(whole);
        } else {
            out += whole_number(whole, script);
        }
        i = end;
    }
    return apply_pronunciations(out);
}

}  // namespace selfcare::kiosk::speech
