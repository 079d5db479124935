// SPDX-License-Identifier: Apache-2.0
#include "domain/sla.hpp"

#include <algorithm>
#include <string>

namespace selfcare::domain {

Result<void> validate_sla_policy(const SlaPolicy& policy) {
    FieldErrors errors;
    const auto positive = [&](std::string field, Duration d) {
        if (d <= Duration::zero()) {
            errors.push_back({field, "validation.out_of_range", field + " must be positive"});
        }
    };
    positive("acknowledge", policy.acknowledge);
    positive("resolveOrdinary", policy.resolve_ordinary);
    positive("resolveComplex", policy.resolve_complex);
    for (Severity s : all_values<Severity>()) {
        const auto& d = policy.resolve_by_severity[static_cast<std::size_t>(s)];
        if (d) positive("resolveBySeverity." + std::string(to_string(s)), *d);
    }
    positive("escalationStep", policy.escalation_step);
    positive("repeatWindow", policy.repeat_window);
    if (errors.empty()) return success();
    return invalid_argument(std::move(errors));
}

Duration regulatory_ceiling(const SlaSubject& subject) {
    if (subject.category == TicketCategory::kNetwork) {
        return subject.area == AreaType::kRural ? kCeilingFaultRural : kCeilingFaultUrban;
    }
    return kCeilingComplaint;
}

SlaDeadlines compute_deadlines(const SlaPolicy& policy, const SlaSubject& subject) {
    Duration resolve = subject.complex ? policy.resolve_complex : policy.resolve_ordinary;
    if (const auto& by_severity =
            policy.resolve_by_severity[static_cast<std::size_t>(subject.severity)]) {
        resolve = *by_severity;
    }
    const Duration ceiling = regulatory_ceiling(subject);
    SlaDeadlines out;
    out.clamped = resolve > ceiling;
    resolve = std::min(resolve, ceiling);
    // A first response later than the resolution itself would be meaningless.
    const Duration acknowledge = std::min(policy.acknowledge, resolve);
    out.created_at = subject.created_at;
    out.acknowledge_by = subject.created_at + acknowledge;
    out.resolve_by = subject.created_at + resolve;
    out.escalation_step = policy.escalation_step;
    return out;
}

SlaStanding evaluate_sla(const SlaDeadlines& deadlines, const SlaProgress& progress, Instant now) {
    // The clock stops at resolution: judge the ticket as it stood then.
    const Instant at = progress.resolved_at ? std::min(now, *progress.resolved_at) : now;
    SlaStanding out;
    out.acknowledge_overdue = !(progress.first_response_at &&
                                *progress.first_response_at <= deadlines.acknowledge_by) &&
                              at > deadlines.acknowledge_by;
    out.resolve_overdue = at > deadlines.resolve_by;

    // The first missed deadline starts the escalation ladder.
    std::optional<Instant> missed;
    if (out.acknowledge_overdue) missed = deadlines.acknowledge_by;
    if (out.resolve_overdue && (!missed || deadlines.resolve_by < *missed)) {
        missed = deadlines.resolve_by;
    }

    int steps = progress.repeat ? 1 : 0;
    std::optional<Instant> ladder_start;  // when the first escalation happened
    if (missed) {
        ladder_start = *missed;
        const auto overdue_for = at - *missed;
        const auto further = overdue_for / deadlines.escalation_step;  // whole steps beyond
        steps += 1 + static_cast<int>(std::min<decltype(further)>(further, 2));
    }
    steps = std::min(steps, 2);
    out.tier = static_cast<Tier>(steps);

    if (steps > 0) {
        if (!ladder_start) {
            out.escalated_at = deadlines.created_at;  // a repeat complaint starts at the branch
        } else {
            const int climbed_by_time = steps - (progress.repeat ? 1 : 0);
            out.escalated_at = *ladder_start + deadlines.escalation_step * (climbed_by_time - 1);
        }
    }
    if (steps < 2 && !progress.resolved_at) {
        if (!missed) {
            out.next_escalation_at = std::min(deadlines.acknowledge_by, deadlines.resolve_by);
            if (progress.first_response_at &&
                *progress.first_response_at <= deadlines.acknowledge_by) {
                out.next_escalation_at = deadlines.resolve_by;
            }
        } else {
            const int climbed_by_time = steps - (progress.repeat ? 1 : 0);
            out.next_escalation_at = *missed + deadlines.escalation_step * climbed_by_time;
        }
    }
    return out;
}

bool is_repeat_complaint(std::span<const PriorTicket> earlier, std::string_view msisdn,
                         TicketCategory category, Instant created_at, Duration window) {
    return std::any_of(earlier.begin(), earlier.end(), [&](const PriorTicket& t) {
        return t.msisdn == msisdn && t.category == category && t.created_at <= created_at &&
               created_at - t.created_at <= window;
    });
}

}  // namespace selfcare::domain
