// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "domain/money.hpp"

using namespace selfcare::domain;

TEST_CASE("yuan amounts parse exactly into fen") {
    CHECK(parse_yuan("12").value().fen == 1200);
    CHECK(parse_yuan("12.5").value().fen == 1250);
    CHECK(parse_yuan("12.50").value().fen == 1250);
    CHECK(parse_yuan("0.05").value().fen == 5);
    CHECK(parse_yuan("-3").value().fen == -300);
    CHECK(parse_yuan("92233720368547758.07").value().fen == std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("malformed amounts name the field and never echo the text") {
    for (const char* bad : {"12.", ".5", "1.234", "1e3", " 12", "12 ", "¥12", "1,000", "-", "--1", "+1"}) {
        CAPTURE(bad);
        const auto r = parse_yuan(bad, "price");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::kInvalidArgument);
        CHECK(r.error().field == "price");
        CHECK(r.error().id == "validation.money_format");
    }
    CHECK(parse_yuan("", "price").error().id == "validation.required");
    CHECK(parse_yuan("92233720368547758.08").error().id == "validation.out_of_range");
}

TEST_CASE("format always shows two decimals") {
    CHECK(format_yuan(Money{1250}) == "12.50");
    CHECK(format_yuan(Money{5}) == "0.05");
    CHECK(format_yuan(Money{0}) == "0.00");
    CHECK(format_yuan(Money{-300}) == "-3.00");
    CHECK(format_yuan(Money{std::numeric_limits<std::int64_t>::min()}) == "-92233720368547758.08");
    for (std::int64_t fen : {0LL, 1LL, 99LL, 100LL, 123456789LL, -1LL, -101LL}) {
        CHECK(parse_yuan(format_yuan(Money{fen})).value().fen == fen);
    }
}
