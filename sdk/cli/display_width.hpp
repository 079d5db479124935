// SPDX-License-Identifier: Apache-2.0
// How wide UTF-8 text is on a terminal: CJK and other East Asian wide characters take two
// columns, combining marks none. Uses glibc's wcwidth under a UTF-8 LC_CTYPE (see
// use_utf8_ctype), so tables line up with Chinese text in them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace selfcare::cli {

/// Makes LC_CTYPE a UTF-8 locale: the user's when it is UTF-8, else C.UTF-8 (built into glibc).
/// Call once at start-up, before any other thread runs. Returns false if no UTF-8 locale is
/// available (widths then count one column per character).
bool use_utf8_ctype();

/// Terminal columns `text` takes. Invalid bytes count one column each.
std::size_t display_width(std::string_view text);

/// `text` cut to at most `columns` columns, ending in "…" when something was cut. Never cuts a
/// character in half.
std::string truncate_to_width(std::string_view text, std::size_t columns);

/// `text` followed by spaces up to `columns` columns (unchanged when already as wide).
std::string pad_to_width(std::string_view text, std::size_t columns);

}  // namespace selfcare::cli
