// SPDX-License-Identifier: Apache-2.0
// Mandarin cardinals and money: four-digit sections (个, 万, 亿, 万亿), one 零 for any run of
// zeros inside the number, none at the end, and 十 rather than 一十 at the very start.
#include "speech/numbers_zh.hpp"

#include <array>
#include <vector>

namespace selfcare::kiosk::speech {

namespace {

constexpr std::array<std::string_view, 10> kPlain = {"零", "一", "二", "三", "四",
                                                     "五", "六", "七", "八", "九"};
constexpr std::array<std::string_view, 4> kPlaceUnits = {"", "十", "百", "千"};

std::string_view section_unit(std::size_t index, Script script) {
    const bool trad = script == Script::kTraditional;
    switch (index) {
        case 1: return trad ? "萬" : "万";
        case 2: return trad ? "億" : "亿";
        case 3: return trad ? "萬億" : "万亿";
        default: return "";
    }
}

// 1..9999 without leading 零: 1005 一千零五, 10 一十 (the caller shortens a leading 一十).
std::string section_words(unsigned section) {
    std::string out;
    bool pending_zero = false;
    for (int place = 3; place >= 0; --place) {
        unsigned divisor = 1;
        for (int i = 0; i < place; ++i) divisor *= 10;
        const unsigned digit = (section / divisor) % 10;
        if (digit == 0) {
            if (!out.empty()) pending_zero = true;
            continue;
        }
        if (pending_zero) out += kPlain[0];
        pending_zero = false;
        out += kPlain[digit];
        out += kPlaceUnits[static_cast<std::size_t>(place)];
    }
    return out;
}

bool starts_with(const std::string& s, std::string_view prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::string_view zh_phone_digit(char digit) {
    if (digit < '0' || digit > '9') return {};
    return digit == '1' ? "幺" : kPlain[static_cast<std::size_t>(digit - '0')];
}

std::string_view zh_plain_digit(char digit) {
    if (digit < '0' || digit > '9') return {};
    return kPlain[static_cast<std::size_t>(digit - '0')];
}

std::string zh_cardinal(std::uint64_t n, Script script, bool liang) {
    if (n == 0) return std::string(kPlain[0]);
    constexpr std::uint64_t kLimit = 10'000'000'000'000'000ULL;  // 10^16: 一万万亿
    if (n >= kLimit) {
        std::string out;
        for (char c : std::to_string(n)) out += zh_plain_digit(c);
        return out;
    }
    std::vector<unsigned> sections;  // least significant first
    for (std::uint64_t rest = n; rest > 0; rest /= 10000) {
        sections.push_back(static_cast<unsigned>(rest % 10000));
    }
    std::string out;
    bool zero_between = false;
    for (std::size_t i = sections.size(); i-- > 0;) {
        const unsigned section = sections[i];
        if (section == 0) {
            if (!out.empty()) zero_between = true;
            continue;
        }
        // A gap of zeros before this section, or a section under 1000, is read as one 零:
        // 10005 一万零五, 10010000 一千零一万.
        if (!out.empty() && (zero_between || section < 1000)) out += kPlain[0];
        zero_between = false;
        out += section_words(section);
        out += section_unit(i, script);
    }
    // 10-19 at the very start are 十, 十五 (and 十万), not 一十.
    const std::string yi_shi = std::string(kPlain[1]) + std::string(kPlaceUnits[1]);
    if (starts_with(out, yi_shi)) out.erase(0, kPlain[1].size());
    if (liang && starts_with(out, kPlain[2])) {
        const std::string_view next = std::string_view(out).substr(kPlain[2].size());
        for (std::string_view unit : {"百", "千", "万", "萬", "亿", "億"}) {
            if (next.substr(0, unit.size()) == unit) {
                out.replace(0, kPlain[2].size(), script == Script::kTraditional ? "兩" : "两");
                break;
            }
        }
    }
    return out;
}

std::string zh_money(std::int64_t fen, Script script) {
    std::string out;
    // Arrears make a balance negative; the magnitude fits, since -INT64_MIN is avoided here.
    std::uint64_t magnitude = fen < 0 ? static_cast<std::uint64_t>(-(fen + 1)) + 1
                                      : static_cast<std::uint64_t>(fen);
    if (fen < 0) out += script == Script::kTraditional ? "負" : "负";
    const std::uint64_t yuan = magnitude / 100;
    const unsigned jiao = static_cast<unsigned>(magnitude / 10 % 10);
    const unsigned fen_digit = static_cast<unsigned>(magnitude % 10);
    const std::string_view two = script == Script::kTraditional ? "兩" : "两";
    // Two of a unit on its own is 两 (两元, 两角, 两分); in a longer number it stays 二 (十二元).
    auto small = [&](unsigned d) { return d == 2 ? two : kPlain[d]; };

    if (yuan > 0) {
        out += yuan == 2 ? std::string(two) : zh_cardinal(yuan, script, /*liang=*/true);
        out += "元";
    }
    if (jiao > 0) {
        out += small(jiao);
        out += "角";
    }
    if (fen_digit > 0) {
        if (yuan > 0 && jiao == 0) out += kPlain[0];  // 一百元零五分
        out += small(fen_digit);
        out += "分";
    }
    if (magnitude == 0) out = std::string(kPlain[0]) + "元";
    return out;
}

}  // namespace selfcare::kiosk::speech
