// SPDX-License-Identifier: Apache-2.0
#include "flows/query_flow.hpp"

#include <cctype>

#include "domain/iso8601.hpp"
#include "domain/validation.hpp"

namespace selfcare::flows {
namespace {

// GET `path`; on success cache it under `key` and answer it fresh; when the server cannot be
// asked, answer the cached copy marked stale. Lists come back as a bare JSON array (TMF) and
// are answered as {"items": [...]}, so every flow result is an object.
domain::Result<Json> cached_get(FlowContext& ctx, const std::string& key, const std::string& path) {
    auto fresh = ctx.read(net::HttpRequest::get(path));
    if (fresh) {
        const auto now = ctx.clock().now();
        Json out = fresh->is_array() ? Json{{"items", std::move(*fresh)}} : std::move(*fresh);
        if (auto r = ctx.store().put_cache_entry(key, out.dump(), now); !r) return r.error();
        out["stale"] = false;
        out["fetched_at"] = domain::format_iso8601(now);
        return out;
    }
    if (!unreachable(fresh.error())) return fresh.error();
    auto cached = ctx.store().get_cache_entry(key);
    if (!cached) return cached.error();
    if (!*cached) return fresh.error();
    Json out = Json::parse((*cached)->payload, nullptr, false);
    if (!out.is_object()) return fresh.error();
    out["stale"] = true;
    out["fetched_at"] = domain::format_iso8601((*cached)->fetched_at);
    return out;
}

// Percent-encodes a query value (RFC 3986 unreserved characters pass through).
std::string encode(std::string_view v) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : v) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0x0F];
        }
    }
    return out;
}

domain::Result<std::string> id_arg(const Json& args) {
    const auto it = args.find("id");
    if (it == args.end() || !it->is_string() || it->get<std::string>().empty()) {
        return domain::invalid_argument({{"id", "validation.required", "id is required"}});
    }
    const std::string id = *it;
    if (id.size() > 40 || id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
        return domain::invalid_argument({{"id", "validation.id_format", "id must be 1-40 letters, digits or '-'"}});
    }
    return id;
}

}  // namespace

domain::Result<Json> bills_list(FlowContext& ctx, const Json&) {
    if (auto r = ctx.require_session("customer"); !r) return r.error();
    return cached_get(ctx, "bills.list", "/tmf-api/customerBillManagement/v4/customerBill?limit=12");
}

domain::Result<Json> bills_get(FlowContext& ctx, const Json& args) {
    if (auto r = ctx.require_session("customer"); !r) return r.error();
    const auto it = args.find("month");
    const std::string month = it != args.end() && it->is_string() ? it->get<std::string>() : "";
    const bool ok = month.size() == 7 && month[4] == '-' &&
                    month.find_first_not_of("0123456789-") == std::string::npos &&
                    std::stoi(month.substr(5)) >= 1 && std::stoi(month.substr(5)) <= 12;
    if (!ok) return domain::invalid_argument({{"month", "validation.month", "month must be YYYY-MM"}});
    auto r = cached_get(ctx, "bills.get:" + month, "/tmf-api/usageConsumption/v4/usage?limit=100&month=" + month);
    if (!r) return r.error();
    (*r)["month"] = month;
    return r;
}

domain::Result<Json> catalog_plans(FlowContext& ctx, const Json&) {
    if (auto r = ctx.require_session(); !r) return r.error();
    return cached_get(ctx, "catalog.plans", "/tmf-api/productCatalogManagement/v4/productOffering?kind=plan");
}

domain::Result<Json> catalog_addons(FlowContext& ctx, const Json&) {
    if (auto r = ctx.require_session(); !r) return r.error();
    return cached_get(ctx, "catalog.addons", "/tmf-api/productCatalogManagement/v4/productOffering?kind=addon");
}

domain::Result<Json> kb_search(FlowContext& ctx, const Json& args) {
    const auto it = args.find("q");
    const std::string q = it != args.end() && it->is_string() ? it->get<std::string>() : "";
    domain::FieldErrors errors;
    domain::check_text(errors, "q", q, {1, 100, false});
    const auto loc = args.find("locale");
    const std::string locale = loc != args.end() && loc->is_string() ? loc->get<std::string>() : "zh-CN";
    if (locale != "zh-CN" && locale != "en") errors.push_back({"locale", "validation.enum", "locale must be zh-CN or en"});
    if (!errors.empty()) return domain::invalid_argument(std::move(errors));
    auto r = ctx.call(net::HttpRequest::get("/selfcare/v1/kb?locale=" + locale + "&q=" + encode(q)), false);
    if (!r) return r.error();
    return Json{{"items", r->value("articles", Json::array())}};
}

domain::Result<Json> notices_list(FlowContext& ctx, const Json&) {
    if (auto r = ctx.require_session(); !r) return r.error();
    auto r = cached_get(ctx, "notices.list", "/selfcare/v1/notices");
    if (!r) return r.error();
    if (r->contains("notices")) {
        (*r)["items"] = std::move((*r)["notices"]);
        r->erase("notices");
    }
    return r;
}

domain::Result<Json> loyalty_balance(FlowContext& ctx, const Json&) {
    if (auto r = ctx.require_session("customer"); !r) return r.error();
    return cached_get(ctx, "loyalty.balance", "/tmf-api/loyalty/v4/loyaltyAccount");
}

domain::Result<Json> loyalty_catalog(FlowContext& ctx, const Json&) {
    if (auto r = ctx.require_session(); !r) return r.error();
    return cached_get(ctx, "loyalty.catalog", "/tmf-api/loyalty/v4/reward");
}

domain::Result<Json> loyalty_history(FlowContext& ctx, const Json&) {
    if (auto r = ctx.require_session("customer"); !r) return r.error();
    return cached_get(ctx, "loyalty.history", "/tmf-api/loyalty/v4/redemption?limit=50");
}

domain::Result<Json> orders_list(FlowContext& ctx, const Json&) {
    if (auto r = ctx.require_session("customer"); !r) return r.error();
    return cached_get(ctx, "orders.list", "/tmf-api/productOrderingManagement/v4/productOrder?limit=50");
}

domain::Result<Json> orders_get(FlowContext& ctx, const Json& args) {
    if (auto r = ctx.require_session("customer"); !r) return r.error();
    auto id = id_arg(args);
    if (!id) return id.error();
    return cached_get(ctx, "orders.get:" + *id, "/tmf-api/productOrderingManagement/v4/productOrder/" + *id);
}

domain::Result<Json> account_summary(FlowContext& ctx, const Json&) {
    if (auto r = ctx.require_session("customer"); !r) return r.error();
    return cached_get(ctx, "account.summary", "/selfcare/v1/account");
}

}  // namespace selfcare::flows
