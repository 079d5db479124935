// SPDX-License-Identifier: Apache-2.0
#include "display_width.hpp"

#include <langinfo.h>

#include <clocale>
#include <cstring>
#include <cwchar>

namespace selfcare::cli {
namespace {

bool ctype_is_utf8() {
    const char* codeset = ::nl_langinfo(CODESET);
    return codeset != nullptr && (std::strcmp(codeset, "UTF-8") == 0 || std::strcmp(codeset, "utf8") == 0);
}

// The next character of `text` from `at`: its byte length and column width.
struct Glyph {
    std::size_t bytes;
    std::size_t columns;
};

Glyph next_glyph(std::string_view text, std::size_t at) {
    std::mbstate_t state{};
    wchar_t wc = 0;
    const std::size_t n = std::mbrtowc(&wc, text.data() + at, text.size() - at, &state);
    if (n == static_cast<std::size_t>(-1) || n == static_cast<std::size_t>(-2) || n == 0) return {1, 1};
    const int w = ::wcwidth(wc);
    // Control characters (-1) are shown as nothing by our tables; count them as one column so
    // the layout never shrinks below what a terminal might print.
    return {n, w < 0 ? 1u : static_cast<std::size_t>(w)};
}

}  // namespace

bool use_utf8_ctype() {
    if (std::setlocale(LC_CTYPE, "") != nullptr && ctype_is_utf8()) return true;
    return std::setlocale(LC_CTYPE, "C.UTF-8") != nullptr && ctype_is_utf8();
}

std::size_t display_width(std::string_view text) {
    std::size_t columns = 0;
    for (std::size_t at = 0; at < text.size();) {
        const Glyph g = next_glyph(text, at);
        columns += g.columns;
        at += g.bytes;
    }
    return columns;
}

std::string truncate_to_width(std::string_view text, std::size_t columns) {
    if (display_width(text) <= columns) return std::string(text);
    if (columns == 0) return {};
    const std::size_t room = columns - 1;  // one column for the ellipsis
    std::size_t used = 0, at = 0;
    while (at < text.size()) {
        const Glyph g = next_glyph(text, at);
        if (used + g.columns > room) break;
        used += g.columns;
        at += g.bytes;
    }
    return std::string(text.substr(0, at)) + "…";
}

std::string pad_to_width(std::string_view text, std::size_t columns) {
    std::string out(text);
    const std::size_t w = display_width(text);
    if (w < columns) out.append(columns - w, ' ');
    return out;
}

}  // namespace selfcare::cli
