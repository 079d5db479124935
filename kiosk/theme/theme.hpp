// SPDX-License-Identifier: Apache-2.0
// The kiosk's two themes, standard and elder (长辈模式), as data. Screens read sizes, colours and
// timings from the active Theme and never branch on which theme it is, so elder mode cannot be
// forgotten on one screen. Numbers and their reasons: kiosk.md and kiosk-research.md (R1-R11).
#pragma once

#include <chrono>
#include <string_view>
#include <vector>

#include "theme/color.hpp"
#include "theme/panel.hpp"

namespace selfcare::kiosk {

/// Colours of a theme. Every foreground/background combination the screens draw is listed by
/// Theme::color_pairs(), which the contrast test walks.
struct Palette {
    Rgb background;     ///< the screen
    Rgb text;           ///< body text, titles, figures
    Rgb text_muted;     ///< secondary text (dates, hints); still held to the text contrast
    Rgb primary;        ///< the main action's button
    Rgb on_primary;     ///< text on it
    Rgb secondary;      ///< other buttons and tiles
    Rgb on_secondary;   ///< text on them
    Rgb danger;         ///< destructive or error
    Rgb on_danger;
    Rgb banner;         ///< the offline banner, notices
    Rgb on_banner;
    Rgb border;         ///< button and field outlines, icons (non-text: controls)
    Rgb progress;       ///< filled part of bars (allowance, repair progress)
    Rgb progress_track; ///< the empty part
};

/// One foreground drawn on one background, and whether the foreground is text.
struct ColorPair {
    std::string_view name;
    Rgb foreground;
    Rgb background;
    bool text = true;
};

/// Everything that differs between standard and elder mode, in pixels for one panel.
struct Theme {
    std::string_view name;  ///< "standard" or "elder"

    // Text (px). Line pitch and paragraph gap are multiples of the font size: Dear ImGui 1.86
    // has no leading of its own, so paragraphs are laid out by text/line_breaker.hpp.
    float body_px = 0;
    float title_px = 0;
    float figure_px = 0;        ///< amounts, phone numbers, data allowances
    float button_label_px = 0;
    float line_pitch = 0;
    float paragraph_gap = 0;

    // Touch targets (px): the main action, any target, and the gap between targets.
    float main_target_px = 0;
    float min_target_px = 0;
    float gap_px = 0;
    int max_tiles_per_page = 0;  ///< more options go to further pages (big Prev/Next), no scrolling
    int list_rows_per_page = 0;  ///< lines of a long list (itemised usage, search results) per page

    // Time and voice.
    std::chrono::seconds inactivity{0};  ///< no touch for this long ends the session
    std::chrono::seconds warning{0};     ///< spoken countdown with a huge Continue before that
    int speech_rate_wpm = 0;
    bool voice_on_by_default = false;
    bool promotions = false;  ///< elder mode shows no marketing at all

    // Contrast floors the palette must meet (WCAG ratio).
    double min_text_contrast = 0;
    double min_control_contrast = 0;

    Palette palette;

    /// Every colour combination the screens use, for the contrast test.
    std::vector<ColorPair> color_pairs() const;
};

/// The Latin capital height, as a share of Dear ImGui's font size (ascent to descent), of the font
/// the text sizes of kiosk.md were worked out with (WenQuanYi Micro Hei, kiosk-research.md): at
/// 48 px its capitals are 29 px, 7.3 mm on the reference panel, 0.7° at 600 mm.
inline constexpr double kReferenceCapHeightRatio = 0.61;

/// How much to grow the themes' text sizes so that a font whose capitals are `cap_height_ratio`
/// of its ImGui size keeps the physical letter sizes kiosk.md asks for. Noto Sans CJK (capitals
/// 733 of a 1448-unit line box, 0.506) needs 1.21×: without it elder body text would have 6.0 mm
/// capitals instead of 7.3 mm. Never shrinks text (a font with taller capitals keeps the sizes);
/// 1 for an unknown ratio (<= 0). Pure; thread-safe.
double text_scale_for(double cap_height_ratio);

/// The standard theme for `panel`: body >= 32 px, targets >= 12 mm, 90 s inactivity, text >= 4.5:1.
/// `text_scale` (from text_scale_for()) multiplies every text size; targets are not affected.
Theme standard_theme(const Panel& panel = {}, double text_scale = 1.0);

/// Elder mode for `panel`: body >= 48 px, titles and figures >= 64 px, line pitch 1.5, main
/// targets >= 20 mm, all >= 15 mm with >= 5 mm gaps, <= 4 tiles per page, 180 s inactivity with a
/// 30 s spoken warning, speech at 140 wpm on by default, no promotions, text >= 7:1, controls >= 4.5:1.
/// `text_scale` as for standard_theme().
Theme elder_theme(const Panel& panel = {}, double text_scale = 1.0);

}  // namespace selfcare::kiosk
