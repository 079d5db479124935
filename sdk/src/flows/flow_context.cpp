// SPDX-License-Identifier: Apache-2.0
#include "flows/flow_context.hpp"

#include <chrono>
#include <thread>

#include "net/retry.hpp"

namespace selfcare::flows {
namespace {

constexpr const char* kSessionKey = "session";

}  // namespace

FlowContext::FlowContext(store::Store& device_store, const domain::Clock& clock, std::optional<net::TransportConfig> server,
                         std::function<void(const std::string&, const Json&)> emit, std::optional<KioskSetup> kiosk)
    : device_store_(device_store), clock_(clock), kiosk_(std::move(kiosk)), current_store_(&device_store),
      emit_(std::move(emit)) {
    if (server) http_.emplace(std::move(*server));
    if (kiosk_ && kiosk_->customer_store) current_store_ = kiosk_->customer_store.get();
}

store::Store& FlowContext::store() {
    std::lock_guard lock(store_mutex_);
    return *current_store_;
}

domain::Result<void> FlowContext::replace_customer_store() {
    if (!kiosk_) return domain::success();
    {
        std::lock_guard lock(store_mutex_);
        // Wiped first: the new store takes the same place, and the old key must be gone.
        auto wiped = kiosk_->customer_store->wipe();
        retired_stores_.push_back(std::move(kiosk_->customer_store));
        current_store_ = retired_stores_.back().get();  // answers storage.io until replaced
        if (!wiped) return wiped.error();
        auto fresh = kiosk_->open_customer_store();
        if (!fresh) return fresh.error();
        kiosk_->customer_store = std::move(fresh).value();
        current_store_ = kiosk_->customer_store.get();
    }
    std::lock_guard lock(session_mutex_);
    session_loaded_ = false;
    session_.reset();
    return domain::success();
}

domain::Result<std::string> FlowContext::kiosk_token(bool renew) {
    if (!kiosk_) return domain::make_error(domain::ErrorCode::kForbidden, "auth.not_a_kiosk", "this device is not a kiosk");
    std::lock_guard lock(kiosk_token_mutex_);
    // Renewed ahead of expiry, so a customer signing in is always bound to this kiosk.
    if (!renew && !kiosk_token_.empty() && clock_.now() + std::chrono::minutes(10) < kiosk_token_expires_) return kiosk_token_;
    const Json body{{"device_id", kiosk_->device_id}, {"device_secret", kiosk_->device_secret}};
    auto r = call(net::HttpRequest::with_body("POST", "/auth/token", body.dump()), false);
    if (!r) return r.error();
    const Json token = r->value("access_token", Json());
    if (!token.is_string()) return domain::make_error(domain::ErrorCode::kServer, "server.bad_response", "no token in the answer");
    kiosk_token_ = token.get<std::string>();
    kiosk_token_expires_ = clock_.now() + std::chrono::seconds(r->value("expires_in", 0));
    return kiosk_token_;
}

domain::Result<Json> FlowContext::call_as_kiosk(net::HttpRequest request) {
    if (!http_) return domain::make_error(domain::ErrorCode::kNetwork, "network.offline", "no server is configured");
    for (int round = 0; round < 2; ++round) {
        auto token = kiosk_token(round > 0);
        if (!token) return token.error();
        request.bearer_token = *token;
        auto r = exchange(request, 3);
        if (r || r.error().code != domain::ErrorCode::kUnauthenticated) return r;
    }
    return domain::make_error(domain::ErrorCode::kUnauthenticated, "auth.kiosk_rejected", "the server does not accept this kiosk");
}

std::optional<Session> FlowContext::session() {
    std::lock_guard lock(session_mutex_);
    if (!session_loaded_) {
        session_loaded_ = true;
        auto stored = store().get_cache_entry(kSessionKey);
        if (stored && *stored) {
            const Json j = Json::parse((*stored)->payload, nullptr, false);
            if (j.is_object() && !j.value("token", "").empty()) {
                session_ = Session{j.value("role", ""), j.value("subject", ""), j.value("token", ""), j.value("msisdn", "")};
            }
        }
    }
    return session_;
}

domain::Result<Session> FlowContext::require_session(const char* role) {
    auto s = session();
    if (!s || (role != nullptr && s->role != role)) {
        return domain::make_error(domain::ErrorCode::kUnauthenticated, "auth.no_session",
                                  role != nullptr ? std::string(role[0] == 'a' || role[0] == 'e' ? "an " : "a ") + role + " must sign in first"
                                                   : "sign in first");
    }
    return *s;
}

bool FlowContext::session_token_is(const std::string& token) {
    std::lock_guard lock(session_mutex_);
    return session_ && session_->token == token;
}

domain::Result<void> FlowContext::set_session(std::optional<Session> session) {
    std::lock_guard lock(session_mutex_);
    session_loaded_ = true;
    if (session) {
        Json j{{"role", session->role}, {"subject", session->subject}, {"token", session->token}};
        if (!session->msisdn.empty()) j["msisdn"] = session->msisdn;
        if (auto r = store().put_cache_entry(kSessionKey, j.dump(), clock_.now()); !r) return r;
    } else {
        // An empty document replaces the token on disk; SQLCipher encrypts the freed page too.
        if (auto r = store().put_cache_entry(kSessionKey, "{}", clock_.now()); !r) return r;
    }
    session_ = std::move(session);
    return domain::success();
}

void FlowContext::emit(const std::string& event, const Json& data) {
    std::lock_guard lock(events_mutex_);
    events_.emplace_back(event, data);
}

void FlowContext::flush_events() {
    {
        std::lock_guard lock(events_mutex_);
        if (delivering_) return;
        delivering_ = true;
    }
    for (;;) {
        std::pair<std::string, Json> next;
        {
            std::lock_guard lock(events_mutex_);
            if (events_.empty()) {
                delivering_ = false;
                return;
            }
            next = std::move(events_.front());
            events_.pop_front();
        }
        emit_(next.first, next.second);
    }
}

std::optional<bool> FlowContext::online() {
    std::lock_guard lock(events_mutex_);
    return online_;
}

void FlowContext::note_reachability(const domain::Result<net::HttpResponse>& response) {
    bool reached = true;
    if (!response) {
        // Only "could not get through" counts as offline; a TLS or pin refusal is a reachable
        // server we do not trust, and a cancelled request says nothing.
        const std::string& id = response.error().id;
        if (id == "network.cancelled") return;
        reached = !(response.error().code == domain::ErrorCode::kNetwork && response.error().retryable);
    } else if (response->status >= 500) {
        reached = response->status != 502 && response->status != 503 && response->status != 504;
    }
    std::lock_guard lock(events_mutex_);
    if (!reached) unreachable_at_ = std::chrono::steady_clock::now();
    if (online_ == reached) return;
    online_ = reached;
    events_.emplace_back("connectivity.changed", Json{{"online", reached}});
}

domain::Result<Json> FlowContext::call(net::HttpRequest request, bool authenticated, int attempts) {
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
    auto response = exchange(request, attempts);
    if (!response) {
        if (response.error().code == domain::ErrorCode::kUnauthenticated && authenticated) {
            // Whatever the server's reason, the session is over: end it here once, and say so.
            // Several threads (a command, the event poller) may learn it at once; only the
            // one that still finds this token in place ends it.
            if (session_token_is(request.bearer_token)) {
                (void)set_session(std::nullopt);
                emit("session.ended", {{"reason", response.error().id}});
            }
            domain::Error ended = response.error();
            ended.id = "auth.session_ended";
            return ended;
        }
    }
    return response;
}

domain::Result<Json> FlowContext::read(net::HttpRequest request) {
    constexpr auto kShortcut = std::chrono::seconds(10);
    {
        std::lock_guard lock(events_mutex_);
        if (online_ == false && std::chrono::steady_clock::now() - unreachable_at_ < kShortcut) {
            return domain::make_error(domain::ErrorCode::kNetwork, "network.unreachable",
                                      "the server could not be reached a moment ago", true);
        }
    }
    return call(std::move(request), true, 1);
}

domain::Result<Json> FlowContext::exchange(const net::HttpRequest& request, int attempts) {
    net::RetryPolicy policy;
    policy.max_attempts = attempts;
    auto response = net::send_with_retry(*http_, request, policy,
                                         [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); });
    note_reachability(response);
    if (!response) return response.error();
    if (response->status == 204 || response->body.empty()) return Json::object();
    Json body = Json::parse(response->body, nullptr, false);
    if (body.is_discarded()) {
        return domain::make_error(domain::ErrorCode::kServer, "server.bad_response", "the server's answer is not JSON");
    }
    return body;
}

}  // namespace selfcare::flows
