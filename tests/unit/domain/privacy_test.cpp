// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "domain/privacy.hpp"
#include "domain/utf8.hpp"

using namespace selfcare::domain;

TEST_CASE("a mobile number shows as 138****8000") {
    CHECK(mask_msisdn("13800138000") == "138****8000");
    CHECK(mask_msisdn("+8613800138000") == "****00");
    CHECK(mask_msisdn("12345") == "****");
    CHECK(mask_msisdn("") == "****");
}

TEST_CASE("names and addresses keep only their start") {
    CHECK(mask_name("张三丰") == "张**");
    CHECK(mask_name("张") == "张*");
    CHECK(mask_address("幸福路12号3单元501") == "幸福路12号****");
    CHECK(mask_address("") == "****");
}

TEST_CASE("UTF-8 is counted in characters and malformed input is refused") {
    CHECK(utf8_length("abc") == 3u);
    CHECK(utf8_length("长辈模式") == 4u);
    CHECK(utf8_length("😀") == 1u);
    CHECK_FALSE(utf8_length("\xC0\xAF").has_value());          // overlong '/'
    CHECK_FALSE(utf8_length("\xED\xA0\x80").has_value());      // surrogate
    CHECK_FALSE(utf8_length("\xF4\x90\x80\x80").has_value());  // above U+10FFFF
    CHECK_FALSE(utf8_length("\xE4\xB8").has_value());          // truncated
    CHECK(utf8_prefix_bytes("长辈模式", 2) == 6u);
}

#include "domain/iso8601.hpp"

TEST_CASE("date-times cross the wire as ISO 8601 UTC") {
    using namespace std::chrono;
    const Instant t = sys_days{year{2026} / November / 22} + hours{9} + minutes{30} + seconds{5};
    CHECK(format_iso8601(t) == "2026-11-22T09:30:05Z");
    CHECK(parse_iso8601("2026-11-22T09:30:05Z", "at").value() == t);
    CHECK(parse_iso8601("2026-11-22T17:30:05+08:00", "at").value() == t);
    CHECK(parse_iso8601("2026-11-22T09:30:05.250Z", "at").value() == t);
    for (const char* bad : {"2026-02-30T00:00:00Z", "2026-11-22 09:30", "2026-11-22T25:00:00Z",
                            "2026-11-22T09:30:05", "2026-11-22T09:30:05Zx", ""}) {
        CAPTURE(bad);
        const auto r = parse_iso8601(bad, "appointment.start");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().field == "appointment.start");
    }
}
