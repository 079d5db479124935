// SPDX-License-Identifier: Apache-2.0
#include "ui/glyph_set.hpp"

namespace selfcare::kiosk {

std::vector<char32_t> decode_utf8(std::string_view s) {
    std::vector<char32_t> out;
    for (size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + static_cast<size_t>(len) > s.size()) {
            ++i;
            continue;
        }
        char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
        bool ok = true;
        for (int k = 1; k < len; ++k) {
            const auto c = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
            if ((c >> 6) != 0x2) ok = false;
            cp = (cp << 6) | (c & 0x3F);
        }
        if (ok) out.push_back(cp);
        i += ok ? static_cast<size_t>(len) : 1;
    }
    return out;
}

GlyphSet::GlyphSet() {
    for (char32_t c = 0x20; c < 0x7F; ++c) points_.insert(c);
    for (char32_t c = 0x3000; c <= 0x303F; ++c) points_.insert(c);  // CJK symbols and punctuation
    for (char32_t c = 0xFF01; c <= 0xFF5E; ++c) points_.insert(c);  // full-width forms
    for (char32_t c : {U'…', U'“', U'”', U'‘', U'’', U'·', U'—', U'¥', U'×', U'✓'}) points_.insert(c);
}

int GlyphSet::add(std::string_view utf8) {
    int added = 0;
    for (char32_t c : decode_utf8(utf8)) {
        if (c < 0x20 || c > 0xFFFF) continue;
        added += points_.insert(c).second ? 1 : 0;
    }
    return added;
}

bool GlyphSet::covers(std::string_view utf8) const {
    for (char32_t c : decode_utf8(utf8)) {
        if (c >= 0x20 && c <= 0xFFFF && points_.count(c) == 0) return false;
    }
    return true;
}

std::vector<std::uint16_t> GlyphSet::ranges() const {
    std::vector<std::uint16_t> out;
    for (auto it = points_.begin(); it != points_.end();) {
        const char32_t first = *it;
        char32_t last = first;
        for (++it; it != points_.end() && *it == last + 1; ++it) last = *it;
        out.push_back(static_cast<std::uint16_t>(first));
        out.push_back(static_cast<std::uint16_t>(last));
    }
    out.push_back(0);
    return out;
}

}  // namespace selfcare::kiosk
