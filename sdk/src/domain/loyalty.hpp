// SPDX-License-Identifier: Apache-2.0
// Loyalty: rewards bought with points and the redemptions that bought them (权益兑换).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "domain/clock.hpp"
#include "domain/enum_names.hpp"

namespace selfcare::domain {

/// What a reward gives. kCompensation is a pack granted after an outage (临时流量包补偿); it costs
/// no points and is claimed rather than bought.
enum class RewardKind { kDataCoupon, kMembership, kVoucher, kCompensation };

template <>
struct EnumNames<RewardKind> {
    static constexpr std::array<std::pair<RewardKind, std::string_view>, 4> names{{
        {RewardKind::kDataCoupon, "dataCoupon"},
        {RewardKind::kMembership, "membership"},
        {RewardKind::kVoucher, "voucher"},
        {RewardKind::kCompensation, "compensation"},
    }};
};

/// An entry of the rewards catalogue.
struct Reward {
    std::string id;
    std::string name;
    std::int64_t points_cost = 0;
    RewardKind kind = RewardKind::kVoucher;
};

/// A completed redemption. The server deducts `points` exactly once per redemption id.
struct Redemption {
    std::string id;
    std::string reward_id;
    std::int64_t points = 0;
    std::string voucher_code;  ///< a secret until used: never log it
    Instant at;
};

}  // namespace selfcare::domain
