// SPDX-License-Identifier: Apache-2.0
// The themes against kiosk.md's table: sizes on the reference panel and on another panel, and
// the WCAG contrast of every colour pair the screens draw.
#include <doctest/doctest.h>

#include <string>

#include "theme/color.hpp"
#include "theme/theme.hpp"

using namespace selfcare::kiosk;

TEST_CASE("the WCAG formula gives the published anchor values") {
    CHECK(contrast_ratio(Rgb::hex(0x000000), Rgb::hex(0xFFFFFF)) == doctest::Approx(21.0));
    CHECK(contrast_ratio(Rgb::hex(0x777777), Rgb::hex(0x777777)) == doctest::Approx(1.0));
    // #767676 on white is the well-known lightest grey that passes AA (4.54:1).
    CHECK(contrast_ratio(Rgb::hex(0x767676), Rgb::hex(0xFFFFFF)) == doctest::Approx(4.54).epsilon(0.01));
    CHECK(contrast_ratio(Rgb::hex(0xFFFFFF), Rgb::hex(0x767676)) ==
          doctest::Approx(contrast_ratio(Rgb::hex(0x767676), Rgb::hex(0xFFFFFF))));
}

TEST_CASE("every colour pair of both themes meets its contrast floor") {
    for (const Theme& theme : {standard_theme(), elder_theme()}) {
        for (const ColorPair& pair : theme.color_pairs()) {
            const double ratio = contrast_ratio(pair.foreground, pair.background);
            const double floor = pair.text ? theme.min_text_contrast : theme.min_control_contrast;
            CAPTURE(theme.name);
            CAPTURE(pair.name);
            CAPTURE(ratio);
            CHECK(ratio >= floor);
        }
    }
    CHECK(elder_theme().min_text_contrast >= 7.0);
    CHECK(elder_theme().min_control_contrast >= 4.5);
}

TEST_CASE("elder mode meets kiosk.md's targets on the reference panel") {
    const Theme t = elder_theme();
    CHECK(t.body_px >= 48);
    CHECK(t.title_px >= 64);
    CHECK(t.figure_px >= 64);
    CHECK(t.line_pitch >= 1.5F);
    CHECK(t.main_target_px >= 81);  // 20 mm at 0.248 mm/px
    CHECK(t.min_target_px >= 61);   // 15 mm
    CHECK(t.gap_px >= 21);          // 5 mm
    CHECK(t.max_tiles_per_page <= 4);
    CHECK(t.list_rows_per_page <= 4);  // itemised usage and search results: four lines a page
    CHECK(t.inactivity == std::chrono::seconds(180));
    CHECK(t.warning >= std::chrono::seconds(30));
    CHECK(t.speech_rate_wpm == 140);
    CHECK(t.voice_on_by_default);
    CHECK_FALSE(t.promotions);

    const Theme s = standard_theme();
    CHECK(s.body_px >= 32);
    CHECK(s.min_target_px >= 48);  // 12 mm
    CHECK(s.inactivity == std::chrono::seconds(90));
}

TEST_CASE("sizes keep their physical size on a coarser panel") {
    // A 32" 1920x1080 panel has 0.369 mm pixels: fewer pixels cover the same millimetres.
    const Panel big{1920, 1080, 0.369};
    const Theme t = elder_theme(big);
    CHECK(t.main_target_px * big.mm_per_px >= 20.0);
    CHECK(t.min_target_px * big.mm_per_px >= 15.0);
    CHECK(t.gap_px * big.mm_per_px >= 5.0);
    CHECK(t.body_px * big.mm_per_px >= 48 * Panel::kReferenceMmPerPx);
    CHECK(t.body_px < elder_theme().body_px);
}
