// SPDX-License-Identifier: Apache-2.0
#include "flows/query_flow.hpp"

#include "domain/iso8601.hpp"

namespace selfcare::flows {
namespace {

// GET `path`; on success cache it under `key` and answer it fresh; when the network (or the
// server) is down, answer the cached copy marked stale.
domain::Result<Json> cached_get(FlowContext& ctx, const std::string& key, const std::string& path) {
    auto fresh = ctx.call(net::HttpRequest::get(path));
    if (fresh) {
        const auto now = ctx.clock().now();
        if (auto r = ctx.store().put_cache_entry(key, fresh->dump(), now); !r) return r.error();
        Json out = std::move(*fresh);
        out["stale"] = false;
        out["fetched_at"] = domain::format_iso8601(now);
        return out;
    }
    const auto code = fresh.error().code;
    if (code != domain::ErrorCode::kNetwork && code != domain::ErrorCode::kServer) return fresh.error();
    auto cached = ctx.store().get_cache_entry(key);
    if (!cached) return cached.error();
    if (!*cached) return fresh.error();
    Json out = Json::parse((*cached)->payload, nullptr, false);
    if (!out.is_object()) return fresh.error();
    out["stale"] = true;
    out["fetched_at"] = domain::format_iso8601((*cached)->fetched_at);
    return out;
}

}  // namespace

domain::Result<Json> account_summary(FlowContext& ctx, const Json&) {
    auto s = ctx.session();
    if (!s || s->role != "customer") {
        return domain::make_error(domain::ErrorCode::kUnauthenticated, "auth.no_session", "a customer must sign in first");
    }
    return cached_get(ctx, "account.summary", "/selfcare/v1/account");
}

}  // namespace selfcare::flows
