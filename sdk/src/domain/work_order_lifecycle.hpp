// SPDX-License-Identifier: Apache-2.0
// Work-order status and its lifecycle: the field engineer's visit, from domain.md
// (assigned -> accepted -> enRoute -> onSite -> completed, or unableToComplete, or cancelled).
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "domain/enum_names.hpp"
#include "domain/state_machine.hpp"

namespace selfcare::domain {

/// Status of a work order (TMF697-style names).
enum class WorkOrderStatus {
    kAssigned,
    kAccepted,
    kEnRoute,
    kOnSite,
    kCompleted,
    kUnableToComplete,
    kCancelled,
};

template <>
struct EnumNames<WorkOrderStatus> {
    static constexpr std::array<std::pair<WorkOrderStatus, std::string_view>, 7> names{{
        {WorkOrderStatus::kAssigned, "assigned"},
        {WorkOrderStatus::kAccepted, "accepted"},
        {WorkOrderStatus::kEnRoute, "enRoute"},
        {WorkOrderStatus::kOnSite, "onSite"},
        {WorkOrderStatus::kCompleted, "completed"},
        {WorkOrderStatus::kUnableToComplete, "unableToComplete"},
        {WorkOrderStatus::kCancelled, "cancelled"},
    }};
};

/// The work-order lifecycle; illegal moves fail with id "workorder.illegal_transition".
///   assigned -> accepted | cancelled
///   accepted -> enRoute | unableToComplete | cancelled
///   enRoute  -> onSite | unableToComplete | cancelled
///   onSite   -> completed | unableToComplete | cancelled
///   completed, unableToComplete, cancelled are terminal.
/// domain.md leaves open where unableToComplete may start. It is not offered from `assigned`: an
/// engineer who cannot take the job has not accepted it, so dispatch cancels and reassigns.
/// unableToComplete is terminal because the ticket, not this order, carries on (escalation or a
/// new work order once parts arrive). Thread-safe (built once, immutable).
const StateMachine<WorkOrderStatus>& work_order_lifecycle();

}  // namespace selfcare::domain
