// SPDX-License-Identifier: Apache-2.0
// The characters a font atlas must hold: built from the message catalogs plus ASCII, digits and
// CJK punctuation, and grown when text from the server brings characters the catalogs lack.
// Plain C++ (no ImGui), so the set is tested without a window.
#pragma once

#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

namespace selfcare::kiosk {

class GlyphSet {
public:
    /// ASCII printable, the CJK symbols and punctuation block, full-width forms, and the few
    /// typographic marks the catalogs use (… “ ” ‘ ’ · —).
    GlyphSet();

    /// Adds every code point of `utf8` (invalid bytes are skipped). Returns how many were new.
    int add(std::string_view utf8);
    /// True when every code point of `utf8` is in the set.
    bool covers(std::string_view utf8) const;
    std::size_t size() const { return points_.size(); }

    /// ImGui's glyph-range form: pairs of [first, last] code points, then a 0. Only the Basic
    /// Multilingual Plane (ImGui 1.86 is built with 16-bit ImWchar).
    std::vector<std::uint16_t> ranges() const;

private:
    std::set<char32_t> points_;
};

/// Decodes UTF-8 into code points, skipping invalid bytes.
std::vector<char32_t> decode_utf8(std::string_view utf8);

}  // namespace selfcare::kiosk
