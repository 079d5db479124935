// SPDX-License-Identifier: Apache-2.0
// Ordering (套餐办理), always quote -> confirm -> place: the quote fixes price, effective date and
// eligibility (one plan change per billing cycle); placing needs an Idempotency-Key and changes
// the account in the same transaction that records the order.
#include "api/routes.hpp"
#include "domain/iso8601.hpp"
#include "domain/money.hpp"
#include "http/reply.hpp"
#include "security.hpp"
#include "service/idempotency.hpp"

namespace selfcare::server {
namespace {

constexpr const char* kBase = "/tmf-api/productOrderingManagement/v4";
constexpr std::int64_t kQuoteLifetime = 30 * 60;

Json money(std::int64_t fen) { return {{"unit", "CNY"}, {"fen", fen}, {"value", domain::format_yuan(domain::Money{fen})}}; }
std::string iso(std::int64_t s) { return domain::format_iso8601(domain::Instant{domain::Duration{s}}); }

std::string month_of(std::int64_t s) {
    return iso(s).substr(0, 7);
}

Json order_json(const Context& ctx, const Row& o) {
    // id, quote_id, product_id, action, price_fen, effective, state, created_at, updated_at, name
    return {{"id", o.text(0)},
            {"href", ctx.options.public_base + kBase + std::string("/productOrder/") + o.text(0)},
            {"@type", "ProductOrder"},
            {"state", o.text(6)},
            {"orderDate", iso(o.integer(7))},
            {"completionDate", o.text(6) == "completed" ? Json(iso(o.integer(8))) : Json(nullptr)},
            {"quoteId", o.text(1)},
            {"effective", o.text(5)},
            {"orderTotalPrice", money(o.integer(4))},
            {"productOrderItem", Json::array({{{"id", "1"}, {"action", o.text(3)},
                                               {"productOffering", {{"id", o.text(2)}, {"name", o.text(9)}}}}})}};
}

constexpr const char* kOrderSelect =
    "SELECT o.id, o.quote_id, o.product_id, o.action, o.price_fen, o.effective, o.state, o.created_at,"
    " o.updated_at, p.name_zh FROM orders o JOIN products p ON p.id = o.product_id";

}  // namespace

void register_order_routes(httplib::Server& server, Context& ctx) {
    const std::string base = kBase;

    route(server, ctx, "POST", base + "/quote", Access::kCustomer, [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        auto body = json_body(req);
        if (!body) return body.error();
        const Json pid = body->value("productId", Json());
        if (!pid.is_string() || pid.get<std::string>().empty()) {
            return domain::invalid_argument({{"productId", "validation.required", "productId is required"}});
        }
        auto product = ctx.db.query("SELECT kind, price_fen, name_zh FROM products WHERE id = ?", {pid.get<std::string>()});
        if (!product) return product.error();
        if (product->empty()) return not_found("product");
        const bool plan = product->front().text(0) == "plan";
        auto customer = ctx.db.query("SELECT plan_id, COALESCE(last_plan_change_month, '') FROM customers WHERE msisdn = ?", {who.subject});
        if (!customer) return customer.error();
        if (customer->empty()) return not_found("account");
        const std::int64_t now = ctx.now();
        bool eligible = true;
        std::string reason;
        if (plan && customer->front().text(0) == pid.get<std::string>()) {
            eligible = false;
            reason = "order.same_plan";
        } else if (plan && customer->front().text(1) == month_of(now)) {
            eligible = false;
            reason = "order.one_plan_change_per_cycle";
        }
        const std::string id = "Q-" + random_digits(10);
        const std::string action = plan ? "modify" : "add";
        const std::string effective = plan ? "nextCycle" : "now";
        const std::int64_t price = product->front().integer(1);
        auto tx = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
            auto r = sql.execute("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 {id, who.subject, pid.get<std::string>(), action, price, effective,
                                  std::int64_t{eligible}, reason, now, now + kQuoteLifetime});
            if (!r) return r.error();
            return domain::success();
        });
        if (!tx) return tx.error();
        return Reply{201,
                     {{"id", id}, {"@type", "Quote"}, {"productId", pid.get<std::string>()},
                      {"productName", product->front().text(2)}, {"action", action}, {"price", money(price)},
                      {"effective", effective}, {"eligible", eligible}, {"reason", reason},
                      {"validUntil", iso(now + kQuoteLifetime)}},
                     {},
                     {}};
    });

    route(server, ctx, "POST", base + "/productOrder", Access::kCustomer, [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        auto body = json_body(req);
        if (!body) return body.error();
        const Json qid = body->value("quoteId", Json());
        if (!qid.is_string() || qid.get<std::string>().empty()) {
            return domain::invalid_argument({{"quoteId", "validation.required", "quoteId is required"}});
        }
        return with_idempotency(ctx, req, who, "productOrder", [&](Sql& sql) -> Result {
            const std::int64_t now = ctx.now();
            auto q = sql.query("SELECT product_id, action, price_fen, effective, eligible, reason, expires_at FROM quotes"
                               " WHERE id = ? AND msisdn = ?", {qid.get<std::string>(), who.subject});
            if (!q) return q.error();
            if (q->empty()) return not_found("quote");
            const Row& quote = q->front();
            if (quote.integer(4) == 0) {
                return domain::make_error(domain::ErrorCode::kServer, quote.text(5), "this change is not allowed now");
            }
            if (quote.integer(6) < now) {
                return domain::make_error(domain::ErrorCode::kServer, "order.quote_expired", "the quote has expired; ask for a new one");
            }
            auto used = sql.query("SELECT id FROM orders WHERE quote_id = ?", {qid.get<std::string>()});
            if (!used) return used.error();
            if (!used->empty()) {
                return domain::make_error(domain::ErrorCode::kConflict, "order.quote_used", "this quote was already ordered");
            }
            const std::string product = quote.text(0);
            const std::int64_t price = quote.integer(2);
            // Completing the order changes the account: balance, and the plan or the allowances.
            auto pay = sql.execute("UPDATE customers SET balance_fen = balance_fen - ? WHERE msisdn = ?", {price, who.subject});
            if (!pay) return pay.error();
            if (quote.text(1) == "modify") {
                auto u = sql.execute("UPDATE customers SET plan_id = ?, last_plan_change_month = ? WHERE msisdn = ?",
                                     {product, month_of(now), who.subject});
                if (!u) return u.error();
            } else {
                auto p = sql.query("SELECT data_mb, voice_min, sms FROM products WHERE id = ?", {product});
                if (!p) return p.error();
                const char* kinds[] = {"data", "voice", "sms"};
                for (int i = 0; i < 3; ++i) {
                    if (p->front().integer(static_cast<std::size_t>(i)) == 0) continue;
                    auto u = sql.execute("UPDATE allowances SET total = total + ? WHERE msisdn = ? AND kind = ?",
                                         {p->front().integer(static_cast<std::size_t>(i)), who.subject, std::string(kinds[i])});
                    if (!u) return u.error();
                }
            }
            const std::string id = "PO-" + random_digits(10);
            auto ins = sql.execute("INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, 'completed', ?, ?)",
                                   {id, who.subject, qid.get<std::string>(), product, quote.text(1), price, quote.text(3), now, now});
            if (!ins) return ins.error();
            auto row = sql.query(std::string(kOrderSelect) + " WHERE o.id = ?", {id});
            if (!row) return row.error();
            Reply r;
            r.status = 201;
            r.body = order_json(ctx, row->front());
            return r;
        });
    });

    route(server, ctx, "GET", base + "/productOrder", Access::kCustomer, [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        auto page = page_of(req);
        if (!page) return page.error();
        auto total = ctx.db.query("SELECT count(*) FROM orders WHERE msisdn = ?", {who.subject});
        if (!total) return total.error();
        auto rows = ctx.db.query(std::string(kOrderSelect) + " WHERE o.msisdn = ? ORDER BY o.created_at DESC, o.id LIMIT ? OFFSET ?",
                                 {who.subject, page->limit, page->offset});
        if (!rows) return rows.error();
        Json items = Json::array();
        for (const Row& r : *rows) items.push_back(order_json(ctx, r));
        return list_reply(std::move(items), total->front().integer(0), *page);
    });

    route(server, ctx, "GET", base + "/productOrder/([A-Za-z0-9-]{1,40})", Access::kCustomer,
          [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        auto rows = ctx.db.query(std::string(kOrderSelect) + " WHERE o.id = ? AND o.msisdn = ?", {std::string(req.matches[1]), who.subject});
        if (!rows) return rows.error();
        if (rows->empty()) return not_found("order");
        return Reply{200, order_json(ctx, rows->front()), {}, {}};
    });

    route(server, ctx, "POST", base + "/cancelProductOrder", Access::kCustomer, [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        auto body = json_body(req);
        if (!body) return body.error();
        const Json order = body->value("productOrder", Json::object());
        const Json id = order.is_object() ? order.value("id", Json()) : Json();
        if (!id.is_string()) return domain::invalid_argument({{"productOrder.id", "validation.required", "productOrder.id is required"}});
        auto rows = ctx.db.query("SELECT state FROM orders WHERE id = ? AND msisdn = ?", {id.get<std::string>(), who.subject});
        if (!rows) return rows.error();
        if (rows->empty()) return not_found("order");
        // Orders here complete when placed, so the point of no return has always passed (TMF622: 422).
        return domain::make_error(domain::ErrorCode::kServer, "order.point_of_no_return",
                                  "the order is " + rows->front().text(0) + " and can no longer be cancelled");
    });
}

}  // namespace selfcare::server
