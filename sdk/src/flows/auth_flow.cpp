// SPDX-License-Identifier: Apache-2.0
#include "flows/auth_flow.hpp"

#include "domain/validation.hpp"
#include "flows/event_poller.hpp"
#include "flows/sync_flow.hpp"

namespace selfcare::flows {
namespace {

domain::Error required(const std::string& field) {
    return domain::invalid_argument({{field, "validation.required", field + " is required"}});
}

std::string text(const Json& args, const char* key) {
    const auto it = args.find(key);
    return it != args.end() && it->is_string() ? it->get<std::string>() : std::string();
}

domain::Result<Json> start_session(FlowContext& ctx, const Json& body, const std::string& msisdn = "") {
    auto req = net::HttpRequest::with_body("POST", "/auth/token", body.dump());
    if (ctx.is_kiosk() && !msisdn.empty()) {
        // Signing in through the kiosk binds the customer's session to it (one customer per
        // kiosk) and lets the kiosk deliver what they leave queued.
        auto kiosk = ctx.kiosk_token();
        if (!kiosk) return kiosk.error();
        req.bearer_token = *kiosk;
    }
    auto r = ctx.call(std::move(req), false);
    if (!r) return r.error();
    Session s{r->value("role", ""), r->value("subject", ""), r->value("access_token", ""),
              ctx.is_kiosk() ? msisdn : std::string()};
    if (s.token.empty()) return domain::make_error(domain::ErrorCode::kServer, "server.bad_response", "no token in the answer");
    if (auto saved = ctx.set_session(s); !saved) return saved.error();
    // Events count from now; if the feed cannot be read this moment, the poller starts it later.
    (void)start_event_cursor(ctx);
    return Json{{"role", s.role}, {"subject", s.subject}, {"expires_in", r->value("expires_in", 0)}};
}

}  // namespace

domain::Result<Json> request_otp(FlowContext& ctx, const Json& args) {
    auto msisdn = domain::normalize_msisdn(text(args, "msisdn"), "msisdn");
    if (!msisdn) return msisdn.error();
    auto r = ctx.call(net::HttpRequest::with_body("POST", "/auth/otp", Json{{"msisdn", *msisdn}}.dump()), false);
    if (!r) return r.error();
    return Json{{"sent", true}, {"expires_in", r->value("expires_in", 0)}};
}

domain::Result<Json> login(FlowContext& ctx, const Json& args) {
    auto msisdn = domain::normalize_msisdn(text(args, "msisdn"), "msisdn");
    if (!msisdn) return msisdn.error();
    const std::string otp = text(args, "otp"), password = text(args, "service_password");
    if (otp.empty() && password.empty()) return required("otp");
    Json body{{"msisdn", *msisdn}};
    if (!otp.empty()) body["otp"] = otp;
    else body["service_password"] = password;
    return start_session(ctx, body, *msisdn);
}

domain::Result<Json> login_staff(FlowContext& ctx, const Json& args) {
    const std::string id = text(args, "staff_id"), password = text(args, "password");
    if (id.empty()) return required("staff_id");
    if (password.empty()) return required("password");
    return start_session(ctx, Json{{"staff_id", id}, {"password", password}});
}

domain::Result<Json> logout(FlowContext& ctx, const Json&) {
    const auto who = ctx.session();
    if (!ctx.is_kiosk()) {
        if (who) (void)ctx.call(net::HttpRequest::with_body("POST", "/auth/logout", ""), true);
        if (auto r = ctx.set_session(std::nullopt); !r) return r.error();
        return Json{{"signed_out", true}};
    }
    // A kiosk: the customer is walking away. Send what can still be sent with their session,
    // then end it, and destroy their store and its key.
    if (who && ctx.online() != false) (void)sync_now(ctx, Json::object());
    auto left = settle_departed_customer(ctx);
    if (!left) return left.error();
    if (who) (void)ctx.call(net::HttpRequest::with_body("POST", "/auth/logout", ""), true);
    if (auto r = ctx.replace_customer_store(); !r) return r.error();
    return Json{{"signed_out", true}, {"wiped", true}, {"queued_for_delivery", *left}};
}

}  // namespace selfcare::flows
