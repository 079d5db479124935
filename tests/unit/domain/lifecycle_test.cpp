// SPDX-License-Identifier: Apache-2.0
// Every (from, to) pair of the three lifecycles against the tables written out literally from
// domain.md and tmf.md, so a change to either the code or the spec shows up here.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "domain/order_lifecycle.hpp"
#include "domain/ticket_lifecycle.hpp"
#include "domain/work_order_lifecycle.hpp"

using namespace selfcare::domain;

namespace {

using Spec = std::map<std::string, std::set<std::string>>;

template <class S>
void check_against_spec(const StateMachine<S>& machine, const Spec& spec) {
    for (S from : all_values<S>()) {
        const std::string from_name(to_string(from));
        const auto row = spec.find(from_name);
        const std::set<std::string> expected = row == spec.end() ? std::set<std::string>{} : row->second;
        for (S to : all_values<S>()) {
            const std::string to_name(to_string(to));
            CAPTURE(from_name);
            CAPTURE(to_name);
            const bool allowed = expected.count(to_name) == 1;
            CHECK(machine.can(from, to) == allowed);
            const auto result = machine.check(from, to);
            CHECK(result.ok() == allowed);
            if (!allowed) {
                CHECK(result.error().code == ErrorCode::kConflict);
                CHECK(result.error().message.find('"' + from_name + '"') != std::string::npos);
                CHECK(result.error().message.find('"' + to_name + '"') != std::string::npos);
            }
        }
        CHECK(machine.is_terminal(from) == expected.empty());
    }
    for (const auto& [name, targets] : spec) {
        CAPTURE(name);
        CHECK(from_string<S>(name).has_value());
        for (const auto& t : targets) CHECK(from_string<S>(t).has_value());
    }
}

}  // namespace

TEST_CASE("ticket lifecycle is exactly the TMF621 table of domain.md") {
    const Spec spec{
        {"acknowledged", {"inProgress", "pending", "held", "cancelled", "rejected"}},
        {"inProgress", {"pending", "held", "resolved", "cancelled"}},
        {"pending", {"inProgress", "held", "resolved", "cancelled"}},
        {"held", {"inProgress", "pending", "resolved"}},
        {"resolved", {"closed", "inProgress", "pending", "held"}},
        {"closed", {}},
        {"cancelled", {}},
        {"rejected", {}},
    };
    check_against_spec(ticket_lifecycle(), spec);
    CHECK(spec.size() == enum_count<TicketStatus>());
}

TEST_CASE("order lifecycle follows TMF622 including the cancellation states") {
    const Spec spec{
        {"acknowledged", {"inProgress", "rejected", "pending", "held", "assessingCancellation"}},
        {"inProgress",
         {"pending", "held", "completed", "failed", "partial", "assessingCancellation"}},
        {"pending", {"inProgress", "assessingCancellation", "cancelled"}},
        {"held", {"inProgress", "assessingCancellation"}},
        {"assessingCancellation", {"pendingCancellation", "inProgress", "pending", "held"}},
        {"pendingCancellation", {"cancelled"}},
        {"completed", {}},
        {"failed", {}},
        {"partial", {}},
        {"rejected", {}},
        {"cancelled", {}},
    };
    check_against_spec(order_lifecycle(), spec);
    CHECK(spec.size() == enum_count<OrderState>());
}

TEST_CASE("work-order lifecycle: assigned to completed, or unableToComplete, or cancelled") {
    const Spec spec{
        {"assigned", {"accepted", "cancelled"}},
        {"accepted", {"enRoute", "unableToComplete", "cancelled"}},
        {"enRoute", {"onSite", "unableToComplete", "cancelled"}},
        {"onSite", {"completed", "unableToComplete", "cancelled"}},
        {"completed", {}},
        {"unableToComplete", {}},
        {"cancelled", {}},
    };
    check_against_spec(work_order_lifecycle(), spec);
    CHECK(spec.size() == enum_count<WorkOrderStatus>());
}

TEST_CASE("an illegal move names from, to and the allowed set") {
    const auto r = ticket_lifecycle().check(TicketStatus::kClosed, TicketStatus::kInProgress);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().id == "ticket.illegal_transition");
    CHECK(r.error().message ==
          R"(cannot move ticket from "closed" to "inProgress"; allowed from "closed": none)");
    const auto w = work_order_lifecycle().check(WorkOrderStatus::kAssigned, WorkOrderStatus::kOnSite);
    REQUIRE_FALSE(w.ok());
    CHECK(w.error().id == "workorder.illegal_transition");
    CHECK(w.error().message.find(R"(allowed from "assigned": "accepted", "cancelled")") !=
          std::string::npos);
}

TEST_CASE("tables print as Markdown with every state") {
    const std::string md = ticket_lifecycle().to_markdown();
    CHECK(md.find("| resolved | closed, inProgress, pending, held |") != std::string::npos);
    CHECK(md.find("| rejected | (terminal) |") != std::string::npos);
    const std::string orders = order_lifecycle().to_markdown();
    CHECK(orders.find("| pendingCancellation | cancelled |") != std::string::npos);
}

TEST_CASE("resolution clock stops at resolved and the terminal statuses") {
    CHECK(stops_resolution_clock(TicketStatus::kResolved));
    CHECK(stops_resolution_clock(TicketStatus::kClosed));
    CHECK_FALSE(stops_resolution_clock(TicketStatus::kHeld));
    CHECK_FALSE(stops_resolution_clock(TicketStatus::kPending));
}
