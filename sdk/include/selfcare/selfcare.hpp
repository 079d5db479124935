// SPDX-License-Identifier: Apache-2.0
// selfcare.hpp — a thin, header-only C++ wrapper over the C ABI (selfcare.h). The kiosk and the
// CLI use it, so they exercise exactly what the apps get. It adds ownership (RAII for handles and
// returned strings) and nothing else: no behaviour lives here.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "selfcare/selfcare.h"

namespace selfcare {

/// The outcome of a call: the SC_* status and the JSON text (a result, or an error document).
struct CallResult {
    int status = SC_E_INTERNAL;
    std::string json;

    /// True for SC_OK and for SC_E_OFFLINE_QUEUED (accepted locally; the result is usable).
    bool usable() const { return status == SC_OK || status == SC_E_OFFLINE_QUEUED; }
};

/// An open SDK client. Move-only; closes on destruction (see sc_client_close). Thread-safe like
/// the C ABI: any thread may call any method concurrently.
class Client {
public:
    /// Opens a client (see sc_client_open). On failure `error` holds the error document and the
    /// returned client is empty (operator bool is false).
    static Client open(const std::string& config_json, CallResult* error = nullptr) {
        sc_client* raw = nullptr;
        char* err = nullptr;
        const int status = sc_client_open(config_json.c_str(), &raw, &err);
        if (error != nullptr) *error = CallResult{status, err != nullptr ? err : ""};
        sc_free(err);
        return Client(raw);
    }

    Client() = default;
    Client(Client&&) noexcept = default;
    /// Closes this client first (which waits for its callbacks), then takes over `other`.
    Client& operator=(Client&& other) noexcept {
        if (this != &other) {
            handle_ = std::move(other.handle_);
            listener_ = std::move(other.listener_);
        }
        return *this;
    }

    explicit operator bool() const { return handle_ != nullptr; }

    /// Runs a command synchronously (see sc_call). `args_json` empty means "{}".
    CallResult call(const std::string& command, const std::string& args_json = {}) const {
        char* out = nullptr;
        const int status = sc_call(handle_.get(), command.c_str(),
                                   args_json.empty() ? nullptr : args_json.c_str(), &out);
        CallResult r{status, out != nullptr ? out : ""};
        sc_free(out);
        return r;
    }

    /// Runs a command on an SDK worker; `done` runs exactly once, on that worker thread.
    int call_async(const std::string& command, const std::string& args_json,
                   std::function<void(CallResult)> done) const {
        auto* box = new std::function<void(CallResult)>(std::move(done));
        const int status = sc_call_async(
            handle_.get(), command.c_str(), args_json.empty() ? nullptr : args_json.c_str(),
            [](void* user, int st, const char* json) {
                std::unique_ptr<std::function<void(CallResult)>> fn(
                    static_cast<std::function<void(CallResult)>*>(user));
                (*fn)(CallResult{st, json != nullptr ? json : ""});
            },
            box);
        if (status != SC_OK) delete box;
        return status;
    }

    /// Sets the event listener (see sc_set_listener); an empty function removes it. Once this
    /// returns, the previous listener will not run again.
    void set_listener(std::function<void(const std::string& event_json)> fn) {
        auto next = fn ? std::make_unique<std::function<void(const std::string&)>>(std::move(fn)) : nullptr;
        sc_set_listener(handle_.get(), next ? &Client::trampoline : nullptr, next.get());
        listener_ = std::move(next);  // the old one is no longer called: safe to destroy
    }

private:
    struct Closer {
        void operator()(sc_client* c) const { sc_client_close(c); }
    };
    explicit Client(sc_client* raw) : handle_(raw) {}
    static void trampoline(void* user, const char* json) {
        (*static_cast<std::function<void(const std::string&)>*>(user))(json != nullptr ? json : "");
    }

    // Declared before handle_ so the handle closes (and stops callbacks) before the listener dies.
    std::unique_ptr<std::function<void(const std::string&)>> listener_;
    std::unique_ptr<sc_client, Closer> handle_;
};

}  // namespace selfcare
