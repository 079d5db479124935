// SPDX-License-Identifier: Apache-2.0
// SpokenText: what a screen wants said, built from typed parts (prose, money, a phone number,
// a code, personal data), rendered into the text a speech engine reads: money in words, phone
// numbers and codes digit by digit, polyphones fixed, and personal data masked unless it may be
// heard in private.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "devices/locale.hpp"
#include "devices/speech.hpp"

namespace selfcare::kiosk::speech {

/// Whether personal parts are spoken in full (headset, or the customer chose "Read aloud") or
/// masked for the speaker.
enum class Disclosure { kFull, kMasked };

/// Marks a part as personal data (kiosk-research.md R10: phone, ID number, name, address,
/// balance) or not.
enum class Sensitivity { kPublic, kPersonal };

/// A prompt being put together, e.g.
///   SpokenText().text("您的手机号是").phone("13800138000").text("。")
/// Parts keep their order. A plain value; build it on the UI thread and hand the result of
/// to_utterance() to the engine.
///
/// Masking rule (text spoken over the speaker): a phone number or ID number is said only by
/// its last four characters ("尾号八零零零", "ending in eight zero zero zero"), the same four the
/// screen shows; a personal amount becomes "the amount on the screen"; other personal text
/// becomes the masked wording its caller supplies (often nothing, or "您").
class SpokenText {
public:
    /// Words as the screen shows them. In Chinese, digit runs become number words (180 一百八十,
    /// 2.5 二点五, 2024年 二零二四年) and listed polyphones become pinyin.
    SpokenText& text(std::string_view prose);
    /// An amount in fen, said as money (一百二十三元四角五分 / one hundred twenty-three yuan ...).
    SpokenText& money(std::int64_t fen, Sensitivity sensitivity = Sensitivity::kPublic);
    /// A phone number, digit by digit in groups (3-4-4 for a mobile number; spaces or '-' in
    /// the input give the groups otherwise); a leading '+' is said. Personal unless told not
    /// to be (a hotline such as 10086 is public).
    SpokenText& phone(std::string_view number, Sensitivity sensitivity = Sensitivity::kPersonal);
    /// A code or reference (ticket number, local reference), character by character; '-' and
    /// spaces become short pauses.
    SpokenText& code(std::string_view code, Sensitivity sensitivity = Sensitivity::kPublic);
    /// An ID-card number: always personal.
    SpokenText& id_number(std::string_view number);
    /// Any other personal text (a name, an address) and what to say instead over the speaker.
    SpokenText& personal(std::string_view full, std::string_view masked);

    /// True when some part is personal data.
    bool has_personal() const;

    /// The text to speak in `locale`, with personal parts per `disclosure`.
    std::string render(devices::Locale locale, Disclosure disclosure) const;

private:
    enum class Kind { kText, kMoney, kPhone, kCode, kIdNumber, kPersonal };
    struct Part {
        Kind kind;
        std::string value;
        std::string masked;
        std::int64_t fen = 0;
        Sensitivity sensitivity = Sensitivity::kPublic;
    };
    std::vector<Part> parts_;
};

/// The utterance for the engine: personal parts in full when private listening is available
/// (`headset_present`) or the customer chose to hear them aloud (`read_aloud_chosen`), and
/// then marked personal so the engine re-checks; masked otherwise, and then public.
/// Volume is left at its default; set `volume_percent` on the result.
devices::Utterance to_utterance(const SpokenText& text, devices::Locale locale, int rate_wpm,
                                bool headset_present, bool read_aloud_chosen = false);

}  // namespace selfcare::kiosk::speech
