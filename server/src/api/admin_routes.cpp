// SPDX-License-Identifier: Apache-2.0
// The operator's service dashboard (服务质量仪表盘), computed from the records themselves, and a
// manual trigger of the SLA sweep (the sweep also runs every 30 seconds).
#include "api/routes.hpp"
#include "http/reply.hpp"
#include "security.hpp"
#include "service/sla_sweep.hpp"

namespace selfcare::server {
namespace {

double ratio(std::int64_t part, std::int64_t whole) { return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole); }

}  // namespace

void register_admin_routes(httplib::Server& server, Context& ctx) {
    route(server, ctx, "GET", "/selfcare/v1/admin/metrics", Access::kAdmin, [&ctx](const httplib::Request&, const Principal&) -> Result {
        auto t = ctx.db.query(
            "SELECT count(*),"
            " sum(CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END),"
            " sum(CASE WHEN resolved_at IS NOT NULL AND resolved_at <= resolve_by THEN 1 ELSE 0 END),"
            " sum(CASE WHEN resolved_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.ticket_id = tickets.id)"
            "      AND NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = tickets.id AND e.status IN ('pending','held'))"
            "      THEN 1 ELSE 0 END),"
            " sum(repeat_flag),"
            " sum(CASE WHEN rating IS NOT NULL THEN 1 ELSE 0 END),"
            " sum(CASE WHEN rating >= 4 THEN 1 ELSE 0 END),"
            " sum(CASE WHEN rating = 5 THEN 1 ELSE 0 END),"
            " sum(CASE WHEN rating IS NOT NULL AND rating <= 3 THEN 1 ELSE 0 END),"
            " sum(CASE WHEN category = 'network' AND resolved_at IS NOT NULL THEN resolved_at - created_at ELSE 0 END),"
            " sum(CASE WHEN category = 'network' AND resolved_at IS NOT NULL THEN 1 ELSE 0 END)"
            " FROM tickets");
        if (!t) return t.error();
        const Row& r = t->front();
        auto overdue = ctx.db.query("SELECT tier, count(*) FROM tickets WHERE status NOT IN ('resolved','closed','cancelled','rejected')"
                                    " AND (resolve_by < ? OR (first_response_at IS NULL AND acknowledge_by < ?)) GROUP BY tier",
                                    {ctx.now(), ctx.now()});
        if (!overdue) return overdue.error();
        Json by_tier{{"store", 0}, {"branch", 0}, {"hq", 0}};
        for (const Row& o : *overdue) by_tier[o.text(0)] = o.integer(1);
        const std::int64_t total = r.integer(0), resolved = r.integer(1), rated = r.integer(5);
        return Reply{200,
                     {{"tickets", total},
                      {"resolved", resolved},
                      {"slaCompliance", ratio(r.integer(2), resolved)},
                      {"firstContactResolution", ratio(r.integer(3), resolved)},
                      {"repeatComplaintRate", ratio(r.integer(4), total)},
                      {"csat", ratio(r.integer(6), rated)},
                      {"nps", rated == 0 ? 0.0 : 100.0 * (ratio(r.integer(7), rated) - ratio(r.integer(8), rated))},
                      {"averageRepairHours", r.integer(10) == 0 ? 0.0 : static_cast<double>(r.integer(9)) / static_cast<double>(r.integer(10)) / 3600.0},
                      {"overdueByTier", by_tier}},
                     {},
                     {}};
    });

    // Registers a kiosk; the secret is returned once and stored only as a hash.
    route(server, ctx, "POST", "/selfcare/v1/admin/devices", Access::kAdmin, [&ctx](const httplib::Request& req, const Principal&) -> Result {
        auto body = json_body(req);
        if (!body) return body.error();
        domain::FieldErrors errors;
        const auto text = [&](const char* k) {
            const auto it = body->find(k);
            if (it == body->end() || !it->is_string() || it->get<std::string>().empty()) {
                errors.push_back({k, "validation.required", std::string(k) + " is required"});
                return std::string();
            }
            return it->get<std::string>();
        };
        const std::string id = text("id"), store = text("storeId");
        if (!errors.empty()) return domain::invalid_argument(std::move(errors));
        if (id.size() > 40 || id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
            return domain::invalid_argument({{"id", "validation.device_id", "id must be 1-40 letters, digits or '-'"}});
        }
        const std::string secret = random_hex(24);
        auto tx = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
            auto known = sql.query("SELECT 1 FROM stores WHERE id = ?", {store});
            if (!known) return known.error();
            if (known->empty()) return domain::invalid_argument({{"storeId", "validation.unknown_store", "storeId is not a store"}});
            auto ins = sql.execute("INSERT INTO devices VALUES (?, ?, ?, ?)", {id, store, sha256_hex(secret), ctx.now()});
            if (!ins) return ins.error();
            return domain::success();
        });
        if (!tx) return tx.error();
        return Reply{201, {{"id", id}, {"storeId", store}, {"secret", secret}}, {}, {}};
    });

    route(server, ctx, "POST", "/selfcare/v1/admin/sla/sweep", Access::kAdmin, [&ctx](const httplib::Request&, const Principal&) -> Result {
        auto n = sweep_sla(ctx);
        if (!n) return n.error();
        return Reply{200, {{"changed", *n}}, {}, {}};
    });
}

}  // namespace selfcare::server
