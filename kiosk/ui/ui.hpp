// SPDX-License-Identifier: Apache-2.0
// The screens' drawing vocabulary on top of Dear ImGui 1.86: titles, paragraphs laid out with our
// CJK line breaker and the theme's line pitch, big figures, bars, buttons, tiles with paging (no
// scrolling), a keypad. Every size and colour comes from the active Theme, so elder mode is data.
// Every widget drawn is recorded (WidgetRecord) for scripts and tests. Buttons activate on
// release over the button (ImGui's default PressedOnClickRelease), as elder mode requires.
// UI thread only.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app/catalog.hpp"
#include "theme/theme.hpp"
#include "ui/widget_record.hpp"

namespace selfcare::kiosk {

class Fonts;

enum class Style { kPrimary, kSecondary, kDanger };

struct Tile {
    std::string key;    ///< stable id to tap by in scripts (a catalog key or e.g. "ticket:TT-1")
    std::string label;  ///< first line, button-label size
    std::string detail; ///< optional second line, body size
};

class Ui {
public:
    explicit Ui(Fonts& fonts) : fonts_(fonts) {}

    /// Starts a frame: the theme and catalog in use, and the content area the flow layout fills.
    void begin(const Theme& theme, const Catalog& catalog, ImVec2 origin, ImVec2 size);
    /// Inert: buttons, tiles and keys are drawn and recorded but never report a release (an SDK
    /// call is running). Until set_inert(false).
    void set_inert(bool on) { inert_ = on; }
    /// Forgets page numbers of tile grids (a new screen starts on page 1).
    void reset_pages() { pages_.clear(); }

    const Theme& theme() const { return *theme_; }
    /// The text of catalog `key` in the session's language.
    const std::string& tr(std::string_view key) const { return catalog_->text(key); }
    std::string format(std::string_view key, const std::vector<std::pair<std::string, std::string>>& values) const {
        return catalog_->format(key, values);
    }

    // Flow layout: each call draws below the previous one.
    void title(std::string_view text);
    void paragraph(std::string_view text, bool muted = false);
    /// A paragraph of at most `max_lines` lines, the last ending in "…" when the text is longer:
    /// for text of any length (what a customer typed) on a screen that must keep its buttons in
    /// view without scrolling.
    void paragraph_at_most(std::string_view text, int max_lines);
    /// A label and a large value (amounts, numbers: figure size).
    void figure(std::string_view label, std::string_view value);
    /// A labelled bar, `fraction` 0..1 filled.
    void bar(std::string_view label, float fraction, std::string_view value);
    /// The height bar() takes, gap included, and button_row()'s: for screens that page their
    /// content by what fits (nothing scrolls).
    float bar_height() const;
    float button_row_height() const;
    /// One row: "Page 2 of 3" on the left, Previous and Next (as they apply) on the right,
    /// button_row_height() tall. Moves `*page` when one is released; nothing when pages <= 1.
    void pager(int* page, int pages);
    /// A full-width banner (offline, notices).
    void banner(std::string_view text);
    void space(float px) { y_ += px; }
    /// A main-size button on its own row; true on the frame it is released over.
    bool button(std::string_view key, std::string_view label, Style style = Style::kPrimary);
    /// Buttons side by side on one row, equal widths; returns the index released, or -1.
    int button_row(const std::vector<Tile>& buttons, Style style = Style::kSecondary);
    /// A grid of tiles, at most theme().max_tiles_per_page per page and only as many rows as fit
    /// below what is already drawn, with Previous/Next below when there are more (no scrolling).
    /// Each tile is tall enough for its label and detail. `details_are_hints`: the details only
    /// explain the labels (home's tasks), so they are left out when that fits more tiles on a
    /// page; otherwise (a ticket's status) they are always shown. Returns the index of the tile
    /// released, or -1.
    int tiles(std::string_view grid_id, const std::vector<Tile>& items, bool details_are_hints = false);
    /// A 3×4 digit keypad (1-9, delete, 0, `action_key`). Appends to / edits `value` up to
    /// `max_digits`; returns true when the action key is released.
    bool keypad(std::string* value, std::size_t max_digits, std::string_view action_key);

    /// An unmarked target of the theme's minimum size in the bottom-right corner of the content
    /// area: drawn as nothing, recorded (key, empty label) so scripts can tap it. For staff
    /// entry, which customers are not meant to find. True on the frame it is released over.
    bool corner_target(std::string_view key);

    // Absolute placement (the chrome bar, overlays).
    bool button_at(ImVec2 pos, ImVec2 size, std::string_view key, std::string_view label, Style style, float font_px);
    void text_at(ImVec2 pos, std::string_view text, float px, Rgb color);
    /// Width of `text` at `px`.
    float measure(std::string_view text, float px) const;

    float remaining_height() const { return origin_.y + size_.y - y_; }
    /// Top-left of the content area and where the next flow widget goes (for column layouts).
    ImVec2 origin() const { return origin_; }
    float cursor_y() const { return y_; }
    float content_width() const { return size_.x; }

    /// What this frame drew so far.
    const std::vector<WidgetRecord>& records() const { return records_; }
    std::vector<WidgetRecord>& records() { return records_; }

private:
    void lines(std::string_view text, float px, Rgb color, float x, float max_width, int max_lines = 0);
    int page_of(std::string_view grid_id) { return pages_[std::string(grid_id)]; }

    Fonts& fonts_;
    const Theme* theme_ = nullptr;
    const Catalog* catalog_ = nullptr;
    ImVec2 origin_{};
    ImVec2 size_{};
    float y_ = 0;
    std::vector<WidgetRecord> records_;
    std::map<std::string, int> pages_;
    bool inert_ = false;
};

/// An ImGui colour from a palette colour.
ImU32 to_imgui(Rgb c, int alpha = 255);

}  // namespace selfcare::kiosk
