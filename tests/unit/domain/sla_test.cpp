// SPDX-License-Identifier: Apache-2.0
// The SLA clock at exact instants from a manual clock: defaults, clamping to the regulatory
// ceilings, overdue state, the store -> branch -> HQ ladder, and repeat complaints.
#include <doctest/doctest.h>

#include <chrono>
#include <vector>

#include "domain/sla.hpp"
#include "support/manual_clock.hpp"

using namespace selfcare::domain;
using namespace std::chrono_literals;
using selfcare::test::ManualClock;
using selfcare::test::test_epoch;

namespace {

SlaSubject complaint(TicketCategory c = TicketCategory::kBusiness, bool complex = false) {
    return SlaSubject{c, Severity::kMinor, complex, std::nullopt, test_epoch()};
}

}  // namespace

TEST_CASE("default commitments: 24 h response, 24 h ordinary, 7 days complex") {
    const SlaPolicy policy;
    REQUIRE(validate_sla_policy(policy).ok());
    const auto ordinary = compute_deadlines(policy, complaint());
    CHECK(ordinary.acknowledge_by == test_epoch() + 24h);
    CHECK(ordinary.resolve_by == test_epoch() + 24h);
    CHECK_FALSE(ordinary.clamped);
    const auto complex = compute_deadlines(policy, complaint(TicketCategory::kService, true));
    CHECK(complex.resolve_by == test_epoch() + std::chrono::days{7});
}

TEST_CASE("no configuration exceeds the regulatory ceilings") {
    SlaPolicy generous;
    generous.resolve_ordinary = std::chrono::days{60};
    generous.resolve_complex = std::chrono::days{60};
    generous.acknowledge = std::chrono::days{90};

    SlaSubject urban{TicketCategory::kNetwork, Severity::kMajor, true, AreaType::kUrban, test_epoch()};
    auto d = compute_deadlines(generous, urban);
    CHECK(d.resolve_by == test_epoch() + 48h);
    CHECK(d.acknowledge_by <= d.resolve_by);
    CHECK(d.clamped);

    SlaSubject rural = urban;
    rural.area = AreaType::kRural;
    CHECK(compute_deadlines(generous, rural).resolve_by == test_epoch() + 72h);

    SlaSubject unknown_area = urban;
    unknown_area.area.reset();
    CHECK(compute_deadlines(generous, unknown_area).resolve_by == test_epoch() + 48h);

    CHECK(compute_deadlines(generous, complaint(TicketCategory::kService, true)).resolve_by ==
          test_epoch() + std::chrono::days{15});
    // The complex 7-day default is inside the complaint ceiling, but a rural fault is capped at 72 h.
    CHECK(compute_deadlines(SlaPolicy{}, rural).resolve_by == test_epoch() + 72h);
}

TEST_CASE("per-severity targets replace the defaults and are still clamped") {
    SlaPolicy policy;
    policy.resolve_by_severity[static_cast<int>(Severity::kCritical)] = 4h;
    policy.resolve_by_severity[static_cast<int>(Severity::kMinor)] = std::chrono::days{30};
    SlaSubject critical{TicketCategory::kNetwork, Severity::kCritical, false, AreaType::kUrban,
                        test_epoch()};
    auto d = compute_deadlines(policy, critical);
    CHECK(d.resolve_by == test_epoch() + 4h);
    CHECK(d.acknowledge_by == test_epoch() + 4h);  // never later than the resolution
    SlaSubject minor = critical;
    minor.severity = Severity::kMinor;
    CHECK(compute_deadlines(policy, minor).resolve_by == test_epoch() + 48h);
}

TEST_CASE("a policy with a non-positive duration names the field") {
    SlaPolicy bad;
    bad.escalation_step = 0s;
    bad.resolve_by_severity[static_cast<int>(Severity::kMajor)] = -1h;
    const auto r = validate_sla_policy(bad);
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.error().fields.size() == 2);
    CHECK(r.error().fields[0].field == "resolveBySeverity.major");
    CHECK(r.error().fields[1].field == "escalationStep");
}

TEST_CASE("an overdue ticket climbs store -> branch -> HQ one step at a time") {
    ManualClock clock(test_epoch());
    const auto d = compute_deadlines(SlaPolicy{}, complaint());
    SlaProgress progress;
    progress.first_response_at = test_epoch() + 2h;

    clock.advance(23h);
    auto s = evaluate_sla(d, progress, clock.now());
    CHECK_FALSE(s.overdue());
    CHECK(s.tier == Tier::kStore);
    CHECK(s.next_escalation_at == d.resolve_by);

    clock.set(d.resolve_by);  // exactly at the deadline is still on time
    CHECK_FALSE(evaluate_sla(d, progress, clock.now()).overdue());

    clock.advance(1s);
    s = evaluate_sla(d, progress, clock.now());
    CHECK(s.resolve_overdue);
    CHECK_FALSE(s.acknowledge_overdue);
    CHECK(s.tier == Tier::kBranch);
    CHECK(s.escalated_at == d.resolve_by);
    CHECK(s.next_escalation_at == d.resolve_by + 24h);

    clock.set(d.resolve_by + 24h);
    s = evaluate_sla(d, progress, clock.now());
    CHECK(s.tier == Tier::kHq);
    CHECK(s.escalated_at == d.resolve_by + 24h);
    CHECK_FALSE(s.next_escalation_at.has_value());

    clock.advance(std::chrono::days{20});
    CHECK(evaluate_sla(d, progress, clock.now()).tier == Tier::kHq);  // HQ is the top
}

TEST_CASE("a missed first response escalates before the resolution deadline") {
    SlaPolicy policy;
    policy.resolve_ordinary = std::chrono::days{3};
    const auto d = compute_deadlines(policy, complaint());
    SlaProgress none;
    auto s = evaluate_sla(d, none, test_epoch() + 25h);
    CHECK(s.acknowledge_overdue);
    CHECK_FALSE(s.resolve_overdue);
    CHECK(s.tier == Tier::kBranch);
    CHECK(s.escalated_at == d.acknowledge_by);

    SlaProgress late;
    late.first_response_at = test_epoch() + 30h;  // responded, but late: still a missed deadline
    CHECK(evaluate_sla(d, late, test_epoch() + 31h).acknowledge_overdue);
}

TEST_CASE("resolution freezes the standing") {
    const auto d = compute_deadlines(SlaPolicy{}, complaint());
    SlaProgress p;
    p.first_response_at = test_epoch() + 1h;
    p.resolved_at = test_epoch() + 20h;
    auto s = evaluate_sla(d, p, test_epoch() + std::chrono::days{10});
    CHECK_FALSE(s.overdue());
    CHECK(s.tier == Tier::kStore);
    CHECK_FALSE(s.next_escalation_at.has_value());

    p.resolved_at = test_epoch() + 30h;  // resolved late: branch, and it stays there
    s = evaluate_sla(d, p, test_epoch() + std::chrono::days{10});
    CHECK(s.resolve_overdue);
    CHECK(s.tier == Tier::kBranch);
}

TEST_CASE("a repeat complaint starts at the branch and goes to HQ when overdue") {
    const auto d = compute_deadlines(SlaPolicy{}, complaint());
    SlaProgress p;
    p.repeat = true;
    p.first_response_at = test_epoch() + 1h;
    auto s = evaluate_sla(d, p, test_epoch() + 1h);
    CHECK(s.tier == Tier::kBranch);
    CHECK(s.escalated_at == test_epoch());
    CHECK(s.next_escalation_at == d.resolve_by);
    s = evaluate_sla(d, p, d.resolve_by + 1s);
    CHECK(s.tier == Tier::kHq);
}

TEST_CASE("repeat complaints: same customer, same category, inside the window") {
    const std::vector<PriorTicket> earlier{
        {"13800138000", TicketCategory::kNetwork, test_epoch() - std::chrono::days{10}},
        {"13800138000", TicketCategory::kBusiness, test_epoch() - std::chrono::days{40}},
        {"13900139000", TicketCategory::kService, test_epoch() - std::chrono::days{1}},
    };
    const Duration window = SlaPolicy{}.repeat_window;
    CHECK(is_repeat_complaint(earlier, "13800138000", TicketCategory::kNetwork, test_epoch(), window));
    CHECK_FALSE(is_repeat_complaint(earlier, "13800138000", TicketCategory::kBusiness, test_epoch(), window));
    CHECK_FALSE(is_repeat_complaint(earlier, "13800138000", TicketCategory::kService, test_epoch(), window));
    CHECK(is_repeat_complaint(earlier, "13800138000", TicketCategory::kBusiness, test_epoch(),
                              std::chrono::days{45}));
    CHECK_FALSE(is_repeat_complaint({}, "13800138000", TicketCategory::kNetwork, test_epoch(), window));
}

TEST_CASE("the SLA clock reads time from the injected clock") {
    ManualClock clock(test_epoch());
    SlaPolicy bad;
    bad.acknowledge = 0s;
    CHECK(SlaClock::create(bad, clock).error().field == "acknowledge");

    auto sla = SlaClock::create(SlaPolicy{}, clock);
    REQUIRE(sla.ok());
    SlaSubject fault{TicketCategory::kNetwork, Severity::kMajor, false, AreaType::kRural, clock.now()};
    const auto d = sla->deadlines(fault);
    SlaProgress p;
    p.first_response_at = clock.now() + 1h;
    CHECK(sla->standing(d, p).tier == Tier::kStore);
    clock.advance(24h + 1s);
    CHECK(sla->standing(d, p).tier == Tier::kBranch);
    clock.advance(24h);
    CHECK(sla->standing(d, p).tier == Tier::kHq);

    const std::vector<PriorTicket> earlier{{"13800138000", TicketCategory::kNetwork, test_epoch()}};
    CHECK(sla->is_repeat(earlier, "13800138000", TicketCategory::kNetwork));
    clock.advance(std::chrono::days{31});
    CHECK_FALSE(sla->is_repeat(earlier, "13800138000", TicketCategory::kNetwork));
}
