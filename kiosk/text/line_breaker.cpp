// SPDX-License-Identifier: Apache-2.0
#include "text/line_breaker.hpp"

#include <algorithm>
#include <cstdint>

namespace selfcare::kiosk {
namespace {

struct CodePoint {
    char32_t value;
    std::string_view bytes;
};

// Decodes one code point at `pos`; an invalid sequence yields its first byte alone.
CodePoint decode(std::string_view s, std::size_t pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    const std::size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || pos + len > s.size()) return {0xFFFD, s.substr(pos, 1)};
    char32_t cp = len == 1 ? b0 : b0 & (0x7F >> len);
    for (std::size_t i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + i]);
        if ((b >> 6) != 0x2) return {0xFFFD, s.substr(pos, 1)};
        cp = (cp << 6) | (b & 0x3F);
    }
    return {cp, s.substr(pos, len)};
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000; }

// Characters between which a line may break: Han, kana, hangul, CJK symbols and fullwidth forms.
bool is_cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

bool never_starts_line(char32_t c) {
    static constexpr char32_t kClosing[] = {
        U',', U'.', U';', U':', U'!', U'?', U')', U']', U'}', U'%',
        0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF01, 0xFF09, 0xFF3D, 0xFF5D,
        0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0x3009,
        0x2026, 0x2025, 0x2019, 0x201D, 0xFF05, 0x2030, 0x00B7, 0x30FB, 0x3005, 0x30FC, 0xFF5E, 0x301C};
    return std::find(std::begin(kClosing), std::end(kClosing), c) != std::end(kClosing);
}

bool never_ends_line(char32_t c) {
    static constexpr char32_t kOpening[] = {U'(', U'[', U'{', 0xFF08, 0xFF3B, 0xFF5B, 0x300A, 0x300C,
                                            0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301A, 0x3008,
                                            0x2018, 0x201C};
    return std::find(std::begin(kOpening), std::end(kOpening), c) != std::end(kOpening);
}

// An unbreakable piece of a paragraph (a Han character, a Latin word or number, with the
// punctuation that may not be parted from it), or a run of spaces.
struct Token {
    std::string text;
    bool space = false;
};

std::vector<Token> tokenize(std::string_view para) {
    std::vector<Token> out;
    char32_t prev = 0;
    for (std::size_t pos = 0; pos < para.size();) {
        const CodePoint cp = decode(para, pos);
        pos += cp.bytes.size();
        const bool space = is_space(cp.value);
        bool starts_token = out.empty() || space != out.back().space;
        if (!starts_token && !space) {
            // Inside a run of non-spaces: a break is allowed next to a CJK character, unless this
            // character may not start a line or the previous one may not end it.
            starts_token = (is_cjk(prev) || is_cjk(cp.value)) && !never_starts_line(cp.value) &&
                           !never_ends_line(prev);
        }
        if (starts_token) out.push_back({std::string(cp.bytes), space});
        else out.back().text += cp.bytes;
        prev = cp.value;
    }
    return out;
}

// Splits a token wider than the line into pieces that fit (at least one character each).
std::vector<std::string> split_wide(const std::string& text, float max_width, const MeasureText& measure) {
    std::vector<std::string> pieces(1);
    for (std::size_t pos = 0; pos < text.size();) {
        const CodePoint cp = decode(text, pos);
        pos += cp.bytes.size();
        std::string candidate = pieces.back() + std::string(cp.bytes);
        if (!pieces.back().empty() && measure(candidate) > max_width) pieces.emplace_back(cp.bytes);
        else pieces.back() = std::move(candidate);
    }
    return pieces;
}

void break_paragraph(std::string_view para, float max_width, const MeasureText& measure,
                     std::vector<std::string>& lines) {
    std::string line;
    std::string pending_space;  // spaces between the line so far and the next word
    // Starts a new line with `word`, cutting it first if even alone it does not fit.
    const auto start_line = [&](const std::string& word) {
        if (measure(word) <= max_width) {
            line = word;
            return;
        }
        auto pieces = split_wide(word, max_width, measure);
        for (std::size_t i = 0; i + 1 < pieces.size(); ++i) lines.push_back(std::move(pieces[i]));
        line = std::move(pieces.back());
    };
    for (const Token& t : tokenize(para)) {
        if (t.space) {
            if (!line.empty()) pending_space += t.text;
            continue;
        }
        if (!line.empty()) {
            std::string candidate = line + pending_space + t.text;
            pending_space.clear();
            if (measure(candidate) <= max_width) {
                line = std::move(candidate);
                continue;
            }
            lines.push_back(std::move(line));
        }
        start_line(t.text);
    }
    lines.push_back(std::move(line));
}

}  // namespace

std::vector<std::string> break_lines(std::string_view utf8, float max_width, const MeasureText& measure) {
    std::vector<std::string> lines;
    while (true) {
        const auto nl = utf8.find('\n');
        break_paragraph(utf8.substr(0, nl), max_width, measure, lines);
        if (nl == std::string_view::npos) break;
        utf8.remove_prefix(nl + 1);
    }
    return lines;
}

}  // namespace selfcare::kiosk
