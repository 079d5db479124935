// SPDX-License-Identifier: Apache-2.0
// Query flow (业务查询): the signed-in customer's account summary, bills with itemised usage, the
// product catalogue, knowledge-base search and notices for the customer's area.
#include <algorithm>

#include "api/routes.hpp"
#include "domain/iso8601.hpp"
#include "domain/money.hpp"
#include "domain/privacy.hpp"
#include "http/reply.hpp"

namespace selfcare::server {
namespace {

Json money(std::int64_t fen) { return {{"unit", "CNY"}, {"fen", fen}, {"value", domain::format_yuan(domain::Money{fen})}}; }
std::string iso(std::int64_t s) { return domain::format_iso8601(domain::Instant{domain::Duration{s}}); }

bool valid_month(const std::string& m) {
    return m.size() == 7 && m[4] == '-' && std::all_of(m.begin(), m.begin() + 4, ::isdigit) &&
           ::isdigit(m[5]) && ::isdigit(m[6]) && std::stoi(m.substr(5)) >= 1 && std::stoi(m.substr(5)) <= 12;
}

std::string locale_of(const httplib::Request& req) {
    const std::string l = req.has_param("locale") ? req.get_param_value("locale") : "zh-CN";
    return l == "en" ? "en" : "zh-CN";
}

}  // namespace

void register_account_routes(httplib::Server& server, Context& ctx) {
    route(server, ctx, "GET", "/selfcare/v1/account", Access::kCustomer, [&ctx](const httplib::Request&, const Principal& who) -> Result {
        auto c = ctx.db.query("SELECT c.name, c.plan_id, p.name_zh, p.name_en, c.balance_fen, c.points, c.area"
                              " FROM customers c LEFT JOIN products p ON p.id = c.plan_id WHERE c.msisdn = ?",
                              {who.subject});
        if (!c) return c.error();
        if (c->empty()) return not_found("account");
        auto a = ctx.db.query("SELECT kind, total, used, unit FROM allowances WHERE msisdn = ? ORDER BY kind", {who.subject});
        if (!a) return a.error();
        Json allowances = Json::array();
        for (const Row& r : *a) {
            allowances.push_back({{"kind", r.text(0)}, {"total", r.integer(1)}, {"used", r.integer(2)},
                                  {"remaining", std::max<std::int64_t>(0, r.integer(1) - r.integer(2))}, {"unit", r.text(3)}});
        }
        const Row& r = c->front();
        return Reply{200,
                     {{"msisdn", who.subject},
                      {"maskedMsisdn", domain::mask_msisdn(who.subject)},
                      {"name", r.text(0)},
                      {"plan", {{"id", r.text(1)}, {"name", r.text(2)}, {"nameEn", r.text(3)}}},
                      {"balance", money(r.integer(4))},
                      {"points", r.integer(5)},
                      {"area", r.text(6)},
                      {"allowances", std::move(allowances)},
                      {"asOf", iso(ctx.now())}},
                     {},
                     {}};
    });

    route(server, ctx, "GET", "/tmf-api/customerBillManagement/v4/customerBill", Access::kCustomer,
          [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        auto page = page_of(req);
        if (!page) return page.error();
        auto total = ctx.db.query("SELECT count(*) FROM bills WHERE msisdn = ?", {who.subject});
        if (!total) return total.error();
        auto rows = ctx.db.query("SELECT id, month, amount_due_fen, state, items FROM bills WHERE msisdn = ?"
                                 " ORDER BY month DESC LIMIT ? OFFSET ?", {who.subject, page->limit, page->offset});
        if (!rows) return rows.error();
        Json items = Json::array();
        for (const Row& b : *rows) {
            items.push_back({{"id", b.text(0)}, {"@type", "CustomerBill"}, {"billingPeriod", b.text(1)},
                             {"amountDue", money(b.integer(2))}, {"state", b.text(3)},
                             {"items", Json::parse(b.text(4), nullptr, false)}});
        }
        return list_reply(std::move(items), total->front().integer(0), *page);
    });

    route(server, ctx, "GET", "/tmf-api/usageConsumption/v4/usage", Access::kCustomer,
          [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        const std::string month = req.has_param("month") ? req.get_param_value("month") : "";
        if (!valid_month(month)) return domain::invalid_argument({{"month", "validation.month", "month must be YYYY-MM"}});
        auto page = page_of(req);
        if (!page) return page.error();
        auto total = ctx.db.query("SELECT count(*) FROM usage_records WHERE msisdn = ? AND month = ?", {who.subject, month});
        if (!total) return total.error();
        auto rows = ctx.db.query("SELECT at, kind, counterpart, quantity, charge_fen FROM usage_records"
                                 " WHERE msisdn = ? AND month = ? ORDER BY at DESC LIMIT ? OFFSET ?",
                                 {who.subject, month, page->limit, page->offset});
        if (!rows) return rows.error();
        Json items = Json::array();
        for (const Row& u : *rows) {
            items.push_back({{"date", iso(u.integer(0))}, {"usageType", u.text(1)}, {"counterpart", u.text(2)},
                             {"quantity", u.integer(3)}, {"charge", money(u.integer(4))}});
        }
        return list_reply(std::move(items), total->front().integer(0), *page);
    });

    route(server, ctx, "GET", "/tmf-api/productCatalogManagement/v4/productOffering", Access::kAnyUser,
          [&ctx](const httplib::Request& req, const Principal&) -> Result {
        std::string where;
        SqlParams params;
        if (req.has_param("kind")) {
            const std::string kind = req.get_param_value("kind");
            if (kind != "plan" && kind != "addon") return domain::invalid_argument({{"kind", "validation.enum", "kind must be plan or addon"}});
            where = " WHERE kind = ?";
            params.push_back(kind);
        }
        auto rows = ctx.db.query("SELECT id, kind, name_zh, name_en, price_fen, data_mb, voice_min, sms, description_zh,"
                                 " description_en FROM products" + where + " ORDER BY kind DESC, price_fen", params);
        if (!rows) return rows.error();
        Json items = Json::array();
        for (const Row& p : *rows) {
            items.push_back({{"id", p.text(0)}, {"@type", "ProductOffering"}, {"kind", p.text(1)}, {"name", p.text(2)},
                             {"nameEn", p.text(3)}, {"price", money(p.integer(4))}, {"dataMb", p.integer(5)},
                             {"voiceMinutes", p.integer(6)}, {"sms", p.integer(7)}, {"description", p.text(8)},
                             {"descriptionEn", p.text(9)}, {"lifecycleStatus", "Launched"}, {"isSellable", true}});
        }
        const auto n = static_cast<std::int64_t>(items.size());
        return list_reply(std::move(items), n, Page{0, std::max<std::int64_t>(n, 1)});
    });

    route(server, ctx, "GET", "/selfcare/v1/kb", Access::kPublic, [&ctx](const httplib::Request& req, const Principal&) -> Result {
        const std::string q = req.has_param("q") ? req.get_param_value("q") : "";
        if (q.size() > 200) return domain::invalid_argument({{"q", "validation.too_long", "q must have at most 200 bytes"}});
        // LIKE with escaping, so "%" or "_" typed by a customer match themselves.
        std::string pattern = "%";
        for (char ch : q) {
            if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
            pattern += ch;
        }
        pattern += "%";
        auto rows = ctx.db.query("SELECT id, title, body, tags FROM kb_articles WHERE locale = ? AND"
                                 " (title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\' OR tags LIKE ? ESCAPE '\\')"
                                 " ORDER BY CASE WHEN title LIKE ? ESCAPE '\\' THEN 0 ELSE 1 END, id LIMIT 20",
                                 {locale_of(req), pattern, pattern, pattern, pattern});
        if (!rows) return rows.error();
        Json items = Json::array();
        for (const Row& a : *rows) {
            items.push_back({{"id", a.text(0)}, {"title", a.text(1)}, {"body", a.text(2)}, {"tags", a.text(3)}});
        }
        return Reply{200, {{"articles", std::move(items)}}, {}, {}};
    });

    route(server, ctx, "GET", "/selfcare/v1/notices", Access::kAnyUser, [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        std::string area = req.has_param("area") ? req.get_param_value("area") : "";
        if (who.role == "customer") {
            auto c = ctx.db.query("SELECT area FROM customers WHERE msisdn = ?", {who.subject});
            if (!c) return c.error();
            if (!c->empty()) area = c->front().text(0);
        }
        const bool en = locale_of(req) == "en";
        auto rows = ctx.db.query("SELECT id, kind, title_zh, title_en, body_zh, body_en, starts_at, ends_at FROM notices"
                                 " WHERE (area = ? OR area = 'all') AND ends_at >= ? ORDER BY starts_at",
                                 {area, ctx.now()});
        if (!rows) return rows.error();
        Json items = Json::array();
        for (const Row& n : *rows) {
            items.push_back({{"id", n.text(0)}, {"kind", n.text(1)}, {"title", en ? n.text(3) : n.text(2)},
                             {"body", en ? n.text(5) : n.text(4)}, {"startsAt", iso(n.integer(6))}, {"endsAt", iso(n.integer(7))}});
        }
        return Reply{200, {{"notices", std::move(items)}}, {}, {}};
    });
}

}  // namespace selfcare::server
