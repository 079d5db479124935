// SPDX-License-Identifier: Apache-2.0
// Paragraph line breaking for mixed Chinese and Latin text. Dear ImGui 1.86 wraps only at ASCII
// spaces: a Chinese run is one long "word" that is cut anywhere, so a line can start with "，" or
// "。". This breaker follows the common CJK rules (as in JIS X 4051 / GB/T 15834 practice):
//  - a line may break between any two Han (or kana, hangul) characters, and at spaces;
//  - Latin words and numbers stay whole unless a single one is wider than the line;
//  - closing punctuation (，。、；：？！）》」…％ and ASCII ,.;:!?)]}%) never starts a line;
//  - opening brackets and quotes (（《「“ ( [ {) never end one.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace selfcare::kiosk {

/// Width of a piece of UTF-8 text in pixels at the font in use (ImGui::CalcTextSize(...).x in the
/// app, a fixed advance per character in tests).
using MeasureText = std::function<float(std::string_view utf8)>;

/// Breaks `utf8` into lines no wider than `max_width` by `measure`. A '\n' forces a break (an
/// empty line stays empty). Spaces at a break are dropped. A single character wider than the line
/// still gets a line of its own, so no text is ever lost. Invalid UTF-8 bytes are kept as they are,
/// one byte per character. Pure; thread-safe if `measure` is.
std::vector<std::string> break_lines(std::string_view utf8, float max_width, const MeasureText& measure);

}  // namespace selfcare::kiosk
