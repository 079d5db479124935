// SPDX-License-Identifier: Apache-2.0
#include "flows/flow_context.hpp"

#include <thread>

#include "net/retry.hpp"

namespace selfcare::flows {
namespace {

constexpr const char* kSessionKey = "session";

}  // namespace

FlowContext::FlowContext(store::Store& store, const domain::Clock& clock, std::optional<net::TransportConfig> server,
                         std::function<void(const std::string&, const Json&)> emit)
    : store_(store), clock_(clock), emit_(std::move(emit)) {
    if (server) http_.emplace(std::move(*server));
}

std::optional<Session> FlowContext::session() {
    std::lock_guard lock(session_mutex_);
    if (!session_loaded_) {
        session_loaded_ = true;
        auto stored = store_.get_cache_entry(kSessionKey);
        if (stored && *stored) {
            const Json j = Json::parse((*stored)->payload, nullptr, false);
            if (j.is_object()) {
                session_ = Session{j.value("role", ""), j.value("subject", ""), j.value("token", "")};
            }
        }
    }
    return session_;
}

domain::Result<void> FlowContext::require_session(const char* role) {
    auto s = session();
    if (!s || (role != nullptr && s->role != role)) {
        return domain::make_error(domain::ErrorCode::kUnauthenticated, "auth.no_session",
                                  role != nullptr ? std::string("a ") + role + " must sign in first" : "sign in first");
    }
    return domain::success();
}

domain::Result<void> FlowContext::set_session(std::optional<Session> session) {
    std::lock_guard lock(session_mutex_);
    session_loaded_ = true;
    if (session) {
        const Json j{{"role", session->role}, {"subject", session->subject}, {"token", session->token}};
        if (auto r = store_.put_cache_entry(kSessionKey, j.dump(), clock_.now()); !r) return r;
    } else {
        // An empty document replaces the token on disk; SQLCipher encrypts the freed page too.
        if (auto r = store_.put_cache_entry(kSessionKey, "{}", clock_.now()); !r) return r;
    }
    session_ = std::move(session);
    return domain::success();
}

domain::Result<Json> FlowContext::call(net::HttpRequest request, bool authenticated) {
    if (!http_) {
        return domain::make_error(domain::ErrorCode::kNetwork, "network.offline", "no server is configured");
    }
    if (authenticated) {
        auto s = session();
        if (!s || s->token.empty()) {
            return domain::make_error(domain::ErrorCode::kUnauthenticated, "auth.no_session", "sign in first");
        }
        request.bearer_token = s->token;
    }
    net::RetryPolicy policy;
    policy.max_attempts = 3;
    auto response = net::send_with_retry(*http_, request, policy,
                                         [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); });
    if (!response) {
        if (response.error().code == domain::ErrorCode::kUnauthenticated && authenticated) {
            // Whatever the server's reason, the session is over: end it here once, and say so.
            (void)set_session(std::nullopt);
            emit("session.ended", {{"reason", response.error().id}});
            domain::Error ended = response.error();
            ended.id = "auth.session_ended";
            return ended;
        }
        return response.error();
    }
    if (response->status == 204 || response->body.empty()) return Json::object();
    Json body = Json::parse(response->body, nullptr, false);
    if (body.is_discarded()) {
        return domain::make_error(domain::ErrorCode::kServer, "server.bad_response", "the server's answer is not JSON");
    }
    return body;
}

}  // namespace selfcare::flows
