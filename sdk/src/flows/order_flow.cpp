// SPDX-License-Identifier: Apache-2.0
#include "flows/order_flow.hpp"

#include "flows/sync_flow.hpp"

namespace selfcare::flows {
namespace {

domain::Result<std::string> id_field(const Json& args, const char* name) {
    const auto it = args.find(name);
    if (it == args.end() || !it->is_string() || it->get<std::string>().empty()) {
        return domain::invalid_argument({{name, "validation.required", std::string(name) + " is required"}});
    }
    const std::string v = *it;
    if (v.size() > 40 || v.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
        return domain::invalid_argument({{name, "validation.id_format", std::string(name) + " is not a valid id"}});
    }
    return v;
}

// Writes the command to the outbox (its key is fixed now), then tries to send it.
domain::Result<Json> keyed_write(FlowContext& ctx, const std::string& command, const Json& payload, bool& queued) {
    queued = false;
    auto entry = ctx.device_store().enqueue(command, payload.dump());
    if (!entry) return entry.error();
    auto sent = deliver(ctx, entry->seq);
    if (sent) return sent;
    if (sent.error().code == domain::ErrorCode::kNetwork || sent.error().retryable) {
        queued = true;
        Json out = payload;
        out["queued"] = true;
        out["command"] = command;
        return out;
    }
    return sent.error();
}

}  // namespace

domain::Result<Json> send_keyed_write(FlowContext& ctx, const OutboxRequest& request) {
    auto req = net::HttpRequest::with_body(request.method, request.path, request.body.dump());
    req.idempotency_key = request.idempotency_key;
    return ctx.call(std::move(req));
}

domain::Result<Json> quote(FlowContext& ctx, const Json& args) {
    if (auto r = ctx.require_session("customer"); !r) return r.error();
    auto product = id_field(args, "product_id");
    if (!product) return product.error();
    return ctx.call(net::HttpRequest::with_body("POST", "/tmf-api/productOrderingManagement/v4/quote",
                                                Json{{"productId", *product}}.dump()));
}

domain::Result<Json> place_order(FlowContext& ctx, const Json& args, bool& queued) {
    if (auto r = ctx.require_session("customer"); !r) return r.error();
    auto q = id_field(args, "quote_id");
    if (!q) return q.error();
    return keyed_write(ctx, "orders.place", Json{{"quoteId", *q}}, queued);
}

domain::Result<Json> cancel_order(FlowContext& ctx, const Json& args) {
    if (auto r = ctx.require_session("customer"); !r) return r.error();
    auto id = id_field(args, "id");
    if (!id) return id.error();
    return ctx.call(net::HttpRequest::with_body("POST", "/tmf-api/productOrderingManagement/v4/cancelProductOrder",
                                                Json{{"productOrder", {{"id", *id}}}}.dump()));
}

domain::Result<Json> redeem(FlowContext& ctx, const Json& args, bool& queued) {
    if (auto r = ctx.require_session("customer"); !r) return r.error();
    auto reward = id_field(args, "reward_id");
    if (!reward) return reward.error();
    return keyed_write(ctx, "loyalty.redeem", Json{{"rewardId", *reward}}, queued);
}

}  // namespace selfcare::flows
