// SPDX-License-Identifier: Apache-2.0
// The physical screen. Size targets are physical (a fingertip does not care about pixels), so they
// are kept in millimetres and turned into pixels for the panel in the kiosk's config.
#pragma once

#include <cmath>

namespace selfcare::kiosk {

/// A touch panel: its resolution and pixel pitch. The default is the reference panel of kiosk.md
/// (21.5", 1920x1080, 0.248 mm per pixel, viewed from 600 mm).
struct Panel {
    int width_px = 1920;
    int height_px = 1080;
    double mm_per_px = 0.248;

    /// Pixels covering at least `mm` millimetres (rounded up, so a target is never smaller).
    float px(double mm) const { return static_cast<float>(std::ceil(mm / mm_per_px - 1e-9)); }

    /// A size fixed in pixels on the reference panel, scaled to keep its physical size here
    /// (text sizes are specified that way: 48 px body text on the reference panel).
    float reference_px(double px_on_reference) const { return px(px_on_reference * kReferenceMmPerPx); }

    static constexpr double kReferenceMmPerPx = 0.248;
};

}  // namespace selfcare::kiosk
