// SPDX-License-Identifier: Apache-2.0
// A field engineer's updates: only the assignee, enRoute with position and ETA, lifecycle order.
#include <doctest/doctest.h>

#include "domain/validation.hpp"
#include "domain/work_order.hpp"
#include "support/manual_clock.hpp"

using namespace selfcare::domain;
using namespace std::chrono_literals;
using selfcare::test::test_epoch;

namespace {

WorkOrder assigned() {
    WorkOrder w;
    w.id = "WO-1";
    w.ticket_id = "TT-1";
    w.assignee = "E1001";
    return w;
}

}  // namespace

TEST_CASE("only the assigned engineer may move a work order") {
    const auto r = check_work_order_update(assigned(), "E2002", {WorkOrderStatus::kAccepted, {}, {}, ""},
                                           test_epoch());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kForbidden);
    CHECK(r.error().id == "workorder.not_assignee");
}

TEST_CASE("the visit runs assigned -> accepted -> enRoute -> onSite -> completed") {
    WorkOrder w = assigned();
    const auto now = test_epoch();
    const WorkOrderUpdate steps[] = {
        {WorkOrderStatus::kAccepted, {}, {}, ""},
        {WorkOrderStatus::kEnRoute, GeoPoint{31.23, 121.47}, now + 40min, "出发"},
        {WorkOrderStatus::kOnSite, {}, {}, ""},
        {WorkOrderStatus::kCompleted, {}, {}, "更换光猫"},
    };
    for (const auto& step : steps) {
        CAPTURE(to_string(step.to));
        REQUIRE(check_work_order_update(w, "E1001", step, now).ok());
        apply_work_order_update(w, "E1001", step, now);
    }
    CHECK(w.status == WorkOrderStatus::kCompleted);
    CHECK(w.history.size() == 4);
    REQUIRE(w.eta.has_value());
    CHECK(*w.eta == now + 40min);
    CHECK(w.location->latitude == doctest::Approx(31.23));
}

TEST_CASE("enRoute needs a position and a future ETA") {
    WorkOrder w = assigned();
    w.status = WorkOrderStatus::kAccepted;
    auto r = check_work_order_update(w, "E1001", {WorkOrderStatus::kEnRoute, {}, {}, ""}, test_epoch());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kInvalidArgument);
    REQUIRE(r.error().fields.size() == 2);
    CHECK(r.error().fields[0].field == "location");
    CHECK(r.error().fields[1].field == "eta");

    r = check_work_order_update(
        w, "E1001", {WorkOrderStatus::kEnRoute, GeoPoint{95, 200}, test_epoch() - 1min, ""}, test_epoch());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().fields.size() == 3);
}

TEST_CASE("unableToComplete needs a reason; skipping steps is a conflict") {
    WorkOrder w = assigned();
    w.status = WorkOrderStatus::kOnSite;
    auto r = check_work_order_update(w, "E1001", {WorkOrderStatus::kUnableToComplete, {}, {}, ""},
                                     test_epoch());
    CHECK(r.error().field == "note");
    CHECK(check_work_order_update(w, "E1001", {WorkOrderStatus::kUnableToComplete, {}, {}, "缺配件"},
                                  test_epoch())
              .ok());
    w.status = WorkOrderStatus::kAssigned;
    r = check_work_order_update(w, "E1001", {WorkOrderStatus::kOnSite, {}, {}, ""}, test_epoch());
    CHECK(r.error().code == ErrorCode::kConflict);
}
