// SPDX-License-Identifier: Apache-2.0
// UTF-8 to a printer's code page through glibc's iconv.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace selfcare::platform_linux {

/// `utf8` in `encoding` (an iconv name such as "GB18030"); nullopt when the input is not
/// valid UTF-8, a character has no mapping, or iconv does not know the encoding.
std::optional<std::string> convert_from_utf8(std::string_view utf8, const std::string& encoding);

/// Columns a UTF-8 string takes on a receipt printer: ASCII is one, every other character
/// (Chinese, full-width punctuation) is printed double-width and takes two.
int print_columns(std::string_view utf8);

}  // namespace selfcare::platform_linux
