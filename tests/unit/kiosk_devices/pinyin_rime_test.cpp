// SPDX-License-Identifier: Apache-2.0
// Chinese input on the kiosk: librime with the Luna Pinyin data, run headless with its user data
// in a temporary folder. What a customer would check: typing the pinyin of 宽带 (broadband)
// offers 宽带, in traditional characters for zh-TW; what is not pinyin offers nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "platform_linux/pinyin_rime.hpp"
#include "support/temp_dir.hpp"

using selfcare::kiosk::devices::ChineseScript;
using selfcare::platform_linux::make_rime_pinyin;

namespace {

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("typed pinyin gives Chinese candidates, simplified or traditional, and nothing is kept") {
    selfcare::test::TempDir dir;
    std::string why;
    selfcare::platform_linux::RimeOptions options;
    options.user_data_dir = dir.path() / "rime";
    auto pinyin = make_rime_pinyin(options, [&](std::string_view w) { why = w; });
    REQUIRE_MESSAGE(pinyin != nullptr, why);

    const auto kuandai = pinyin->candidates("kuandai", ChineseScript::kSimplified, 8);
    REQUIRE_FALSE(kuandai.empty());
    CHECK(kuandai.front() == "宽带");
    CHECK(has(pinyin->candidates("kuandai", ChineseScript::kTraditional, 8), "寬帶"));
    CHECK(has(pinyin->candidates("duanwang", ChineseScript::kSimplified, 8), "断网"));
    // The same letters again give the same answer: the previous query left no composition behind.
    CHECK(pinyin->candidates("kuandai", ChineseScript::kSimplified, 8) == kuandai);
    CHECK(pinyin->candidates("kuandai", ChineseScript::kSimplified, 3).size() <= 3);

    CHECK(pinyin->candidates("", ChineseScript::kSimplified, 8).empty());
    CHECK(pinyin->candidates("kuan dai", ChineseScript::kSimplified, 8).empty());
    CHECK(pinyin->candidates("12", ChineseScript::kSimplified, 8).empty());
}

TEST_CASE("without the pinyin data Chinese input is off and the reason is given") {
    selfcare::test::TempDir dir;
    std::string why;
    selfcare::platform_linux::RimeOptions options;
    options.user_data_dir = dir.path() / "rime";
    options.shared_data_dir = dir.path() / "no-such-data";
    auto pinyin = make_rime_pinyin(options, [&](std::string_view w) { why = w; });
    CHECK(pinyin == nullptr);
    CHECK(why.find("rime-data-luna-pinyin") != std::string::npos);
}
