// SPDX-License-Identifier: Apache-2.0
#include "app/volume.hpp"

#include <algorithm>
#include <cstdlib>

namespace selfcare::kiosk {
namespace {

int nearest_index(int percent) {
    percent = std::clamp(percent, 0, 200);
    int best = 0;
    for (int i = 1; i < Volume::steps(); ++i) {
        if (std::abs(Volume::kStepPercent[static_cast<std::size_t>(i)] - percent) <
            std::abs(Volume::kStepPercent[static_cast<std::size_t>(best)] - percent)) {
            best = i;
        }
    }
    return best;
}

}  // namespace

Volume::Volume(int default_percent) : default_index_(nearest_index(default_percent)), index_(default_index_) {}

bool Volume::louder() {
    if (index_ + 1 >= steps()) return false;
    ++index_;
    return true;
}

bool Volume::quieter() {
    if (index_ == 0) return false;
    --index_;
    return true;
}

}  // namespace selfcare::kiosk
