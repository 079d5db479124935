// SPDX-License-Identifier: Apache-2.0
// The customer's volume: five steps mapped onto Utterance::volume_percent, starting at the
// kiosk's default (config) and going back to it when the session ends, so the next customer does
// not inherit a whisper or a shout (EN 301 549 5.1.3.12/13). No window; UI thread only.
#pragma once

#include <array>

namespace selfcare::kiosk {

class Volume {
public:
    /// The loudness of each step, in percent of the engine's normal level.
    static constexpr std::array<int, 5> kStepPercent{40, 70, 100, 130, 160};

    /// Starts at the step nearest `default_percent` (clamped to 0..200).
    explicit Volume(int default_percent = 100);

    /// 1..5, as shown to the customer ("3/5").
    int step() const { return index_ + 1; }
    static constexpr int steps() { return static_cast<int>(kStepPercent.size()); }
    /// What Utterance::volume_percent gets.
    int percent() const { return kStepPercent[static_cast<std::size_t>(index_)]; }

    /// One step up or down; false (and no change) at either end.
    bool louder();
    bool quieter();
    /// Back to the kiosk's default step: the end of every session.
    void reset() { index_ = default_index_; }

private:
    int default_index_;
    int index_;
};

}  // namespace selfcare::kiosk
