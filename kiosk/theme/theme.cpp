// SPDX-License-Identifier: Apache-2.0
#include "theme/theme.hpp"

#include <algorithm>

namespace selfcare::kiosk {
namespace {

// One palette serves both themes: it already meets the elder floors (7:1 for text), and a
// customer who switches modes mid-visit should not see the screen change colour.
Palette kiosk_palette() {
    Palette p;
    p.background = Rgb::hex(0xFFFFFF);
    p.text = Rgb::hex(0x1A1A1A);
    p.text_muted = Rgb::hex(0x474747);
    p.primary = Rgb::hex(0x0B4F9C);
    p.on_primary = Rgb::hex(0xFFFFFF);
    p.secondary = Rgb::hex(0xE8EEF6);
    p.on_secondary = Rgb::hex(0x08386F);
    p.danger = Rgb::hex(0xA4161A);
    p.on_danger = Rgb::hex(0xFFFFFF);
    p.banner = Rgb::hex(0xFFE9A8);
    p.on_banner = Rgb::hex(0x1A1A1A);
    p.border = Rgb::hex(0x4F4F4F);
    p.progress = Rgb::hex(0x0B4F9C);
    p.progress_track = Rgb::hex(0xC9D3E0);
    return p;
}

}  // namespace

std::vector<ColorPair> Theme::color_pairs() const {
    const Palette& p = palette;
    return {
        {"text on background", p.text, p.background},
        {"muted text on background", p.text_muted, p.background},
        {"text on a secondary tile", p.text, p.secondary},
        {"muted text on a secondary tile", p.text_muted, p.secondary},
        {"label on the primary button", p.on_primary, p.primary},
        {"label on a secondary button", p.on_secondary, p.secondary},
        {"label on a danger button", p.on_danger, p.danger},
        {"text on the banner", p.on_banner, p.banner},
        {"error text on background", p.danger, p.background},
        {"link-coloured text on background", p.primary, p.background},
        {"button outline on background", p.border, p.background, false},
        {"primary button on background", p.primary, p.background, false},
        {"progress bar fill on its track", p.progress, p.progress_track, false},
        {"progress bar fill on background", p.progress, p.background, false},
    };
}

namespace {

// A theme's numbers as kiosk.md states them: text in px on the reference panel, targets in mm.
struct ThemeSpec {
    std::string_view name;
    double body, title, figure, button_label;  // px on the reference panel
    float line_pitch, paragraph_gap;           // multiples of the font size
    double main_target_mm, min_target_mm, gap_mm;
    int max_tiles_per_page;
    int list_rows_per_page;
    std::chrono::seconds inactivity, warning;
    int speech_rate_wpm;
    bool voice_on_by_default, promotions;
    double min_text_contrast, min_control_contrast;
};

Theme make_theme(const ThemeSpec& s, const Panel& panel, double text_scale) {
    Theme t;
    t.name = s.name;
    t.body_px = panel.reference_px(s.body * text_scale);
    t.title_px = panel.reference_px(s.title * text_scale);
    t.figure_px = panel.reference_px(s.figure * text_scale);
    t.button_label_px = panel.reference_px(s.button_label * text_scale);
    t.line_pitch = s.line_pitch;
    t.paragraph_gap = s.paragraph_gap;
    t.main_target_px = panel.px(s.main_target_mm);
    t.min_target_px = panel.px(s.min_target_mm);
    t.gap_px = panel.px(s.gap_mm);
    t.max_tiles_per_page = s.max_tiles_per_page;
    t.list_rows_per_page = s.list_rows_per_page;
    t.inactivity = s.inactivity;
    t.warning = s.warning;
    t.speech_rate_wpm = s.speech_rate_wpm;
    t.voice_on_by_default = s.voice_on_by_default;
    t.promotions = s.promotions;
    t.min_text_contrast = s.min_text_contrast;
    t.min_control_contrast = s.min_control_contrast;
    t.palette = kiosk_palette();
    return t;
}

}  // namespace

double text_scale_for(double cap_height_ratio) {
    if (!(cap_height_ratio > 0)) return 1.0;
    return std::max(1.0, kReferenceCapHeightRatio / cap_height_ratio);
}

Theme standard_theme(const Panel& panel, double text_scale) {
    return make_theme({.name = "standard", .body = 32, .title = 44, .figure = 48, .button_label = 36,
                       .line_pitch = 1.3F, .paragraph_gap = 1.7F,
                       .main_target_mm = 15, .min_target_mm = 12, .gap_mm = 5, .max_tiles_per_page = 6, .list_rows_per_page = 8,
                       .inactivity = std::chrono::seconds(90), .warning = std::chrono::seconds(30),
                       .speech_rate_wpm = 175, .voice_on_by_default = false, .promotions = true,
                       .min_text_contrast = 4.5, .min_control_contrast = 3.0},
                      panel, text_scale);
}

Theme elder_theme(const Panel& panel, double text_scale) {
    return make_theme({.name = "elder", .body = 48, .title = 64, .figure = 64, .button_label = 56,
                       .line_pitch = 1.5F, .paragraph_gap = 2.0F,
                       .main_target_mm = 20, .min_target_mm = 15, .gap_mm = 5, .max_tiles_per_page = 4, .list_rows_per_page = 4,
                       .inactivity = std::chrono::seconds(180), .warning = std::chrono::seconds(30),
                       .speech_rate_wpm = 140, .voice_on_by_default = true, .promotions = false,
                       .min_text_contrast = 7.0, .min_control_contrast = 4.5},
                      panel, text_scale);
}

}  // namespace selfcare::kiosk
