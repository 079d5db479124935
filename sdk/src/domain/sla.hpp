// SPDX-License-Identifier: Apache-2.0
// The SLA clock (domain.md "Repair-progress tracking"): deadlines from configuration, clamped by
// the regulatory ceilings no configuration may exceed; overdue state and the tier that holds a
// ticket; repeat-complaint detection. Pure functions of their inputs: time comes from the caller.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>

#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "domain/ticket.hpp"

namespace selfcare::domain {

/// Regulatory ceilings: a network fault repaired within 48 h in towns, 72 h in the countryside;
/// any complaint answered within 15 days.
inline constexpr Duration kCeilingFaultUrban = std::chrono::hours{48};
inline constexpr Duration kCeilingFaultRural = std::chrono::hours{72};
inline constexpr Duration kCeilingComplaint = std::chrono::days{15};

/// The operator's commitments. Defaults are the seeds' own (tighter than the ceilings).
struct SlaPolicy {
    Duration acknowledge = std::chrono::hours{24};        ///< first response (初步回应)
    Duration resolve_ordinary = std::chrono::hours{24};   ///< ordinary complaint
    Duration resolve_complex = std::chrono::days{7};      ///< complex complaint
    /// Optional per-severity resolution targets, indexed by Severity; they replace the
    /// ordinary/complex target when set (still clamped).
    std::array<std::optional<Duration>, 3> resolve_by_severity{};
    Duration escalation_step = std::chrono::hours{24};  ///< time overdue at one tier before the next
    Duration repeat_window = std::chrono::days{30};     ///< 重复投诉 window
};

/// Checks a policy: every duration positive (field names: "acknowledge", "resolveOrdinary",
/// "resolveComplex", "resolveBySeverity.<severity>", "escalationStep", "repeatWindow").
/// A duration above its ceiling is not an error: it is clamped where it is used. Thread-safe.
Result<void> validate_sla_policy(const SlaPolicy& policy);

/// What the SLA clock needs to know about a ticket.
struct SlaSubject {
    TicketCategory category = TicketCategory::kNetwork;
    Severity severity = Severity::kMinor;
    bool complex = false;
    /// Only network faults have an area; unknown is treated as urban (the stricter ceiling).
    std::optional<AreaType> area;
    Instant created_at;
};

/// The committed deadlines of one ticket.
struct SlaDeadlines {
    Instant created_at;
    Instant acknowledge_by;
    Instant resolve_by;
    Duration escalation_step{};
    bool clamped = false;  ///< true when a ceiling cut the configured resolution target
};

/// The resolution ceiling that applies to `subject`. Thread-safe.
Duration regulatory_ceiling(const SlaSubject& subject);

/// Deadlines for `subject` under `policy`, with both targets clamped to the ceiling.
/// Precondition: validate_sla_policy(policy) succeeded. Thread-safe.
SlaDeadlines compute_deadlines(const SlaPolicy& policy, const SlaSubject& subject);

/// Progress that stops the clocks.
struct SlaProgress {
    std::optional<Instant> first_response_at;  ///< first move out of "acknowledged"
    std::optional<Instant> resolved_at;        ///< the move to a status that stops the clock
    bool repeat = false;                       ///< repeat complaints start at the branch
};

/// Where a ticket stands at `now`.
struct SlaStanding {
    bool acknowledge_overdue = false;
    bool resolve_overdue = false;
    Tier tier = Tier::kStore;
    /// When the ticket reached its current tier (nullopt while at the store).
    std::optional<Instant> escalated_at;
    /// When it will move up a tier if nothing happens (nullopt at HQ or once resolved).
    std::optional<Instant> next_escalation_at;

    bool overdue() const { return acknowledge_overdue || resolve_overdue; }
};

/// The ticket's overdue state and holding tier at `now`. A deadline missed escalates one tier;
/// each further `escalation_step` overdue escalates another, up to HQ. A repeat complaint starts
/// at the branch. Once resolved, the standing freezes at the resolution time. Thread-safe.
SlaStanding evaluate_sla(const SlaDeadlines& deadlines, const SlaProgress& progress, Instant now);

/// A customer's earlier ticket, as repeat detection sees it.
struct PriorTicket {
    std::string msisdn;
    TicketCategory category = TicketCategory::kNetwork;
    Instant created_at;
};

/// True when `earlier` holds a ticket of the same customer and category created within
/// `window` before `created_at` (重复投诉). Thread-safe.
bool is_repeat_complaint(std::span<const PriorTicket> earlier, std::string_view msisdn,
                         TicketCategory category, Instant created_at, Duration window);

/// The SLA rules bound to a validated policy and an injected clock: what the server's sweep and
/// the SDK's progress screens use. Thread-safe (immutable; the clock must be thread-safe and
/// outlive this object).
class SlaClock {
public:
    /// Fails with validate_sla_policy()'s errors; otherwise binds `policy` and `clock`.
    static Result<SlaClock> create(SlaPolicy policy, const Clock& clock) {
        if (auto valid = validate_sla_policy(policy); !valid) return valid.error();
        return SlaClock(policy, clock);
    }

    const SlaPolicy& policy() const { return policy_; }

    /// Deadlines of a ticket (see compute_deadlines).
    SlaDeadlines deadlines(const SlaSubject& subject) const {
        return compute_deadlines(policy_, subject);
    }

    /// The ticket's standing now, by the injected clock (see evaluate_sla).
    SlaStanding standing(const SlaDeadlines& deadlines, const SlaProgress& progress) const {
        return evaluate_sla(deadlines, progress, clock_->now());
    }

    /// Whether a ticket created now would be a repeat complaint, within the policy's window.
    bool is_repeat(std::span<const PriorTicket> earlier, std::string_view msisdn,
                   TicketCategory category) const {
        return is_repeat_complaint(earlier, msisdn, category, clock_->now(), policy_.repeat_window);
    }

private:
    SlaClock(SlaPolicy policy, const Clock& clock) : policy_(policy), clock_(&clock) {}
    SlaPolicy policy_;
    const Clock* clock_;
};

}  // namespace selfcare::domain
