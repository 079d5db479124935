// SPDX-License-Identifier: Apache-2.0
// A strict UTF-8 decoder (RFC 3629): small enough that a library dependency would cost more
// than it saves, and the domain layer links nothing.
#include "domain/utf8.hpp"

#include <cstdint>

namespace selfcare::domain {
namespace {

// Length of the well-formed sequence starting at text[i], or 0 if it is malformed.
std::size_t sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
    const std::uint8_t lead = byte(i);
    if (lead < 0x80) return 1;
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        len = 2;
        cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        len = 3;
        cp = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        len = 4;
        cp = lead & 0x07u;
    } else {
        return 0;  // continuation byte, C0/C1 overlong lead, or > U+10FFFF
    }
    if (i + len > text.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0u) != 0x80u) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return 0;
    if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;
    return len;
}

}  // namespace

std::optional<std::size_t> utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = sequence_length(text, i);
        if (len == 0) return std::nullopt;
        i += len;
        ++count;
    }
    return count;
}

bool has_control_chars(std::string_view text, bool allow_newlines) {
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (allow_newlines && (c == '\n' || c == '\t')) continue;
        if (u < 0x20 || u == 0x7F) return true;
    }
    return false;
}

std::size_t utf8_prefix_bytes(std::string_view text, std::size_t max_code_points) {
    std::size_t i = 0;
    for (std::size_t n = 0; n < max_code_points && i < text.size(); ++n) {
        const std::size_t len = sequence_length(text, i);
        if (len == 0) break;
        i += len;
    }
    return i;
}

}  // namespace selfcare::domain
