// SPDX-License-Identifier: Apache-2.0
// Money: an exact amount in fen (分, 1/100 yuan) held as an integer. No floating point touches
// money anywhere in selfcare; amounts cross the wire as fen or as "12.50" yuan strings.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace selfcare::domain {

/// An amount of renminbi in fen. Negative values are allowed (a balance in arrears); use
/// check_non_negative() in validation.hpp where only a charge or price makes sense.
struct Money {
    std::int64_t fen = 0;

    /// `yuan` whole yuan plus `fen_part` fen, e.g. from_yuan(12, 50) is 12.50 yuan.
    static constexpr Money from_yuan(std::int64_t yuan, std::int64_t fen_part = 0) {
        return Money{yuan * 100 + fen_part};
    }

    friend constexpr auto operator<=>(Money, Money) = default;
    friend constexpr Money operator+(Money a, Money b) { return Money{a.fen + b.fen}; }
    friend constexpr Money operator-(Money a, Money b) { return Money{a.fen - b.fen}; }
};

/// Parses a yuan amount: "12", "12.5" or "12.50", with an optional leading '-'. At most two
/// decimals; no exponent, spaces, thousands separators or currency sign.
/// Errors (code kInvalidArgument, one FieldError on `field`): "validation.required" for empty
/// text, "validation.money_format" for anything else malformed, "validation.out_of_range" when
/// the amount does not fit in int64 fen. The message never repeats the text. Thread-safe.
Result<Money> parse_yuan(std::string_view text, std::string_view field = "amount");

/// Formats as yuan with exactly two decimals and no sign for zero: "12.50", "0.05", "-3.00".
/// Thread-safe.
std::string format_yuan(Money amount);

}  // namespace selfcare::domain
