// SPDX-License-Identifier: Apache-2.0
// The event feed: GET /selfcare/v1/events?after=<seq>&wait=<seconds>. Answers at once when there
// are newer events for the caller, otherwise waits up to `wait` seconds (long-poll), polling the
// database, so it works the same with several server processes behind a load balancer.
#include <thread>

#include "api/routes.hpp"
#include "http/reply.hpp"

namespace selfcare::server {

void register_event_routes(httplib::Server& server, Context& ctx) {
    route(server, ctx, "GET", "/selfcare/v1/events", Access::kAnyUser, [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        const auto number = [&](const char* name, std::int64_t dflt, std::int64_t lo, std::int64_t hi) -> std::optional<std::int64_t> {
            if (!req.has_param(name)) return dflt;
            try {
                std::size_t used = 0;
                const std::string v = req.get_param_value(name);
                const long long n = std::stoll(v, &used);
                if (used != v.size() || n < lo || n > hi) return std::nullopt;
                return n;
            } catch (const std::exception&) {
                return std::nullopt;
            }
        };
        const auto after = number("after", 0, 0, INT64_MAX);
        if (!after) return domain::invalid_argument({{"after", "validation.out_of_range", "after must be an event cursor"}});
        const auto wait = number("wait", 0, 0, 30);
        if (!wait) return domain::invalid_argument({{"wait", "validation.out_of_range", "wait must be 0 to 30 seconds"}});

        std::string where = "seq > ?";
        SqlParams params{*after};
        if (who.role == "customer") {
            where += " AND msisdn = ?";
            params.push_back(who.subject);
        } else if (who.role == "engineer") {
            where += " AND assignee = ?";
            params.push_back(who.subject);
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(*wait);
        for (;;) {
            auto rows = ctx.db.query("SELECT seq, at, type, resource_id, payload FROM events WHERE " + where +
                                         " ORDER BY seq LIMIT 100", params);
            if (!rows) return rows.error();
            if (!rows->empty() || std::chrono::steady_clock::now() >= deadline || ctx.stopping) {
                Json events = Json::array();
                std::int64_t cursor = *after;
                for (const Row& r : *rows) {
                    cursor = r.integer(0);
                    events.push_back({{"seq", cursor}, {"type", r.text(2)}, {"id", r.text(3)},
                                      {"data", Json::parse(r.text(4), nullptr, false)}});
                }
                return Reply{200, {{"events", std::move(events)}, {"cursor", cursor}}, {}, {}};
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    });
}

}  // namespace selfcare::server
