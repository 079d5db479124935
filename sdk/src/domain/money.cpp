// SPDX-License-Identifier: Apache-2.0
// Money parsing and formatting, integer arithmetic only.
#include "domain/money.hpp"

#include <cstdint>
#include <limits>
#include <string>

namespace selfcare::domain {
namespace {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

Error field_error(std::string_view field, std::string id, std::string rule) {
    return invalid_argument({FieldError{std::string(field), std::move(id),
                                        std::string(field) + " " + std::move(rule)}});
}

}  // namespace

Result<Money> parse_yuan(std::string_view text, std::string_view field) {
    if (text.empty()) return field_error(field, "validation.required", "is required");
    const auto bad_format = [&] {
        return field_error(field, "validation.money_format",
                           "must be a yuan amount such as 12, 12.5 or 12.50");
    };

    bool negative = false;
    if (text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view decimals =
        dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    // "12." and ".5" are rejected: a printed amount always has digits on both sides of the dot.
    if (whole.empty() || (dot != std::string_view::npos && decimals.empty())) return bad_format();
    if (decimals.size() > 2) return bad_format();

    // Accumulate as a negative number so INT64_MIN fen itself would still be reachable.
    constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
    std::int64_t acc = 0;
    const auto push_digit = [&](char c) {
        const int d = c - '0';
        if (acc < kMin / 10 || acc * 10 < kMin + d) return false;
        acc = acc * 10 - d;
        return true;
    };
    const auto out_of_range = [&] {
        return field_error(field, "validation.out_of_range", "is too large");
    };
    for (char c : whole) {
        if (!is_digit(c)) return bad_format();
        if (!push_digit(c)) return out_of_range();
    }
    for (std::size_t i = 0; i < 2; ++i) {
        const char c = i < decimals.size() ? decimals[i] : '0';
        if (!is_digit(c)) return bad_format();
        if (!push_digit(c)) return out_of_range();
    }
    if (!negative) {
        if (acc == kMin) return out_of_range();
        acc = -acc;
    }
    return Money{acc};
}

std::string format_yuan(Money amount) {
    // Work in unsigned so the most negative amount has a magnitude too.
    const bool negative = amount.fen < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(amount.fen)
                                             : static_cast<std::uint64_t>(amount.fen);
    std::string out = negative ? "-" : "";
    out += std::to_string(magnitude / 100);
    const auto cents = static_cast<unsigned>(magnitude % 100);
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
    return out;
}

}  // namespace selfcare::domain
