// SPDX-License-Identifier: Apache-2.0
// Number words as a listener expects them: amounts in words with the 零 rules, English amounts,
// and the cardinal readings prose relies on.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "speech/numbers_en.hpp"
#include "speech/numbers_zh.hpp"

using namespace selfcare::kiosk::speech;

TEST_CASE("Mandarin cardinals follow the 零 and 十 rules") {
    const auto s = Script::kSimplified;
    CHECK(zh_cardinal(0, s) == "零");
    CHECK(zh_cardinal(7, s) == "七");
    CHECK(zh_cardinal(10, s) == "十");
    CHECK(zh_cardinal(15, s) == "十五");
    CHECK(zh_cardinal(20, s) == "二十");
    CHECK(zh_cardinal(110, s) == "一百一十");
    CHECK(zh_cardinal(101, s) == "一百零一");
    CHECK(zh_cardinal(1005, s) == "一千零五");
    CHECK(zh_cardinal(1050, s) == "一千零五十");
    CHECK(zh_cardinal(10086, s) == "一万零八十六");
    CHECK(zh_cardinal(10010, s) == "一万零一十");
    CHECK(zh_cardinal(100000, s) == "十万");
    CHECK(zh_cardinal(100010, s) == "十万零一十");
    CHECK(zh_cardinal(1000000, s) == "一百万");
    CHECK(zh_cardinal(10010000, s) == "一千零一万");
    CHECK(zh_cardinal(12345678, s) == "一千二百三十四万五千六百七十八");
    CHECK(zh_cardinal(100000001, s) == "一亿零一");
    CHECK(zh_cardinal(200000000, s, true) == "两亿");
    CHECK(zh_cardinal(22000, s, true) == "两万二千");
    CHECK(zh_cardinal(22000, s) == "二万二千");
    CHECK(zh_cardinal(25, s, true) == "二十五");
    CHECK(zh_cardinal(10086, Script::kTraditional) == "一萬零八十六");
    CHECK(zh_cardinal(300000000, Script::kTraditional, true) == "三億");
    CHECK(zh_cardinal(std::numeric_limits<std::uint64_t>::max(), s) ==
          "一八四四六七四四零七三七零九五五一六一五");
}

TEST_CASE("amounts in fen are said as yuan, jiao and fen") {
    const auto s = Script::kSimplified;
    CHECK(zh_money(12345, s) == "一百二十三元四角五分");
    CHECK(zh_money(10005, s) == "一百元零五分");
    CHECK(zh_money(10050, s) == "一百元五角");
    CHECK(zh_money(10000, s) == "一百元");
    CHECK(zh_money(100500, s) == "一千零五元");
    CHECK(zh_money(3250, s) == "三十二元五角");
    CHECK(zh_money(50, s) == "五角");
    CHECK(zh_money(5, s) == "五分");
    CHECK(zh_money(55, s) == "五角五分");
    CHECK(zh_money(0, s) == "零元");
    CHECK(zh_money(200, s) == "两元");
    CHECK(zh_money(20000, s) == "两百元");
    CHECK(zh_money(1200, s) == "十二元");
    CHECK(zh_money(222, s) == "两元两角两分");
    CHECK(zh_money(-1050, s) == "负十元五角");
    CHECK(zh_money(1000000, s) == "一万元");
    CHECK(zh_money(20000, Script::kTraditional) == "兩百元");
    CHECK(zh_money(-200, Script::kTraditional) == "負兩元");
    CHECK(zh_money(std::numeric_limits<std::int64_t>::min(), s).rfind("负", 0) == 0);
}

TEST_CASE("phone digits read 1 as 幺, prose digits read it as 一") {
    CHECK(zh_phone_digit('1') == "幺");
    CHECK(zh_phone_digit('0') == "零");
    CHECK(zh_phone_digit('7') == "七");
    CHECK(zh_phone_digit('x').empty());
    CHECK(zh_plain_digit('1') == "一");
}

TEST_CASE("English cardinals and amounts") {
    CHECK(en_cardinal(0) == "zero");
    CHECK(en_cardinal(13) == "thirteen");
    CHECK(en_cardinal(21) == "twenty-one");
    CHECK(en_cardinal(100) == "one hundred");
    CHECK(en_cardinal(123) == "one hundred twenty-three");
    CHECK(en_cardinal(1005) == "one thousand five");
    CHECK(en_cardinal(10086) == "ten thousand eighty-six");
    CHECK(en_cardinal(1000000) == "one million");
    CHECK(en_cardinal(2000300) == "two million three hundred");
    CHECK(en_money(12345) == "one hundred twenty-three yuan forty-five fen");
    CHECK(en_money(10000) == "one hundred yuan");
    CHECK(en_money(5) == "five fen");
    CHECK(en_money(0) == "zero yuan");
    CHECK(en_money(-1050) == "minus ten yuan fifty fen");
    CHECK(en_digit('8') == "eight");
}
