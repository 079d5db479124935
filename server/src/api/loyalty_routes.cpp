// SPDX-License-Identifier: Apache-2.0
// Loyalty (权益兑换): balance, reward catalogue, redemption (points deducted and voucher issued in
// one transaction, exactly once per Idempotency-Key) and history, including granted compensation.
#include "api/routes.hpp"
#include "domain/iso8601.hpp"
#include "http/reply.hpp"
#include "security.hpp"
#include "service/idempotency.hpp"

namespace selfcare::server {
namespace {

constexpr const char* kBase = "/tmf-api/loyalty/v4";
std::string iso(std::int64_t s) { return domain::format_iso8601(domain::Instant{domain::Duration{s}}); }

}  // namespace

void register_loyalty_routes(httplib::Server& server, Context& ctx) {
    const std::string base = kBase;

    route(server, ctx, "GET", base + "/loyaltyAccount", Access::kCustomer, [&ctx](const httplib::Request&, const Principal& who) -> Result {
        auto rows = ctx.db.query("SELECT points FROM customers WHERE msisdn = ?", {who.subject});
        if (!rows) return rows.error();
        if (rows->empty()) return not_found("account");
        return Reply{200, {{"@type", "LoyaltyAccount"}, {"points", rows->front().integer(0)}}, {}, {}};
    });

    route(server, ctx, "GET", base + "/reward", Access::kAnyUser, [&ctx](const httplib::Request&, const Principal&) -> Result {
        auto rows = ctx.db.query("SELECT id, name_zh, name_en, kind, points_cost FROM rewards WHERE kind <> 'compensation'"
                                 " ORDER BY points_cost, id");
        if (!rows) return rows.error();
        Json items = Json::array();
        for (const Row& r : *rows) {
            items.push_back({{"id", r.text(0)}, {"name", r.text(1)}, {"nameEn", r.text(2)}, {"kind", r.text(3)},
                             {"pointsCost", r.integer(4)}});
        }
        const auto n = static_cast<std::int64_t>(items.size());
        return list_reply(std::move(items), n, Page{0, std::max<std::int64_t>(n, 1)});
    });

    route(server, ctx, "POST", base + "/redemption", Access::kCustomer, [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        auto body = json_body(req);
        if (!body) return body.error();
        const Json rid = body->value("rewardId", Json());
        if (!rid.is_string() || rid.get<std::string>().empty()) {
            return domain::invalid_argument({{"rewardId", "validation.required", "rewardId is required"}});
        }
        return with_idempotency(ctx, req, who, "redemption", [&](Sql& sql) -> Result {
            auto reward = sql.query("SELECT points_cost, name_zh, kind FROM rewards WHERE id = ? AND kind <> 'compensation'",
                                    {rid.get<std::string>()});
            if (!reward) return reward.error();
            if (reward->empty()) return not_found("reward");
            const std::int64_t cost = reward->front().integer(0);
            // The balance check and the deduction are one statement: no double spend under races.
            auto paid = sql.execute("UPDATE customers SET points = points - ? WHERE msisdn = ? AND points >= ?",
                                    {cost, who.subject, cost});
            if (!paid) return paid.error();
            if (*paid == 0) {
                return domain::make_error(domain::ErrorCode::kServer, "loyalty.insufficient_points",
                                          "not enough points for this reward");
            }
            const std::string id = "RD-" + random_digits(10);
            const std::string voucher = random_hex(8);
            const std::int64_t now = ctx.now();
            auto ins = sql.execute("INSERT INTO redemptions VALUES (?, ?, ?, ?, ?, ?)",
                                   {id, who.subject, rid.get<std::string>(), cost, voucher, now});
            if (!ins) return ins.error();
            auto left = sql.query("SELECT points FROM customers WHERE msisdn = ?", {who.subject});
            if (!left) return left.error();
            Reply r;
            r.status = 201;
            r.body = {{"id", id}, {"@type", "Redemption"}, {"rewardId", rid.get<std::string>()},
                      {"rewardName", reward->front().text(1)}, {"points", cost}, {"voucherCode", voucher},
                      {"date", iso(now)}, {"pointsLeft", left->front().integer(0)}};
            return r;
        });
    });

    route(server, ctx, "GET", base + "/redemption", Access::kCustomer, [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        auto page = page_of(req);
        if (!page) return page.error();
        auto total = ctx.db.query("SELECT count(*) FROM redemptions WHERE msisdn = ?", {who.subject});
        if (!total) return total.error();
        auto rows = ctx.db.query("SELECT r.id, r.reward_id, w.name_zh, w.kind, r.points, r.voucher_code, r.at"
                                 " FROM redemptions r JOIN rewards w ON w.id = r.reward_id WHERE r.msisdn = ?"
                                 " ORDER BY r.at DESC, r.id LIMIT ? OFFSET ?", {who.subject, page->limit, page->offset});
        if (!rows) return rows.error();
        Json items = Json::array();
        for (const Row& r : *rows) {
            items.push_back({{"id", r.text(0)}, {"rewardId", r.text(1)}, {"rewardName", r.text(2)}, {"kind", r.text(3)},
                             {"points", r.integer(4)}, {"voucherCode", r.text(5)}, {"date", iso(r.integer(6))}});
        }
        return list_reply(std::move(items), total->front().integer(0), *page);
    });
}

}  // namespace selfcare::server
