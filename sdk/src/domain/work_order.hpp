// SPDX-License-Identifier: Apache-2.0
// WorkOrder: a field engineer's visit for a ticket, and the update an engineer sends to move it.
// Only the assigned engineer may move a work order; enRoute carries a position and an ETA.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "domain/work_order_lifecycle.hpp"

namespace selfcare::domain {

/// A WGS-84 position.
struct GeoPoint {
    double latitude = 0;   ///< -90..90
    double longitude = 0;  ///< -180..180
};

/// One entry of a work order's history.
struct WorkOrderEvent {
    Instant at;
    WorkOrderStatus status = WorkOrderStatus::kAssigned;
    std::string actor;
    std::string note;
};

/// A work order as the server holds it.
struct WorkOrder {
    std::string id;
    std::string ticket_id;
    std::string assignee;  ///< engineer id, e.g. "E1001"
    WorkOrderStatus status = WorkOrderStatus::kAssigned;
    std::optional<GeoPoint> location;  ///< last reported position (from enRoute on)
    std::optional<Instant> eta;
    std::vector<WorkOrderEvent> history;
};

/// What an engineer sends to move a work order.
struct WorkOrderUpdate {
    WorkOrderStatus to = WorkOrderStatus::kAccepted;
    std::optional<GeoPoint> location;
    std::optional<Instant> eta;
    std::string note;
};

/// Checks that `engineer_id` may apply `update` to `order` at `now`, in this order:
/// - kForbidden "workorder.not_assignee" when `engineer_id` is not the assignee;
/// - kInvalidArgument with every field error of the update (see validate_work_order_update);
/// - kConflict "workorder.illegal_transition" when the lifecycle forbids the move.
/// Changes nothing. Thread-safe.
Result<void> check_work_order_update(const WorkOrder& order, std::string_view engineer_id,
                                     const WorkOrderUpdate& update, Instant now);

/// Applies a checked update: status, position and ETA, and a history entry. Call only after
/// check_work_order_update() succeeded. Not thread-safe on the same `order`.
void apply_work_order_update(WorkOrder& order, std::string_view engineer_id,
                             const WorkOrderUpdate& update, Instant now);

}  // namespace selfcare::domain
