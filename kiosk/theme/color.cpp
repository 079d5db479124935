// SPDX-License-Identifier: Apache-2.0
#include "theme/color.hpp"

#include <algorithm>
#include <cmath>

namespace selfcare::kiosk {
namespace {

// sRGB channel to linear light, as WCAG 2.x defines it (0.04045 threshold of IEC 61966-2-1).
double linear(std::uint8_t channel) {
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

double relative_luminance(Rgb c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

double contrast_ratio(Rgb a, Rgb b) {
    const double la = relative_luminance(a);
    const double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace selfcare::kiosk
