// SPDX-License-Identifier: Apache-2.0
// The product order transition table (tmf.md, TMF622); tests/unit/domain checks every pair.
#include "domain/order_lifecycle.hpp"

namespace selfcare::domain {

const StateMachine<OrderState>& order_lifecycle() {
    using S = OrderState;
    static const StateMachine<OrderState> machine{
        "order",
        "order.illegal_transition",
        {
            {S::kAcknowledged,
             {S::kInProgress, S::kRejected, S::kPending, S::kHeld, S::kAssessingCancellation}},
            {S::kInProgress,
             {S::kPending, S::kHeld, S::kCompleted, S::kFailed, S::kPartial,
              S::kAssessingCancellation}},
            {S::kPending, {S::kInProgress, S::kAssessingCancellation, S::kCancelled}},
            {S::kHeld, {S::kInProgress, S::kAssessingCancellation}},
            // A refused cancel (point of no return passed) returns to where the order can go on.
            {S::kAssessingCancellation,
             {S::kPendingCancellation, S::kInProgress, S::kPending, S::kHeld}},
            {S::kPendingCancellation, {S::kCancelled}},
        }};
    return machine;
}

}  // namespace selfcare::domain
