// SPDX-License-Identifier: Apache-2.0
// Rendering SpokenText parts per locale, and the masking rule for the speaker.
#include "speech/spoken_text.hpp"

#include <cctype>

#include "speech/numbers_en.hpp"
#include "speech/numbers_zh.hpp"
#include "speech/prose_zh.hpp"

namespace selfcare::kiosk::speech {

using devices::Locale;

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_separator(char c) { return c == ' ' || c == '-'; }

Script script_of(Locale locale) {
    return locale == Locale::kZhTW ? Script::kTraditional : Script::kSimplified;
}

std::string upper(char c) { return std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(c)))); }

// One character of a number or code as its word: 幺 / "one", letters as capitals.
std::string char_word(char c, Locale locale) {
    if (is_digit(c)) {
        return std::string(devices::is_chinese(locale) ? zh_phone_digit(c) : en_digit(c));
    }
    return is_letter(c) ? upper(c) : std::string();
}

// Groups of digits and letters, split where the input has spaces or '-'.
std::vector<std::string> groups_of(std::string_view text) {
    std::vector<std::string> groups(1);
    for (char c : text) {
        if (is_separator(c)) {
            if (!groups.back().empty()) groups.emplace_back();
        } else if (is_digit(c) || is_letter(c)) {
            groups.back() += c;
        }
    }
    if (groups.back().empty()) groups.pop_back();
    return groups;
}

// Splits long groups for breathing room: a bare 11-digit mobile number is 3-4-4, any other
// group longer than five characters goes in fours.
std::vector<std::string> phone_groups(std::string_view number) {
    std::vector<std::string> out;
    for (const auto& group : groups_of(number)) {
        if (group.size() == 11 && group[0] == '1') {
            out.push_back(group.substr(0, 3));
            out.push_back(group.substr(3, 4));
            out.push_back(group.substr(7));
        } else if (group.size() > 5) {
            for (std::size_t i = 0; i < group.size(); i += 4) out.push_back(group.substr(i, 4));
        } else {
            out.push_back(group);
        }
    }
    return out;
}

// Zh: digits run together inside a group, groups apart by "，"; letters get spaces so espeak
// says each letter. En: every character apart by ", " so "A" is the letter, not the article.
std::string read_groups(const std::vector<std::string>& groups, Locale locale) {
    const bool zh = devices::is_chinese(locale);
    std::string out;
    for (const auto& group : groups) {
        if (!out.empty()) out += zh ? "，" : ", ";
        bool first = true;
        for (char c : group) {
            const std::string word = char_word(c, locale);
            if (word.empty()) continue;
            if (!first) {
                if (!zh) out += ", ";
                else if (is_letter(c) || (!out.empty() && is_letter(out.back()))) out += ' ';
            }
            out += word;
            first = false;
        }
    }
    return out;
}

std::string last_four(std::string_view text) {
    std::string kept;
    for (char c : text) {
        if (is_digit(c) || is_letter(c)) kept += c;
    }
    return kept.size() > 4 ? kept.substr(kept.size() - 4) : kept;
}

std::string masked_number(std::string_view number, Locale locale) {
    const std::string tail = read_groups({last_four(number)}, locale);
    switch (locale) {
        case Locale::kZhCN: return "尾号" + tail;
        case Locale::kZhTW: return "尾號" + tail;
        case Locale::kEn: return "ending in " + tail;
    }
    return tail;
}

std::string masked_amount(Locale locale) {
    switch (locale) {
        case Locale::kZhCN: return "屏幕上显示的金额";
        case Locale::kZhTW: return "螢幕上顯示的金額";
        case Locale::kEn: return "the amount shown on the screen";
    }
    return {};
}

std::string read_phone(std::string_view number, Locale locale) {
    std::string out;
    const auto start = number.find_first_not_of(' ');
    if (start != std::string_view::npos && number[start] == '+') {
        out = devices::is_chinese(locale) ? "加" : "plus ";
    }
    return out + read_groups(phone_groups(number), locale);
}

// An ID number in its three fields: region (6), birth date (8), sequence and check (4).
std::string read_id_number(std::string_view number, Locale locale) {
    std::string kept;
    for (char c : number) {
        if (is_digit(c) || is_letter(c)) kept += c;
    }
    if (kept.size() != 18) return read_groups({kept}, locale);
    return read_groups({kept.substr(0, 6), kept.substr(6, 8), kept.substr(14)}, locale);
}

// Whitespace runs become one space; none at the ends.
std::string tidy(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\n';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

SpokenText& SpokenText::text(std::string_view prose) {
    parts_.push_back({Kind::kText, std::string(prose), {}, 0, Sensitivity::kPublic});
    return *this;
}

SpokenText& SpokenText::money(std::int64_t fen, Sensitivity sensitivity) {
    parts_.push_back({Kind::kMoney, {}, {}, fen, sensitivity});
    return *this;
}

SpokenText& SpokenText::phone(std::string_view number, Sensitivity sensitivity) {
    parts_.push_back({Kind::kPhone, std::string(number), {}, 0, sensitivity});
    return *this;
}

SpokenText& SpokenText::code(std::string_view code, Sensitivity sensitivity) {
    parts_.push_back({Kind::kCode, std::string(code), {}, 0, sensitivity});
    return *this;
}

SpokenText& SpokenText::id_number(std::string_view number) {
    parts_.push_back({Kind::kIdNumber, std::string(number), {}, 0, Sensitivity::kPersonal});
    return *this;
}

SpokenText& SpokenText::personal(std::string_view full, std::string_view masked) {
    parts_.push_back({Kind::kPersonal, std::string(full), std::string(masked), 0, Sensitivity::kPersonal});
    return *this;
}

bool SpokenText::has_personal() const {
    for (const auto& part : parts_) {
        if (part.sensitivity == Sensitivity::kPersonal) return true;
    }
    return false;
}

std::string SpokenText::render(Locale locale, Disclosure disclosure) const {
    const bool zh = devices::is_chinese(locale);
    std::string out;
    for (const auto& part : parts_) {
        const bool mask = disclosure == Disclosure::kMasked && part.sensitivity == Sensitivity::kPersonal;
        std::string said;
        switch (part.kind) {
            case Kind::kText:
                said = zh ? zh_prose(part.value, script_of(locale)) : part.value;
                break;
            case Kind::kMoney:
                if (mask) said = masked_amount(locale);
                else said = zh ? zh_money(part.fen, script_of(locale)) : en_money(part.fen);
                break;
            case Kind::kPhone:
                said = mask ? masked_number(part.value, locale) : read_phone(part.value, locale);
                break;
            case Kind::kCode:
                said = mask ? masked_number(part.value, locale) : read_groups(groups_of(part.value), locale);
                break;
            case Kind::kIdNumber:
                said = mask ? masked_number(part.value, locale) : read_id_number(part.value, locale);
                break;
            case Kind::kPersonal:
                said = mask ? part.masked : part.value;
                if (zh) said = zh_prose(said, script_of(locale));
                break;
        }
        // English words need a space between parts; Chinese runs on, and its punctuation
        // makes the pauses.
        if (!zh && !out.empty() && !said.empty()) out += ' ';
        out += said;
    }
    return tidy(out);
}

devices::Utterance to_utterance(const SpokenText& text, Locale locale, int rate_wpm,
                                bool headset_present, bool read_aloud_chosen) {
    devices::Utterance u;
    u.locale = locale;
    u.rate_wpm = rate_wpm;
    if (text.has_personal() && (headset_present || read_aloud_chosen)) {
        u.text = text.render(locale, Disclosure::kFull);
        u.privacy = read_aloud_chosen ? devices::Privacy::kPersonalReadAloud : devices::Privacy::kPersonal;
    } else {
        u.text = text.render(locale, Disclosure::kMasked);
        u.privacy = devices::Privacy::kPublic;
    }
    return u;
}

}  // namespace selfcare::kiosk::speech
