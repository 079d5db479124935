// SPDX-License-Identifier: Apache-2.0
// Product order state and its lifecycle: TMF622 ProductOrderStateType (v4) with the transitions
// derived in tmf.md, including the assessingCancellation -> pendingCancellation cancel path.
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "domain/enum_names.hpp"
#include "domain/state_machine.hpp"

namespace selfcare::domain {

/// TMF622 ProductOrderStateType, v4 (no v5 `draft`: the SDK always quotes before it orders).
enum class OrderState {
    kAcknowledged,
    kInProgress,
    kPending,
    kHeld,
    kAssessingCancellation,
    kPendingCancellation,
    kCompleted,
    kFailed,
    kPartial,
    kRejected,
    kCancelled,
};

template <>
struct EnumNames<OrderState> {
    static constexpr std::array<std::pair<OrderState, std::string_view>, 11> names{{
        {OrderState::kAcknowledged, "acknowledged"},
        {OrderState::kInProgress, "inProgress"},
        {OrderState::kPending, "pending"},
        {OrderState::kHeld, "held"},
        {OrderState::kAssessingCancellation, "assessingCancellation"},
        {OrderState::kPendingCancellation, "pendingCancellation"},
        {OrderState::kCompleted, "completed"},
        {OrderState::kFailed, "failed"},
        {OrderState::kPartial, "partial"},
        {OrderState::kRejected, "rejected"},
        {OrderState::kCancelled, "cancelled"},
    }};
};

/// The order lifecycle; illegal moves fail with id "order.illegal_transition".
/// pending -> cancelled is TMF622's auto-cancel after the agreed timeout; every other cancel goes
/// through assessingCancellation. completed, failed, partial, rejected and cancelled are terminal.
/// Thread-safe (built once, immutable).
const StateMachine<OrderState>& order_lifecycle();

}  // namespace selfcare::domain
