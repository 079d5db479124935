// SPDX-License-Identifier: Apache-2.0
#include "theme/theme.hpp"

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

Theme standard_theme(const Panel& panel) {
    Theme t;
    t.name = "standard";
    t.body_px = panel.reference_px(32);
    t.title_px = panel.reference_px(44);
    t.figure_px = panel.reference_px(48);
    t.button_label_px = panel.reference_px(36);
    t.line_pitch = 1.3F;
    t.paragraph_gap = 1.7F;
    t.main_target_px = panel.px(15);
    t.min_target_px = panel.px(12);
    t.gap_px = panel.px(5);
    t.max_tiles_per_page = 6;
    t.inactivity = std::chrono::seconds(90);
    t.warning = std::chrono::seconds(30);
    t.speech_rate_wpm = 175;
    t.voice_on_by_default = false;
    t.promotions = true;
    t.min_text_contrast = 4.5;
    t.min_control_contrast = 3.0;
    t.palette = kiosk_palette();
    return t;
}

Theme elder_theme(const Panel& panel) {
    Theme t;
    t.name = "elder";
    t.body_px = panel.reference_px(48);
    t.title_px = panel.reference_px(64);
    t.figure_px = panel.reference_px(64);
    t.button_label_px = panel.reference_px(56);
    t.line_pitch = 1.5F;
    t.paragraph_gap = 2.0F;
    t.main_target_px = panel.px(20);
    t.min_target_px = panel.px(15);
    t.gap_px = panel.px(5);
    t.max_tiles_per_page = 4;
    t.inactivity = std::chrono::seconds(180);
    t.warning = std::chrono::seconds(30);
    t.speech_rate_wpm = 140;
    t.voice_on_by_default = true;
    t.promotions = false;
    t.min_text_contrast = 7.0;
    t.min_control_contrast = 4.5;
    t.palette = kiosk_palette();
    return t;
}

}  // namespace selfcare::kiosk
