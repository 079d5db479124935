// SPDX-License-Identifier: Apache-2.0
// UTF-8 checks for user text: lengths are limited in code points (a Chinese character is one
// character to the customer, three bytes to the wire), and malformed UTF-8 is refused at the edge.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace selfcare::domain {

/// Number of code points in `text`, or std::nullopt when it is not well-formed UTF-8 (overlong
/// forms, surrogates and values above U+10FFFF are malformed). Thread-safe.
std::optional<std::size_t> utf8_length(std::string_view text);

/// True when `text` holds a C0 control character or DEL; `allow_newlines` permits '\n' and '\t'
/// (multi-line descriptions). Thread-safe.
bool has_control_chars(std::string_view text, bool allow_newlines);

/// The byte length of the longest prefix of well-formed `text` holding at most `max_code_points`
/// code points. Used to mask and to shorten text without splitting a character. Thread-safe.
std::size_t utf8_prefix_bytes(std::string_view text, std::size_t max_code_points);

}  // namespace selfcare::domain
