// SPDX-License-Identifier: Apache-2.0
#include "service/sla_sweep.hpp"

#include "domain/sla.hpp"
#include "security.hpp"
#include "service/feed.hpp"
#include "service/tickets.hpp"

namespace selfcare::server {
namespace {

domain::Instant at(std::int64_t s) { return domain::Instant{domain::Duration{s}}; }

}  // namespace

domain::Result<int> sweep_sla(Context& ctx) {
    auto open = ctx.db.query(
        "SELECT id, msisdn, category, area_type, tier, repeat_flag, created_at, acknowledge_by, resolve_by,"
        " first_response_at, resolved_at, compensated FROM tickets"
        " WHERE status NOT IN ('closed', 'cancelled', 'rejected')");
    if (!open) return open.error();
    int changed = 0;
    const std::int64_t now = ctx.now();
    for (const Row& t : *open) {
        const std::string id = t.text(0);
        const auto optional_time = [&](std::size_t i) { return t.is_null(i) ? std::nullopt : std::optional(t.integer(i)); };
        const auto standing = stored_standing(ctx, t.integer(6), t.integer(7), t.integer(8), optional_time(9),
                                              optional_time(10), t.integer(5) != 0);
        const std::string tier(domain::to_string(standing.tier));

        // Tiers only go up: a ticket never leaves HQ because a deadline was recomputed.
        const auto stored_tier = domain::from_string<domain::Tier>(t.text(4)).value_or(domain::Tier::kStore);
        if (standing.tier > stored_tier) {
            auto r = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
                auto u = sql.execute("UPDATE tickets SET tier = ?, updated_at = ? WHERE id = ? AND tier = ?",
                                     {tier, now, id, t.text(4)});
                if (!u) return u.error();
                if (*u == 0) return domain::success();  // another process got there first
                ++changed;
                auto status = sql.query("SELECT status FROM tickets WHERE id = ?", {id});
                if (!status) return status.error();
                auto e = sql.execute("INSERT INTO ticket_events (ticket_id, at, status, actor, note) VALUES (?, ?, ?, 'system', ?)",
                                     {id, now, status->front().text(0), "overdue: escalated to " + tier});
                if (!e) return e.error();
                return append_event(sql, now, t.text(1), "", "ticket.updated", id, {{"id", id}, {"tier", tier}});
            });
            if (!r) return r.error();
        }

        // A network fault unresolved past its regulatory ceiling earns the compensation pack.
        domain::SlaSubject subject{domain::TicketCategory::kNetwork, domain::Severity::kMajor, false,
                                   domain::from_string<domain::AreaType>(t.text(3)), at(t.integer(6))};
        const auto ceiling = domain::regulatory_ceiling(subject).count();
        const std::int64_t stopped = t.is_null(10) ? now : t.integer(10);
        if (t.text(2) == "network" && t.integer(11) == 0 && stopped - t.integer(6) > ceiling) {
            auto r = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
                auto u = sql.execute("UPDATE tickets SET compensated = 1 WHERE id = ? AND compensated = 0", {id});
                if (!u) return u.error();
                if (*u == 0) return domain::success();
                ++changed;
                auto g = sql.execute("INSERT INTO redemptions (id, msisdn, reward_id, points, voucher_code, at)"
                                     " VALUES (?, ?, 'R-COMP-1G', 0, ?, ?)",
                                     {"RD-" + random_digits(10), t.text(1), random_hex(8), now});
                if (!g) return g.error();
                auto status = sql.query("SELECT status FROM tickets WHERE id = ?", {id});
                if (!status) return status.error();
                auto e = sql.execute("INSERT INTO ticket_events (ticket_id, at, status, actor, note) VALUES (?, ?, ?, 'system', ?)",
                                     {id, now, status->front().text(0), "repair beyond the regulatory limit: compensation granted"});
                if (!e) return e.error();
                return append_event(sql, now, t.text(1), "", "ticket.updated", id, {{"id", id}, {"compensated", true}});
            });
            if (!r) return r.error();
        }
    }
    return changed;
}

}  // namespace selfcare::server
