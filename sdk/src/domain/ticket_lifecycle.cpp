// SPDX-License-Identifier: Apache-2.0
// The ticket transition table, copied from domain.md; tests/unit/domain checks every pair.
#include "domain/ticket_lifecycle.hpp"

namespace selfcare::domain {

const StateMachine<TicketStatus>& ticket_lifecycle() {
    using S = TicketStatus;
    static const StateMachine<TicketStatus> machine{
        "ticket",
        "ticket.illegal_transition",
        {
            {S::kAcknowledged, {S::kInProgress, S::kPending, S::kHeld, S::kCancelled, S::kRejected}},
            {S::kInProgress, {S::kPending, S::kHeld, S::kResolved, S::kCancelled}},
            {S::kPending, {S::kInProgress, S::kHeld, S::kResolved, S::kCancelled}},
            // held is blocked inside the operator, so the customer cannot cancel it from here.
            {S::kHeld, {S::kInProgress, S::kPending, S::kResolved}},
            {S::kResolved, {S::kClosed, S::kInProgress, S::kPending, S::kHeld}},
        }};
    return machine;
}

}  // namespace selfcare::domain
