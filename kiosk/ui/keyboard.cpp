// SPDX-License-Identifier: Apache-2.0
#include "ui/keyboard.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "ui/ui.hpp"

namespace selfcare::kiosk {
namespace {

constexpr std::array<std::string_view, 4> kRows{"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
constexpr std::size_t kMaxCandidates = 6;
constexpr std::size_t kMaxPinyin = 24;  // the longest phrases customers type; rime slows beyond

}  // namespace

std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void Keyboard::reset(std::string text) {
    text_ = std::move(text);
    composing_.clear();
}

void Keyboard::add(std::string_view piece, std::size_t max_chars) {
    // A piece that does not fit is refused whole: half a word is worse than none.
    if (code_points(text_) + code_points(piece) <= max_chars) text_ += piece;
}

void Keyboard::backspace() {
    if (!composing_.empty()) {
        composing_.pop_back();
        return;
    }
    // Remove one whole UTF-8 character, not one byte.
    while (!text_.empty()) {
        const auto c = static_cast<unsigned char>(text_.back());
        text_.pop_back();
        if ((c & 0xC0) != 0x80) break;
    }
}

bool Keyboard::draw(Ui& ui, const KeyboardOptions& o) {
    const Theme& t = ui.theme();
    const float gap = t.gap_px;
    const float left = ui.origin().x;
    const float width = ui.content_width();

    // The field: what is typed, the pending pinyin after it, and how much room is left.
    const std::string counter = std::to_string(code_points(text_)) + "/" + std::to_string(o.max_chars);
    const float counter_w = ui.measure(counter, t.body_px);
    std::string shown = text_ + composing_;
    const bool empty = shown.empty();
    if (empty && !o.placeholder_key.empty()) shown = ui.tr(o.placeholder_key);
    // Long text shows its end: the customer is typing there.
    while (!shown.empty() && ui.measure(shown, t.body_px) > width - counter_w - 3 * gap) {
        std::size_t cut = 1;
        while (cut < shown.size() && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) ++cut;
        shown.erase(0, cut);
    }
    const float field_h = t.body_px * t.line_pitch + gap;
    const float y0 = ui.cursor_y();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled({left, y0}, {left + width, y0 + field_h}, to_imgui(t.palette.background));
    dl->AddRect({left, y0}, {left + width, y0 + field_h}, to_imgui(t.palette.border), 8.0F, 0, 3.0F);
    const float ty = y0 + (field_h - t.body_px) / 2;
    ui.text_at({left + gap, ty}, shown, t.body_px, empty ? t.palette.text_muted : t.palette.text);
    if (!composing_.empty() && !empty) {
        // Underline the pinyin still waiting for a candidate, as desktop input methods do.
        const float x1 = left + gap + ui.measure(shown, t.body_px);
        const float x0 = x1 - ui.measure(composing_, t.body_px);
        dl->AddLine({x0, ty + t.body_px + 4}, {x1, ty + t.body_px + 4}, to_imgui(t.palette.text), 3.0F);
    }
    ui.text_at({left + width - counter_w - gap, ty}, counter, t.body_px, t.palette.text_muted);
    ui.space(field_h + gap);

    // The candidate row keeps its height while empty, so the keys do not move under the finger.
    const float key_h_min = t.min_target_px;
    if (o.pinyin == nullptr || composing_.empty()) {
        candidates_.clear();
        candidates_for_.clear();
    } else if (composing_ != candidates_for_) {
        // Asked once per change, not every frame.
        candidates_ = o.pinyin->candidates(composing_, o.script, kMaxCandidates);
        candidates_for_ = composing_;
    }
    const std::vector<std::string> candidates = candidates_;
    bool action = false;
    if (o.pinyin != nullptr) {
        const float row_h = std::max(t.min_target_px, t.button_label_px * 1.4F);
        float x = left;
        const float y = ui.cursor_y();
        for (const auto& c : candidates) {
            const float w = std::max(t.min_target_px, ui.measure(c, t.button_label_px) + 2 * gap);
            if (x + w > left + width) break;
            if (ui.button_at({x, y}, {w, row_h}, "cand:" + c, c, Style::kPrimary, t.button_label_px)) {
                add(c, o.max_chars);
                composing_.clear();
            }
            x += w + gap;
        }
        ui.space(row_h + gap);
    }

    // Five rows: digits, three letter rows (backspace after the last), then clear, space, action.
    const float key_w = (width - 9 * gap) / 10;
    const float key_h = std::clamp((ui.remaining_height() - 5 * gap) / 5, key_h_min, t.main_target_px * 1.1F);
    const float key_px = t.button_label_px;
    float y = ui.cursor_y();
    for (std::size_t r = 0; r < kRows.size(); ++r) {
        const std::string_view row = kRows[r];
        // Stagger the letter rows like a physical keyboard, so the layout is the familiar one.
        float x = left + (r < 2 ? 0.0F : (key_w + gap) * (r == 2 ? 0.5F : 1.0F));
        for (char ch : row) {
            const std::string k(1, ch);
            if (ui.button_at({x, y}, {key_w, key_h}, "key:" + k, k, Style::kSecondary, key_px)) {
                const bool letter = ch >= 'a' && ch <= 'z';
                if (letter && o.pinyin != nullptr) {
                    if (composing_.size() < kMaxPinyin && code_points(text_) + composing_.size() < o.max_chars) composing_ += ch;
                } else {
                    add(composing_, o.max_chars);  // a digit after pinyin keeps the letters as typed
                    composing_.clear();
                    add(k, o.max_chars);
                }
            }
            x += key_w + gap;
        }
        if (r == 3) {
            const float w = left + width - x;
            if (ui.button_at({x, y}, {w, key_h}, "keyboard.backspace", ui.tr("keyboard.backspace"), Style::kSecondary, t.button_label_px)) backspace();
        }
        y += key_h + gap;
    }
    const float side = (key_w + gap) * 2 - gap;
    const float action_w = (key_w + gap) * 3 - gap;
    if (ui.button_at({left, y}, {side, key_h}, "keyboard.clear", ui.tr("keyboard.clear"), Style::kSecondary, t.button_label_px)) reset();
    const float space_x = left + side + gap;
    const float space_w = width - side - action_w - 2 * gap;
    if (ui.button_at({space_x, y}, {space_w, key_h}, "key: ", ui.tr("keyboard.space"), Style::kSecondary, t.button_label_px)) {
        if (!composing_.empty()) {
            // Space picks the first candidate, as on a desktop input method.
            add(candidates.empty() ? composing_ : candidates.front(), o.max_chars);
            composing_.clear();
        } else {
            add(" ", o.max_chars);
        }
    }
    if (ui.button_at({left + width - action_w, y}, {action_w, key_h}, std::string(o.action_key), ui.tr(o.action_key), Style::kPrimary,
                     t.button_label_px)) {
        add(composing_, o.max_chars);
        composing_.clear();
        action = true;
    }
    ui.space(y + key_h + gap - ui.cursor_y());
    return action;
}

}  // namespace selfcare::kiosk
