// SPDX-License-Identifier: Apache-2.0
// The work-order transition table; tests/unit/domain checks every pair.
#include "domain/work_order_lifecycle.hpp"

namespace selfcare::domain {

const StateMachine<WorkOrderStatus>& work_order_lifecycle() {
    using S = WorkOrderStatus;
    static const StateMachine<WorkOrderStatus> machine{
        "work order",
        "workorder.illegal_transition",
        {
            {S::kAssigned, {S::kAccepted, S::kCancelled}},
            {S::kAccepted, {S::kEnRoute, S::kUnableToComplete, S::kCancelled}},
            {S::kEnRoute, {S::kOnSite, S::kUnableToComplete, S::kCancelled}},
            {S::kOnSite, {S::kCompleted, S::kUnableToComplete, S::kCancelled}},
        }};
    return machine;
}

}  // namespace selfcare::domain
