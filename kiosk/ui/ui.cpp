// SPDX-License-Identifier: Apache-2.0
#include "ui/ui.hpp"

#include <algorithm>
#include <cmath>

#include "text/line_breaker.hpp"
#include "ui/fonts.hpp"

namespace selfcare::kiosk {

ImU32 to_imgui(Rgb c, int alpha) { return IM_COL32(c.r, c.g, c.b, alpha); }

namespace {

// A pressed button darkens a little: feedback that the touch landed, not a colour-only signal.
Rgb pressed(Rgb c) {
    return {static_cast<std::uint8_t>(c.r * 0.85), static_cast<std::uint8_t>(c.g * 0.85), static_cast<std::uint8_t>(c.b * 0.85)};
}

}  // namespace

void Ui::begin(const Theme& theme, const Catalog& catalog, ImVec2 origin, ImVec2 size) {
    theme_ = &theme;
    catalog_ = &catalog;
    origin_ = origin;
    size_ = size;
    y_ = origin.y;
}

float Ui::measure(std::string_view text, float px) const {
    ImFont* f = fonts_.at(px);
    return f->CalcTextSizeA(px, 1e9F, 0.0F, text.data(), text.data() + text.size()).x;
}

void Ui::text_at(ImVec2 pos, std::string_view text, float px, Rgb color) {
    fonts_.require(text);
    ImGui::GetWindowDrawList()->AddText(fonts_.at(px), px, pos, to_imgui(color), text.data(), text.data() + text.size());
    records_.push_back({"", std::string(text), pos.x, pos.y, measure(text, px), px, false, px});
}

void Ui::lines(std::string_view text, float px, Rgb color, float x, float max_width, int max_lines) {
    fonts_.require(text);
    auto broken = break_lines(text, max_width, [&](std::string_view s) { return measure(s, px); });
    if (max_lines > 0 && broken.size() > static_cast<size_t>(max_lines)) {
        // Cut to the last line that fits with the ellipsis, a whole UTF-8 character at a time.
        broken.resize(static_cast<size_t>(max_lines));
        std::string& last = broken.back();
        static constexpr std::string_view kEllipsis = "…";
        while (!last.empty() && measure(last + std::string(kEllipsis), px) > max_width) {
            while (!last.empty() && (static_cast<unsigned char>(last.back()) & 0xC0) == 0x80) last.pop_back();  // continuation bytes
            if (!last.empty()) last.pop_back();  // the character's first byte
        }
        last += kEllipsis;
    }
    const float pitch = px * theme_->line_pitch;
    for (const auto& line : broken) {
        // Centre the glyphs in the taller line box: ImGui draws text at the top of its line.
        text_at({x, y_ + (pitch - px) / 2}, line, px, color);
        y_ += pitch;
    }
}

void Ui::title(std::string_view text) {
    lines(text, theme_->title_px, theme_->palette.text, origin_.x, size_.x);
    y_ += theme_->gap_px;
}

void Ui::paragraph(std::string_view text, bool muted) {
    lines(text, theme_->body_px, muted ? theme_->palette.text_muted : theme_->palette.text, origin_.x, size_.x);
    y_ += theme_->body_px * (theme_->paragraph_gap - theme_->line_pitch);
}

void Ui::paragraph_at_most(std::string_view text, int max_lines) {
    lines(text, theme_->body_px, theme_->palette.text, origin_.x, size_.x, max_lines);
    y_ += theme_->body_px * (theme_->paragraph_gap - theme_->line_pitch);
}

void Ui::figure(std::string_view label, std::string_view value) {
    const float body = theme_->body_px;
    const float fig = theme_->figure_px;
    text_at({origin_.x, y_ + (fig - body)}, label, body, theme_->palette.text_muted);
    const float label_w = std::max(measure(label, body) + theme_->gap_px, size_.x * 0.3F);
    text_at({origin_.x + label_w, y_}, value, fig, theme_->palette.text);
    y_ += fig * theme_->line_pitch;
}

float Ui::bar_height() const {
    const float body = theme_->body_px;
    return body * theme_->line_pitch + std::max(16.0F, body * 0.5F) + theme_->gap_px;
}

float Ui::button_row_height() const { return std::max(theme_->main_target_px, theme_->button_label_px * 1.6F) + theme_->gap_px; }

void Ui::bar(std::string_view label, float fraction, std::string_view value) {
    const float body = theme_->body_px;
    text_at({origin_.x, y_}, label, body, theme_->palette.text);
    text_at({origin_.x + size_.x - measure(value, body), y_}, value, body, theme_->palette.text);
    y_ += body * theme_->line_pitch;
    const float h = std::max(16.0F, body * 0.5F);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    fraction = std::clamp(fraction, 0.0F, 1.0F);
    dl->AddRectFilled({origin_.x, y_}, {origin_.x + size_.x, y_ + h}, to_imgui(theme_->palette.progress_track), h / 2);
    if (fraction > 0) dl->AddRectFilled({origin_.x, y_}, {origin_.x + size_.x * fraction, y_ + h}, to_imgui(theme_->palette.progress), h / 2);
    dl->AddRect({origin_.x, y_}, {origin_.x + size_.x, y_ + h}, to_imgui(theme_->palette.border), h / 2);
    y_ += h + theme_->gap_px;
}

void Ui::banner(std::string_view text) {
    const float px = theme_->body_px;
    const float pad = theme_->gap_px;
    const auto broken = break_lines(text, size_.x - 2 * pad, [&](std::string_view s) { return measure(s, px); });
    const float h = static_cast<float>(broken.size()) * px * theme_->line_pitch + 2 * pad;
    ImGui::GetWindowDrawList()->AddRectFilled({origin_.x, y_}, {origin_.x + size_.x, y_ + h}, to_imgui(theme_->palette.banner));
    float y = y_ + pad;
    for (const auto& line : broken) {
        text_at({origin_.x + pad, y + (px * theme_->line_pitch - px) / 2}, line, px, theme_->palette.on_banner);
        y += px * theme_->line_pitch;
    }
    y_ += h + theme_->gap_px;
}

bool Ui::button_at(ImVec2 pos, ImVec2 size, std::string_view key, std::string_view label, Style style, float font_px) {
    fonts_.require(label);
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushID(std::string(key).c_str());
    ImGui::PushID(std::string(label).c_str());
    const bool released = ImGui::InvisibleButton("##b", size) && !inert_;
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    ImGui::PopID();
    const Palette& p = theme_->palette;
    // An inert button (a call is running) loses its emphasis: it visibly does nothing now.
    if (inert_) style = Style::kSecondary;
    Rgb bg = style == Style::kPrimary ? p.primary : style == Style::kDanger ? p.danger : p.secondary;
    const Rgb fg = style == Style::kPrimary ? p.on_primary : style == Style::kDanger ? p.on_danger : p.on_secondary;
    if (held) bg = pressed(bg);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float radius = std::min(size.y * 0.15F, 16.0F);
    dl->AddRectFilled(pos, {pos.x + size.x, pos.y + size.y}, to_imgui(bg), radius);
    dl->AddRect(pos, {pos.x + size.x, pos.y + size.y}, to_imgui(p.border), radius, 0, 2.0F);
    // The label, broken into lines when it does not fit, centred.
    const float pad = theme_->gap_px / 2;
    auto broken = break_lines(label, size.x - 2 * pad, [&](std::string_view s) { return measure(s, font_px); });
    const float pitch = font_px * 1.2F;
    float y = pos.y + (size.y - pitch * static_cast<float>(broken.size())) / 2 + (pitch - font_px) / 2;
    for (const auto& line : broken) {
        const float w = measure(line, font_px);
        dl->AddText(fonts_.at(font_px), font_px, {pos.x + (size.x - w) / 2, y}, to_imgui(fg), line.c_str());
        y += pitch;
    }
    records_.push_back({std::string(key), std::string(label), pos.x, pos.y, size.x, size.y, true, font_px});
    return released;
}

bool Ui::corner_target(std::string_view key) {
    const float side = theme_->min_target_px;
    const ImVec2 pos{origin_.x + size_.x - side, origin_.y + size_.y - side};
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushID(std::string(key).c_str());
    const bool released = ImGui::InvisibleButton("##corner", {side, side});
    ImGui::PopID();
    records_.push_back({std::string(key), "", pos.x, pos.y, side, side, true, theme_->body_px});
    return released;
}

bool Ui::button(std::string_view key, std::string_view label, Style style) {
    const float px = theme_->button_label_px;
    const float w = std::min(size_.x, std::max(measure(label, px) + 4 * theme_->gap_px, theme_->main_target_px * 4));
    const float h = std::max(theme_->main_target_px, px * 1.6F);
    const bool r = button_at({origin_.x, y_}, {w, h}, key, label, style, px);
    y_ += h + theme_->gap_px;
    return r;
}

int Ui::button_row(const std::vector<Tile>& buttons, Style style) {
    if (buttons.empty()) return -1;
    const float px = theme_->button_label_px;
    const float gap = theme_->gap_px;
    const float n = static_cast<float>(buttons.size());
    const float w = (size_.x - gap * (n - 1)) / n;
    const float h = std::max(theme_->main_target_px, px * 1.6F);
    int hit = -1;
    for (size_t i = 0; i < buttons.size(); ++i) {
        const float x = origin_.x + static_cast<float>(i) * (w + gap);
        if (button_at({x, y_}, {w, h}, buttons[i].key, buttons[i].label, style, px)) hit = static_cast<int>(i);
    }
    y_ += h + gap;
    return hit;
}

int Ui::tiles(std::string_view grid_id, const std::vector<Tile>& items, bool details_are_hints) {
    const int most_per_page = std::max(1, theme_->max_tiles_per_page);
    const int columns = most_per_page <= 4 ? 2 : 3;
    const float gap = theme_->gap_px;
    const float px = theme_->button_label_px;
    const float w = (size_.x - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float pager_h = button_row_height();
    // Every tile is as tall as its longest label needs, broken as button_at breaks it: a label
    // never spills out of its tile, whatever the font size and language.
    const auto label_of = [](const Tile& t, bool with_detail) { return with_detail && !t.detail.empty() ? t.label + "\n" + t.detail : t.label; };
    const auto height_for = [&](bool with_detail) {
        std::size_t lines = 1;
        for (const Tile& t : items) {
            lines = std::max(lines, break_lines(label_of(t, with_detail), w - gap, [&](std::string_view s) { return measure(s, px); }).size());
        }
        return std::max(theme_->main_target_px, static_cast<float>(lines) * px * 1.2F + gap);
    };
    // As many tiles as fit without scrolling (at least one row); the rest go to further pages.
    const auto per_page_for = [&](float tile_h) {
        const auto rows = [&](float avail) { return std::max(1, static_cast<int>((avail + gap) / (tile_h + gap))); };
        const int n = std::min(most_per_page, rows(remaining_height()) * columns);
        return static_cast<int>(items.size()) > n ? std::min(most_per_page, rows(remaining_height() - pager_h) * columns) : n;
    };
    bool with_detail = true;
    float needed = height_for(true);
    int per_page = per_page_for(needed);
    if (details_are_hints && per_page < std::min(most_per_page, static_cast<int>(items.size()))) {
        const float label_only = height_for(false);
        if (per_page_for(label_only) > per_page) {
            with_detail = false;
            needed = label_only;
            per_page = per_page_for(label_only);
        }
    }
    const int pages = std::max(1, static_cast<int>((items.size() + static_cast<size_t>(per_page) - 1) / static_cast<size_t>(per_page)));
    int& page = pages_[std::string(grid_id)];
    page = std::clamp(page, 0, pages - 1);
    const int rows = (per_page + columns - 1) / columns;
    const float avail = remaining_height() - (pages > 1 ? pager_h : 0);
    const float h = std::clamp((avail - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows), needed,
                               std::max(needed, theme_->main_target_px * 2.2F));
    int hit = -1;
    const int first = page * per_page;
    const int last = std::min(static_cast<int>(items.size()), first + per_page);
    for (int i = first; i < last; ++i) {
        const int slot = i - first;
        const float x = origin_.x + static_cast<float>(slot % columns) * (w + gap);
        const float y = y_ + static_cast<float>(slot / columns) * (h + gap);
        const Tile& t = items[static_cast<size_t>(i)];
        if (button_at({x, y}, {w, h}, t.key, label_of(t, with_detail), Style::kSecondary, px)) hit = i;
    }
    const int used_rows = (last - first + columns - 1) / columns;
    y_ += static_cast<float>(std::max(used_rows, 1)) * (h + gap);
    pager(&page, pages);
    return hit;
}

void Ui::pager(int* page, int pages) {
    if (pages <= 1) return;
    const float gap = theme_->gap_px;
    const float row_h = button_row_height();
    const std::string page_text = format("nav.page_of", {{"page", std::to_string(*page + 1)}, {"pages", std::to_string(pages)}});
    std::vector<Tile> nav;
    if (*page > 0) nav.push_back({"nav.previous_page", tr("nav.previous_page"), ""});
    if (*page + 1 < pages) nav.push_back({"nav.next_page", tr("nav.next_page"), ""});
    text_at({origin_.x, y_ + (row_h - gap - theme_->body_px) / 2}, page_text, theme_->body_px, theme_->palette.text);
    const float pw = theme_->main_target_px * 4;
    float x = origin_.x + size_.x - static_cast<float>(nav.size()) * (pw + gap) + gap;
    for (const auto& n : nav) {
        if (button_at({x, y_}, {pw, row_h - gap}, n.key, n.label, Style::kPrimary, theme_->button_label_px)) {
            *page += n.key == "nav.next_page" ? 1 : -1;
        }
        x += pw + gap;
    }
    y_ += row_h;
}

bool Ui::keypad(std::string* value, std::size_t max_digits, std::string_view action_key) {
    static const char* const kKeys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "keypad.delete", "0", ""};
    const float gap = theme_->gap_px;
    const float h = std::max(theme_->main_target_px * 1.1F, theme_->figure_px * 1.4F);
    const float w = std::min((size_.x - 2 * gap) / 3, h * 2.6F);
    bool action = false;
    for (int i = 0; i < 12; ++i) {
        const float x = origin_.x + static_cast<float>(i % 3) * (w + gap);
        const float y = y_ + static_cast<float>(i / 3) * (h + gap);
        std::string key = i == 11 ? std::string(action_key) : kKeys[i];
        const bool digit = key.size() == 1;
        const std::string label = digit ? key : tr(key);
        const Style style = i == 11 ? Style::kPrimary : Style::kSecondary;
        if (button_at({x, y}, {w, h}, digit ? "key:" + key : key, label, style, digit ? theme_->figure_px : theme_->button_label_px)) {
            if (digit && value->size() < max_digits) value->push_back(key[0]);
            else if (i == 9 && !value->empty()) value->pop_back();
            else if (i == 11) action = true;
        }
    }
    y_ += 4 * (h + gap);
    return action;
}

}  // namespace selfcare::kiosk
