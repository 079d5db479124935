// SPDX-License-Identifier: Apache-2.0
// The kiosk's one SDK client, through the C ABI's C++ wrapper only (selfcare.hpp). Opened once as
// the kiosk device (kind "kiosk", its id, secret and store); customers sign in and out of it.
// Every call's failure becomes a value with the SDK's stable error id, which is also the catalog
// key of the text the customer sees.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include "selfcare/selfcare.hpp"

namespace selfcare::kiosk {

struct KioskConfig;

/// What one command gave: a usable result (queued counts: accepted locally, sent later) or an
/// error id such as "network.unreachable".
struct CallOutcome {
    bool ok = false;
    bool queued = false;   ///< SC_E_OFFLINE_QUEUED: in the outbox, delivered when the network is back
    Json value;            ///< the result when ok
    std::string error_id;  ///< the SDK's error id when !ok
    std::string field;     ///< for a refused argument: which one (e.g. "description"), else empty
    std::string field_error_id;  ///< and why, e.g. "validation.too_short" (also a catalog key)

    /// A usable result holding `value` (for jobs that combine several calls into one outcome).
    static CallOutcome success(Json value) {
        CallOutcome o;
        o.ok = true;
        o.value = std::move(value);
        return o;
    }
};

class SdkSession {
public:
    /// Opens the client for `data_dir` against `server` as the kiosk of `config`. `wake` runs on an
    /// SDK thread when an event arrives (connectivity, ticket updates): the kiosk posts an empty
    /// GLFW event. Throws selfcare::Error when the client cannot be opened.
    SdkSession(const std::string& server, const std::string& ca_file, const std::string& data_dir,
               const KioskConfig& config, std::function<void()> wake);

    /// Runs `command` and blocks until it finishes. Never throws except std::bad_alloc.
    /// Screens never call this on the UI thread: they go through App::run (the SDK worker).
    /// Thread-safe like the client itself.
    CallOutcome call(std::string_view command, const Json& args = Json::object());

    /// True once the SDK reported that the server stopped answering (or a call failed for the
    /// network), false again when it answers. Any thread.
    bool offline() const { return offline_.load(); }

    /// True when a customer is signed in on this kiosk. Any thread.
    bool signed_in() const { return signed_in_.load(); }

    /// auth.request_otp then, separately, auth.login: the customer's session on this kiosk.
    /// Blocking, like call(): the SDK worker runs them.
    CallOutcome request_code(const std::string& msisdn);
    CallOutcome login(const std::string& msisdn, const std::string& code);
    /// auth.logout: wipes the customer's cached data from the kiosk. A no-op without a session.
    /// Blocking; the App queues it on the SDK worker behind any call still running.
    void logout();

private:
    Client client_;
    Subscription events_;
    std::function<void()> wake_;
    std::atomic<bool> offline_{false};
    std::atomic<bool> signed_in_{false};
};

}  // namespace selfcare::kiosk
