// SPDX-License-Identifier: Apache-2.0
// The pronunciation override table: words espeak-ng's Mandarin voice reads with the wrong
// reading of a polyphone (长辈 as cháng bèi, 银行 as yín xíng, 重新 as zhòng xīn, ...).
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace selfcare::kiosk::speech {

/// One override: a word as written (simplified or traditional) and tone-numbered pinyin.
/// espeak-ng's `cmn-latn-pinyin` voice reads such pinyin as Mandarin, also when it sits among
/// Chinese characters (checked with `espeak-ng -q -x -v cmn-latn-pinyin '欢迎使用zhang3 bei4模式'`;
/// see README.md).
struct Pronunciation {
    std::string_view written;
    std::string_view pinyin;
};

/// The table, in both scripts. Every entry was heard wrong from espeak-ng 1.51 without it.
std::span<const Pronunciation> pronunciation_overrides();

/// Replaces every listed word in `text` by its pinyin, longest match first, with a space on
/// each side so the syllables never run into neighbouring Latin letters
/// ("银行卡" -> " yin2 hang2 卡"). Text with no listed word comes back unchanged.
std::string apply_pronunciations(std::string_view text);

}  // namespace selfcare::kiosk::speech
