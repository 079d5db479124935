// SPDX-License-Identifier: Apache-2.0
#include "domain/work_order.hpp"

#include <string>

#include "domain/validation.hpp"

namespace selfcare::domain {

Result<void> check_work_order_update(const WorkOrder& order, std::string_view engineer_id,
                                     const WorkOrderUpdate& update, Instant now) {
    if (engineer_id != order.assignee) {
        return make_error(ErrorCode::kForbidden, "workorder.not_assignee",
                          "only the assigned engineer may update work order " + order.id);
    }
    if (auto valid = validate_work_order_update(update, now); !valid) return valid;
    return work_order_lifecycle().check(order.status, update.to);
}

void apply_work_order_update(WorkOrder& order, std::string_view engineer_id,
                             const WorkOrderUpdate& update, Instant now) {
    order.status = update.to;
    if (update.location) order.location = update.location;
    if (update.eta) order.eta = update.eta;
    order.history.push_back(WorkOrderEvent{now, update.to, std::string(engineer_id), update.note});
}

}  // namespace selfcare::domain
