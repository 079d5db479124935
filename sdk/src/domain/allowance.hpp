// SPDX-License-Identifier: Apache-2.0
// Allowance: what a plan includes (data, voice minutes, SMS) and how much of it is used.
// Shared by account.hpp (what is left) and product.hpp (what a plan offers).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "domain/enum_names.hpp"

namespace selfcare::domain {

/// The kind of a plan allowance, also the kind of a usage record.
enum class AllowanceKind { kData, kVoice, kSms };

template <>
struct EnumNames<AllowanceKind> {
    static constexpr std::array<std::pair<AllowanceKind, std::string_view>, 3> names{{
        {AllowanceKind::kData, "data"},
        {AllowanceKind::kVoice, "voice"},
        {AllowanceKind::kSms, "sms"},
    }};
};

/// One allowance, counted in `unit` ("MB", "min", "sms"). For a product, `used` is 0.
struct Allowance {
    AllowanceKind kind = AllowanceKind::kData;
    std::int64_t total = 0;
    std::int64_t used = 0;
    std::string unit;
};

/// What is left of `allowance`, never below zero (overuse is billed, not shown as negative).
/// Thread-safe.
constexpr std::int64_t remaining(const Allowance& allowance) {
    return allowance.used >= allowance.total ? 0 : allowance.total - allowance.used;
}

}  // namespace selfcare::domain
