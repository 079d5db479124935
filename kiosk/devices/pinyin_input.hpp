// SPDX-License-Identifier: Apache-2.0
// PinyinInput: turns letters typed on the kiosk's on-screen keyboard into Chinese candidates
// (宽带 from "kuandai"), so customers can type Chinese. platform/linux implements it with
// librime; a kiosk without one offers Latin letters and digits only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace selfcare::kiosk::devices {

/// Which characters the candidates are written in: zh-CN uses simplified, zh-TW traditional.
enum class ChineseScript { kSimplified, kTraditional };

class PinyinInput {
public:
    virtual ~PinyinInput() = default;
    /// Up to `max` candidates for `letters` (lower-case a-z, full pinyin or initials such as
    /// "kd"), best first, UTF-8. Empty when nothing matches or the letters are not pinyin. Keeps
    /// nothing of what was typed (no learning: a kiosk is shared). UI thread only.
    virtual std::vector<std::string> candidates(std::string_view letters, ChineseScript script, std::size_t max) = 0;
};

}  // namespace selfcare::kiosk::devices
