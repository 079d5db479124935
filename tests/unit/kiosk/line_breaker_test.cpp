// SPDX-License-Identifier: Apache-2.0
// CJK line breaking with a fixed-advance measure: every character (code point) is 10 px wide, so
// a 60 px line holds six characters.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/line_breaker.hpp"

using selfcare::kiosk::break_lines;
using Lines = std::vector<std::string>;

namespace {

float ten_per_char(std::string_view s) {
    float w = 0;
    for (unsigned char c : s) {
        if ((c & 0xC0) != 0x80) w += 10;  // count lead bytes only
    }
    return w;
}

Lines lay_out(std::string_view text, float width = 60) { return break_lines(text, width, ten_per_char); }

}  // namespace

TEST_CASE("Chinese breaks between any two characters") {
    CHECK(lay_out("晚上上网很慢视频一直缓冲") == Lines{"晚上上网很慢", "视频一直缓冲"});
}

TEST_CASE("closing punctuation never starts a line") {
    // The comma would be the 7th character; it goes with the character before it instead.
    const Lines lines = lay_out("晚上上网很慢，视频一直缓冲。");
    REQUIRE(lines.size() >= 2);
    for (const auto& line : lines) {
        CAPTURE(line);
        CHECK_FALSE(line.starts_with("，"));
        CHECK_FALSE(line.starts_with("。"));
    }
    CHECK(lines[0] == "晚上上网很");
    CHECK(lines[1] == "慢，视频一直");
}

TEST_CASE("opening brackets never end a line") {
    const Lines lines = lay_out("请拨打客服热线《一零零八六》咨询");
    for (const auto& line : lines) {
        CAPTURE(line);
        CHECK_FALSE(line.ends_with("《"));
    }
}

TEST_CASE("Latin words and numbers stay whole; spaces at a break are dropped") {
    CHECK(lay_out("call 10086 now", 80) == Lines{"call", "10086", "now"});
    CHECK(lay_out("套餐A-DATA-10G已生效", 60) == Lines{"套餐", "A-DATA", "-10G已生", "效"});
}

TEST_CASE("a word wider than the line is cut, and nothing is lost") {
    const Lines lines = lay_out("13800138000", 60);
    CHECK(lines == Lines{"138001", "38000"});
}

TEST_CASE("newlines force breaks and empty lines stay") {
    CHECK(lay_out("第一行\n\n第二行") == Lines{"第一行", "", "第二行"});
    CHECK(lay_out("") == Lines{""});
}

TEST_CASE("invalid UTF-8 is kept byte for byte") {
    const std::string bad = "ab\xff\xfe" "cd";
    std::string joined;
    for (const auto& l : lay_out(bad, 1000)) joined += l;
    CHECK(joined == bad);
}
