// SPDX-License-Identifier: Apache-2.0
// What the engine is handed for a screen's prompt: numbers in words, polyphones as pinyin,
// phone numbers and codes digit by digit, personal data masked over the speaker.
#include <doctest/doctest.h>

#include <string>

#include "speech/pronunciations.hpp"
#include "speech/prose_zh.hpp"
#include "speech/spoken_text.hpp"

using namespace selfcare::kiosk;
using devices::Locale;
using devices::Privacy;
using speech::Disclosure;
using speech::Sensitivity;
using speech::SpokenText;

namespace {

bool has_ascii_digit(const std::string& s) {
    return s.find_first_of("0123456789") != std::string::npos;
}

}  // namespace

TEST_CASE("polyphones are replaced by the pinyin espeak-ng reads right") {
    CHECK(speech::apply_pronunciations("长辈模式") == " zhang3 bei4 模式");
    CHECK(speech::apply_pronunciations("请到银行办理") == "请到 yin2 hang2 办理");
    CHECK(speech::apply_pronunciations("重新插卡") == " chong2 xin1 插卡");
    CHECK(speech::apply_pronunciations("还款") == " huan2 kuan3 ");
    CHECK(speech::apply_pronunciations("银行行长") == " yin2 hang2  hang2 zhang3 ");
    CHECK(speech::apply_pronunciations("長輩模式") == " zhang3 bei4 模式");
    CHECK(speech::apply_pronunciations("查话费") == "查话费");
}

TEST_CASE("the override table lists each word once, as Chinese characters with tone numbers") {
    const auto table = speech::pronunciation_overrides();
    CHECK(table.size() > 20);
    for (std::size_t i = 0; i < table.size(); ++i) {
        CAPTURE(table[i].written);
        CHECK(static_cast<unsigned char>(table[i].written[0]) >= 0xE0);  // a CJK character
        CHECK(has_ascii_digit(std::string(table[i].pinyin)));            // tone numbers
        for (std::size_t j = i + 1; j < table.size(); ++j) CHECK(table[i].written != table[j].written);
    }
}

TEST_CASE("Chinese prose carries no digits to the engine") {
    const auto s = speech::Script::kSimplified;
    CHECK(speech::zh_prose("请在180秒内完成", s) == "请在一百八十秒内完成");
    CHECK(speech::zh_prose("本月已用2.5GB", s) == "本月已用二点五GB");
    CHECK(speech::zh_prose("2024年账单", s) == "二零二四年账单");
    CHECK(speech::zh_prose("分机007", s) == "分机零零七");
    CHECK(speech::zh_prose("第3步", s) == "第三步");
}

TEST_CASE("a screen prompt in each language") {
    SpokenText t;
    t.text("长辈模式。请重新插入身份证。");
    CHECK(t.render(Locale::kZhCN, Disclosure::kFull) == "zhang3 bei4 模式。请 chong2 xin1 插入身份证。");
    SpokenText e;
    e.text("Elder mode. Please insert your ID card again.");
    CHECK(e.render(Locale::kEn, Disclosure::kFull) == "Elder mode. Please insert your ID card again.");
}

TEST_CASE("money, hotlines and references are read for a listener") {
    SpokenText t;
    t.text("本次缴费").money(12345).text("，客服热线").phone("10086", Sensitivity::kPublic).text("。");
    CHECK(t.render(Locale::kZhCN, Disclosure::kMasked) == "本次缴费一百二十三元四角五分，客服热线幺零零八六。");
    SpokenText e;
    e.text("You paid").money(12345).text("; our hotline is").phone("10086", Sensitivity::kPublic);
    CHECK(e.render(Locale::kEn, Disclosure::kMasked) ==
          "You paid one hundred twenty-three yuan forty-five fen ; our hotline is one, zero, zero, eight, six");

    SpokenText ref;
    ref.text("Your reference is").code("LR-2024-0815").text(".");
    CHECK(ref.render(Locale::kEn, Disclosure::kFull) ==
          "Your reference is L, R, two, zero, two, four, zero, eight, one, five .");
    SpokenText ref_zh;
    ref_zh.text("参考号").code("LR-2024-0815");
    CHECK(ref_zh.render(Locale::kZhCN, Disclosure::kFull) == "参考号L R，二零二四，零八幺五");
}

TEST_CASE("a mobile number is read 3-4-4 with 幺 for 1, or masked to its last four") {
    SpokenText t;
    t.text("您的手机号是").phone("13800138000").text("。");
    CHECK(t.has_personal());
    CHECK(t.render(Locale::kZhCN, Disclosure::kFull) == "您的手机号是幺三八，零零幺三，八零零零。");
    CHECK(t.render(Locale::kZhCN, Disclosure::kMasked) == "您的手机号是尾号八零零零。");
    CHECK(t.render(Locale::kZhTW, Disclosure::kMasked) == "您的手机号是尾號八零零零。");

    SpokenText e;
    e.text("Your number is").phone("+86 138 0013 8000").text(".");
    CHECK(e.render(Locale::kEn, Disclosure::kFull) ==
          "Your number is plus eight, six, one, three, eight, zero, zero, one, three, eight, zero, zero, zero .");
    CHECK(e.render(Locale::kEn, Disclosure::kMasked) == "Your number is ending in eight, zero, zero, zero .");
}

TEST_CASE("ID numbers, names and balances never reach the speaker unmasked") {
    SpokenText t;
    t.text("已读取").personal("张三丰", "您").text("的身份证，号码").id_number("11010519491231002X")
        .text("，余额").money(-5000, Sensitivity::kPersonal);
    const std::string full = t.render(Locale::kZhCN, Disclosure::kFull);
    CHECK(full == "已读取张三丰的身份证，号码幺幺零幺零五，幺九四九幺二三幺，零零二 X，余额负五十元");
    const std::string masked = t.render(Locale::kZhCN, Disclosure::kMasked);
    CHECK(masked == "已读取您的身份证，号码尾号零零二 X，余额屏幕上显示的金额");
    CHECK(masked.find("张") == std::string::npos);
}

TEST_CASE("to_utterance masks without a headset and marks full personal text for the engine") {
    SpokenText t;
    t.text("您的手机号是").phone("13800138000");

    const auto speaker = speech::to_utterance(t, Locale::kZhCN, devices::kElderRateWpm, false);
    CHECK(speaker.privacy == Privacy::kPublic);
    CHECK(speaker.text == "您的手机号是尾号八零零零");
    CHECK(speaker.rate_wpm == devices::kElderRateWpm);

    const auto headset = speech::to_utterance(t, Locale::kZhCN, devices::kElderRateWpm, true);
    CHECK(headset.privacy == Privacy::kPersonal);
    CHECK(headset.text == "您的手机号是幺三八，零零幺三，八零零零");

    const auto aloud = speech::to_utterance(t, Locale::kZhCN, devices::kElderRateWpm, false, true);
    CHECK(aloud.privacy == Privacy::kPersonalReadAloud);
    CHECK(devices::check_privacy(aloud, false).ok());

    SpokenText plain;
    plain.text("请选择业务");
    CHECK(speech::to_utterance(plain, Locale::kZhCN, 175, true).privacy == Privacy::kPublic);
}
