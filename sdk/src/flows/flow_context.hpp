// SPDX-License-Identifier: Apache-2.0
// What every flow works with: the encrypted store, the server API, the clock and the event sink.
// Owned by the capi Client; flows borrow it for one call. Thread-safe as a whole: the store and
// the API client are thread-safe, the session is guarded here.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "net/http.hpp"
#include "store/store.hpp"

namespace selfcare::flows {

using Json = nlohmann::json;

/// Who is signed in. The token is a secret: it lives in the encrypted store and in memory only,
/// and is never put in a result, an event or a log.
struct Session {
    std::string role;     ///< "customer", "engineer", "admin"
    std::string subject;  ///< masked msisdn or staff id, as the server returned it
    std::string token;
    /// On a kiosk only: the customer's number, so a report they leave queued can still be
    /// delivered for them after they have gone. Wiped with the customer's store.
    std::string msisdn;
};

/// What a kiosk adds. A kiosk serves one walk-in customer after another, so each customer's
/// session and cached data live in a store of their own, under a key of their own, destroyed
/// when they leave; the outbox lives in the device's store, so a report they queued survives
/// them and is delivered with the kiosk's own credentials.
struct KioskSetup {
    std::string device_id;
    std::string device_secret;  ///< a secret: never logged, never returned
    /// The current customer's (empty) store.
    std::unique_ptr<store::Store> customer_store;
    /// Opens a new empty customer store in place of one that was just wiped.
    std::function<domain::Result<std::unique_ptr<store::Store>>()> open_customer_store;
};

/// True for failures that mean "the server could not be asked" (network down, server busy or
/// failing) rather than "the server said no": the cases where a cached answer may stand in.
inline bool unreachable(const domain::Error& e) {
    return e.code == domain::ErrorCode::kNetwork || e.code == domain::ErrorCode::kServer;
}

class FlowContext {
public:
    /// `server` may be empty (no server configured: every online command answers network.offline).
    /// `device_store` holds the outbox; on a kiosk, `kiosk` supplies the customer stores.
    FlowContext(store::Store& device_store, const domain::Clock& clock, std::optional<net::TransportConfig> server,
                std::function<void(const std::string&, const Json&)> emit, std::optional<KioskSetup> kiosk = std::nullopt);

    /// Where the signed-in user's session and cached data live: the device's store, or on a
    /// kiosk the current customer's. The reference stays valid for the FlowContext's life (a
    /// replaced customer store is wiped, and answers storage.io, but is not destroyed).
    store::Store& store();
    /// The device's own store: the outbox and the sync state.
    store::Store& device_store() { return device_store_; }
    bool is_kiosk() const { return kiosk_.has_value(); }
    const domain::Clock& clock() const { return clock_; }

    /// Queues an event for the listener. Flows raise events while they may hold locks (the
    /// sync lock, say); the events reach the listener only at flush_events(), which callers
    /// run with no lock held, so a listener may call any command. Thread-safe.
    void emit(const std::string& event, const Json& data);
    /// Delivers queued events in order. When another thread is already delivering (or this one
    /// is, from inside a listener), returns at once: that delivery picks the new events up.
    void flush_events();

    /// What the last exchange with the server showed: true (it answered), false (it could not
    /// be reached), std::nullopt (not asked yet). A change raises "connectivity.changed".
    std::optional<bool> online();

    /// The current session, loaded from the store on first use.
    std::optional<Session> session();
    /// The session when someone is signed in (and, when `role` is given, in that role);
    /// otherwise kUnauthenticated "auth.no_session". Use the returned copy rather than asking
    /// session() again: another thread (the event poller hearing a 401) may end it meanwhile.
    domain::Result<Session> require_session(const char* role = nullptr);

    /// Saves (or, with std::nullopt, removes) the session in the store and in memory.
    domain::Result<void> set_session(std::optional<Session> session);

    /// Sends a request to the server with the session's token, up to `attempts` times when that
    /// is safe (net::send_with_retry). A 401 ends the session (removed, "session.ended" event)
    /// and answers kUnauthenticated. Non-2xx answers become errors (net::http_error). Errors:
    /// "network.offline" when no server is configured.
    domain::Result<Json> call(net::HttpRequest request, bool authenticated = true, int attempts = 3);

    /// A read the caller can answer from its cache when the server is unreachable. Sent once
    /// (a stale answer now beats a fresh one after retries); and while the server was found
    /// unreachable in the last few seconds, not sent at all: "network.unreachable" at once, so
    /// a screen full of cached reads does not wait on the network one read after another. The
    /// background sync and event threads keep probing and notice when the server is back.
    domain::Result<Json> read(net::HttpRequest request);

    /// Kiosk only: sends `request` with the kiosk's own token (signing the kiosk in first, and
    /// again once if the server no longer knows the token). Errors as call(); kForbidden
    /// "auth.not_a_kiosk" on other devices.
    domain::Result<Json> call_as_kiosk(net::HttpRequest request);
    /// Kiosk only: a valid kiosk token, signing in when there is none or it is about to expire.
    domain::Result<std::string> kiosk_token(bool renew = false);

    /// Kiosk only: the customer has left. Wipes their store (files and key) and opens an empty
    /// one for the next customer; forgets the session. Errors: the store's.
    domain::Result<void> replace_customer_store();

    /// Held while the outbox is being sent, so one entry is never in flight twice.
    std::mutex& sync_mutex() { return sync_mutex_; }

    /// How recent outbox entries ended (the server's answer, or its refusal), by seq: a command
    /// that queued an entry may find it already sent by the background drain when it gets the
    /// sync lock, and answers with this instead. Guarded by sync_mutex(); holds the last few only.
    std::map<std::int64_t, domain::Result<Json>>& settled_outcomes() { return settled_outcomes_; }

private:
    bool session_token_is(const std::string& token);
    // Sends with retry and maps the answer: the shared part of call() and call_as_kiosk().
    domain::Result<Json> exchange(const net::HttpRequest& request, int attempts);
    void note_reachability(const domain::Result<net::HttpResponse>& response);

    store::Store& device_store_;
    const domain::Clock& clock_;
    std::optional<KioskSetup> kiosk_;
    std::mutex store_mutex_;
    store::Store* current_store_;  // device_store_, or kiosk_->customer_store
    std::vector<std::unique_ptr<store::Store>> retired_stores_;  // wiped; kept for stale references
    std::mutex kiosk_token_mutex_;
    std::string kiosk_token_;
    domain::Instant kiosk_token_expires_{};
    std::optional<net::HttpClient> http_;
    std::function<void(const std::string&, const Json&)> emit_;
    std::mutex session_mutex_;
    std::mutex sync_mutex_;
    std::map<std::int64_t, domain::Result<Json>> settled_outcomes_;
    bool session_loaded_ = false;
    std::optional<Session> session_;

    std::mutex events_mutex_;
    std::deque<std::pair<std::string, Json>> events_;
    bool delivering_ = false;
    std::optional<bool> online_;
    std::chrono::steady_clock::time_point unreachable_at_{};  // last failed attempt to reach the server
};

}  // namespace selfcare::flows
