// SPDX-License-Identifier: Apache-2.0
// The override table and its application. UTF-8 is self-synchronising, so a byte-wise match of
// a whole word can never start in the middle of another character.
#include "speech/pronunciations.hpp"

#include <array>

namespace selfcare::kiosk::speech {

namespace {

// Each pair was checked with `espeak-ng -q -x -v cmn-latn-pinyin WORD` (1.51): the phonemes
// before the override show the wrong reading, those of the pinyin the right one.
constexpr std::array<Pronunciation, 37> kOverrides = {{
    {"长辈", "zhang3 bei4"},   {"長輩", "zhang3 bei4"},   // read cháng
    {"银行", "yin2 hang2"},    {"銀行", "yin2 hang2"},    // read xíng
    {"行长", "hang2 zhang3"},  {"行長", "hang2 zhang3"},  // read xíng cháng
    {"重新", "chong2 xin1"},                             // read zhòng (both scripts)
    {"重听", "chong2 ting1"},  {"重聽", "chong2 ting1"},  // the Repeat button
    {"重置", "chong2 zhi4"},   {"重試", "chong2 shi4"},
    {"重试", "chong2 shi4"},   {"重复", "chong2 fu4"},
    {"重複", "chong2 fu4"},    {"还款", "huan2 kuan3"},   // 还 read hái
    {"還款", "huan2 kuan3"},   {"归还", "gui1 huan2"},
    {"歸還", "gui1 huan2"},    {"退还", "tui4 huan2"},
    {"退還", "tui4 huan2"},    {"调整", "tiao2 zheng3"},  // 调 read diào
    {"調整", "tiao2 zheng3"},  {"处理", "chu3 li3"},      // 处 read chù
    {"處理", "chu3 li3"},      {"地址", "di4 zhi3"},      // 地 read de
    {"变更", "bian4 geng1"},   {"變更", "bian4 geng1"},   // 更 read gèng
    {"更换", "geng1 huan4"},   {"更換", "geng1 huan4"},
    {"更改", "geng1 gai3"},    {"差额", "cha1 e2"},       // 差 read chà
    {"差額", "cha1 e2"},       {"着急", "zhao2 ji2"},     // 着 read zhe
    {"著急", "zhao2 ji2"},     {"业务", "ye4 wu4"},       // 务 read neutral
    {"業務", "ye4 wu4"},       {"得到", "de2 dao4"},      // 得 read neutral de
}};

}  // namespace

std::span<const Pronunciation> pronunciation_overrides() { return kOverrides; }

std::string apply_pronunciations(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const Pronunciation* best = nullptr;
        for (const auto& entry : kOverrides) {
            if (text.substr(i, entry.written.size()) == entry.written &&
                (best == nullptr || entry.written.size() > best->written.size())) {
                best = &entry;
            }
        }
        if (best == nullptr) {
            out += text[i++];
            continue;
        }
        out += ' ';
        out += best->pinyin;
        out += ' ';
        i += best->written.size();
    }
    return out;
}

}  // namespace selfcare::kiosk::speech
