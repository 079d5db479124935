// SPDX-License-Identifier: Apache-2.0
// The on-screen keyboard for free text (FAQ search, a fault described in the customer's own
// words): a text field with a length counter, a row of Chinese candidates while pinyin is being
// typed, then the keys — digits, a QWERTY letter block, backspace, clear, space and the action
// key. Drawn with the Ui helpers, so every key is a recorded widget that scripts tap ("key:a",
// "key:7", "key: " for space, "keyboard.backspace", "keyboard.clear", "cand:宽带") and that
// activates on release.
//
// Layout: one page, no layers to switch. Ten keys across fill the content width (on the
// reference panel a letter key is about 156 × 70 px in elder mode, 39 × 17 mm), and five rows fit
// below a title, a field and the candidate row, so the elder targets (keys ≥ 15 mm, gaps ≥ 5 mm)
// hold without a reduced layout or pages. Keys never shrink below the theme's smallest target:
// on a panel too short for that the keyboard runs past the bottom rather than shrink keys.
//
// Chinese: when a PinyinInput is given, letters compose pinyin shown in the field; the candidate
// row offers words for it; tapping one (or Space: the first) puts it into the text. Without one,
// letters go into the text as typed. UI thread only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "devices/pinyin_input.hpp"

namespace selfcare::kiosk {

class Ui;

struct KeyboardOptions {
    std::size_t max_chars = 200;             ///< characters (code points) the text may hold
    std::string_view action_key;             ///< catalog key of the action (Search, Done)
    devices::PinyinInput* pinyin = nullptr;  ///< null: Latin letters only
    devices::ChineseScript script = devices::ChineseScript::kSimplified;
    std::string_view placeholder_key;        ///< catalog key shown in the empty field
};

class Keyboard {
public:
    /// Starts over with `text` in the field and no pinyin pending.
    void reset(std::string text = {});
    /// What was typed (pinyin still pending is not part of it until picked or the action key).
    const std::string& text() const { return text_; }
    /// Pinyin letters typed but not yet turned into Chinese.
    const std::string& composing() const { return composing_; }

    /// Draws the keyboard below the flow layout's cursor and applies the key released this
    /// frame. Returns true on the frame the action key is released; pending pinyin letters are
    /// then added to the text as typed.
    bool draw(Ui& ui, const KeyboardOptions& options);

private:
    void add(std::string_view piece, std::size_t max_chars);
    void backspace();

    std::string text_;
    std::string composing_;
    std::string candidates_for_;           // the pinyin candidates_ were asked for
    std::vector<std::string> candidates_;
};

/// Number of Unicode code points in UTF-8 `text` (continuation bytes are not counted).
std::size_t code_points(std::string_view text);

}  // namespace selfcare::kiosk
