// SPDX-License-Identifier: Apache-2.0
// Quote and ProductOrder: the order flow is always quote -> confirm -> place, so the customer sees
// price and effective date first. Orders follow TMF622 (order_lifecycle.hpp).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "domain/clock.hpp"
#include "domain/enum_names.hpp"
#include "domain/money.hpp"
#include "domain/order_lifecycle.hpp"

namespace selfcare::domain {

/// TMF622 productOrderItem action (noChange is never quoted, so it is left out).
enum class OrderAction { kAdd, kModify, kDelete };

template <>
struct EnumNames<OrderAction> {
    static constexpr std::array<std::pair<OrderAction, std::string_view>, 3> names{{
        {OrderAction::kAdd, "add"},
        {OrderAction::kModify, "modify"},
        {OrderAction::kDelete, "delete"},
    }};
};

/// When a change takes effect: at once, or at the start of the next billing cycle.
enum class EffectiveDate { kNow, kNextCycle };

template <>
struct EnumNames<EffectiveDate> {
    static constexpr std::array<std::pair<EffectiveDate, std::string_view>, 2> names{{
        {EffectiveDate::kNow, "now"},
        {EffectiveDate::kNextCycle, "nextCycle"},
    }};
};

/// The server's offer for one change. When `eligible` is false, `reason` holds a stable id
/// ("order.one_plan_change_per_cycle", "order.contract_lock") and the quote cannot be placed.
struct Quote {
    std::string id;
    std::string product_id;
    OrderAction action = OrderAction::kAdd;
    Money price;
    EffectiveDate effective = EffectiveDate::kNow;
    bool eligible = true;
    std::string reason;
};

/// A placed order. `idempotency_key` is chosen by the client before the first attempt and sent
/// with every retry, so the server creates the order once.
struct ProductOrder {
    std::string id;
    std::string quote_id;
    OrderState state = OrderState::kAcknowledged;
    std::string idempotency_key;
    Instant created_at;
};

}  // namespace selfcare::domain
