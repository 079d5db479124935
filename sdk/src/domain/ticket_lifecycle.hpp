// SPDX-License-Identifier: Apache-2.0
// Ticket status and its lifecycle: TMF621 Trouble Ticket statuses with the transitions of
// domain.md ("Ticket and work-order lifecycle"). Client and server check moves with this table.
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "domain/enum_names.hpp"
#include "domain/state_machine.hpp"

namespace selfcare::domain {

/// TMF621 TroubleTicketStatusType. `pending` waits on the customer, `held` on the operator.
enum class TicketStatus {
    kAcknowledged,
    kInProgress,
    kPending,
    kHeld,
    kResolved,
    kClosed,
    kCancelled,
    kRejected,
};

template <>
struct EnumNames<TicketStatus> {
    static constexpr std::array<std::pair<TicketStatus, std::string_view>, 8> names{{
        {TicketStatus::kAcknowledged, "acknowledged"},
        {TicketStatus::kInProgress, "inProgress"},
        {TicketStatus::kPending, "pending"},
        {TicketStatus::kHeld, "held"},
        {TicketStatus::kResolved, "resolved"},
        {TicketStatus::kClosed, "closed"},
        {TicketStatus::kCancelled, "cancelled"},
        {TicketStatus::kRejected, "rejected"},
    }};
};

/// The ticket lifecycle; illegal moves fail with id "ticket.illegal_transition".
/// resolved -> inProgress/pending/held is the customer's reopen. closed, cancelled and rejected
/// are terminal. Thread-safe (built once, immutable).
const StateMachine<TicketStatus>& ticket_lifecycle();

/// True for statuses that stop the resolution clock: resolved, closed, cancelled, rejected.
/// Thread-safe.
constexpr bool stops_resolution_clock(TicketStatus status) {
    return status == TicketStatus::kResolved || status == TicketStatus::kClosed ||
           status == TicketStatus::kCancelled || status == TicketStatus::kRejected;
}

}  // namespace selfcare::domain
