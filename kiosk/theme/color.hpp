// SPDX-License-Identifier: Apache-2.0
// Colours and the WCAG 2.x contrast formula. The kiosk's palettes are data, and every pair that
// carries text or marks a control is checked with this formula in a test (kiosk.md, "contrast").
#pragma once

#include <cstdint>

namespace selfcare::kiosk {

/// An sRGB colour, 8 bits per channel.
struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;

    /// From 0xRRGGBB.
    static constexpr Rgb hex(std::uint32_t v) {
        return {static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)};
    }
    friend constexpr bool operator==(Rgb, Rgb) = default;
};

/// WCAG relative luminance, 0 (black) to 1 (white). Pure; thread-safe.
double relative_luminance(Rgb c);

/// WCAG contrast ratio of two colours, 1 (same) to 21 (black on white); order does not matter.
double contrast_ratio(Rgb a, Rgb b);

}  // namespace selfcare::kiosk
