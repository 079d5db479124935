// SPDX-License-Identifier: Apache-2.0
// selfcare.hpp — the header-only C++ wrapper over the C ABI (selfcare.h). The kiosk and the CLI
// use it, so they exercise exactly what the apps get. It adds C++ ownership and types and nothing
// else: RAII for handles and returned strings, JSON values (nlohmann::json) instead of text,
// exceptions (selfcare::Error) for failures, any callable for callbacks, and any number of event
// subscriptions per client. No behaviour of the SDK lives here.
//
// Thread-safety: like the C ABI, any thread may use one Client concurrently (except that it must
// not be moved, assigned or destroyed while another thread uses it). Callbacks (call_async's
// `done` and event listeners) run on SDK threads; they may call the client. No exception ever
// crosses the C boundary: one escaping a callback is caught and discarded (see call_async and
// listen).
#pragma once

#include <algorithm>
#include <concepts>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.h"

namespace selfcare {

/// JSON values in and out of the SDK: arguments, results, error documents, event data.
using Json = nlohmann::json;

// ---------------------------------------------------------------------------------------------
// [SECTION] Errors
// ---------------------------------------------------------------------------------------------

/// One argument at fault in an SC_E_INVALID_ARGUMENT error (the error document's "fields").
struct FieldError {
    std::string field;    ///< e.g. "location" or "network.timeout_ms"
    std::string id;       ///< stable reason, e.g. "validation.required"
    std::string message;  ///< plain words for logs; never contains the value itself
};

/// A failed call: the SC_E_* status plus the SDK's error document
/// {"error":{"code":"...","message":"...","retryable":bool,"field":"...","fields":[...]}}.
/// what() is the document's message. Copyable; all accessors are noexcept and thread-safe (the
/// object is immutable once built).
class Error : public std::runtime_error {
public:
    /// Builds the error from `status` and any error document. A document without the expected
    /// members still makes a usable Error: id() is then "sdk.no_error_document" and what() says
    /// which status came back. Throws only std::bad_alloc.
    Error(int status, Json document)
        : std::runtime_error(message_of(status, document)), status_(status), document_(std::move(document)) {
        const Json* e = error_object();
        if (e == nullptr) {
            id_ = "sdk.no_error_document";
            return;
        }
        id_ = string_member(*e, "code");
        if (id_.empty()) id_ = "sdk.no_error_document";
        field_ = string_member(*e, "field");
        const auto r = e->find("retryable");
        retryable_ = r != e->end() && r->is_boolean() && r->get<bool>();
        const auto fs = e->find("fields");
        if (fs != e->end() && fs->is_array()) {
            for (const Json& f : *fs) {
                if (f.is_object()) fields_.push_back({string_member(f, "field"), string_member(f, "code"), string_member(f, "message")});
            }
        }
        if (field_.empty() && !fields_.empty()) field_ = fields_.front().field;
    }

    /// The SC_E_* status code, e.g. SC_E_INVALID_ARGUMENT.
    int status() const noexcept { return status_; }
    /// The stable string id (the document's error.code), e.g. "storage.wrong_key".
    const std::string& id() const noexcept { return id_; }
    /// The argument at fault, e.g. "msisdn"; empty when the error is not about one argument.
    /// When several are at fault this is the first; fields() lists them all.
    const std::string& field() const noexcept { return field_; }
    /// Every argument at fault with its reason (empty unless the document lists "fields").
    const std::vector<FieldError>& fields() const noexcept { return fields_; }
    /// True when the same call may succeed if tried again later (a busy server, say).
    bool retryable() const noexcept { return retryable_; }
    /// The whole error document as the SDK returned it.
    const Json& document() const noexcept { return document_; }

private:
    const Json* error_object() const noexcept {
        if (!document_.is_object()) return nullptr;
        const auto it = document_.find("error");
        return it != document_.end() && it->is_object() ? &*it : nullptr;
    }
    static std::string string_member(const Json& object, const char* key) {
        const auto it = object.find(key);
        return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
    }
    static std::string message_of(int status, const Json& document) {
        if (document.is_object()) {
            const auto e = document.find("error");
            if (e != document.end() && e->is_object()) {
                std::string m = string_member(*e, "message");
                if (!m.empty()) return m;
            }
        }
        return "the SDK answered status " + std::to_string(status) + " without an error document";
    }

    int status_;
    Json document_;
    std::string id_;
    std::string field_;
    std::vector<FieldError> fields_;
    bool retryable_ = false;
};

namespace detail {

/// An error document made on this side of the ABI, in the SDK's own shape.
inline Error local_error(int status, const char* id, const char* field, const char* message) {
    Json e{{"code", id}, {"message", message}, {"retryable", false}};
    if (field != nullptr) e["field"] = field;
    return Error(status, Json{{"error", std::move(e)}});
}

/// `args` as JSON text. Strings in a Json may hold bytes that are not UTF-8, which cannot be
/// encoded: refused here the way the SDK refuses such text (validation.utf8, field "args").
inline std::string encode_args(const Json& args) {
    try {
        return args.dump();
    } catch (const Json::type_error&) {
        throw local_error(SC_E_INVALID_ARGUMENT, "validation.utf8", "args", "args is not valid UTF-8");
    }
}

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// [SECTION] Results and events
// ---------------------------------------------------------------------------------------------

/// The outcome of a call as the C ABI gives it: the SC_* status and the JSON text (a result, or
/// an error document). A plain value: copy and move freely.
struct CallResult {
    int status = SC_E_INTERNAL;
    std::string json;

    /// True for SC_OK and for SC_E_OFFLINE_QUEUED (accepted locally; the result is usable).
    bool usable() const noexcept { return status == SC_OK || status == SC_E_OFFLINE_QUEUED; }

    /// The parsed result when usable() (an offline-queued result holds "queued": true).
    /// Throws Error for a failure status (built from the error document), and Error with id
    /// "sdk.bad_json" and status SC_E_INTERNAL if the text is not JSON.
    Json value() const {
        Json doc = Json::parse(json, nullptr, false);
        if (doc.is_discarded()) {
            if (usable()) throw detail::local_error(SC_E_INTERNAL, "sdk.bad_json", nullptr, "the SDK's answer is not JSON");
            doc = Json();  // Error then says which status came without a document
        }
        if (!usable()) throw Error(status, std::move(doc));
        return doc;
    }
};

/// One event from the SDK, e.g. {"ticket.updated", {"id":"TT-...","status":"resolved"}}; the
/// names and data are listed in sdk/README.md (ticket.updated, workorder.updated, sync.delivered,
/// sync.failed, sync.drained, session.ended, connectivity.changed).
struct Event {
    std::string name;
    Json data;
};

namespace detail {

/// A type-erased event callback that, unlike std::function, also holds move-only callables.
class EventSink {
public:
    virtual ~EventSink() = default;
    virtual void operator()(const Event& event) = 0;
};

template <class F>
class EventSinkOf final : public EventSink {
public:
    explicit EventSinkOf(F&& f) : f_(std::move(f)) {}
    explicit EventSinkOf(const F& f) : f_(f) {}
    void operator()(const Event& event) override { std::invoke(f_, event); }

private:
    F f_;
};

/// The fan-out behind a client's one C listener: every Subscription is a slot here. Shared by
/// the Client and its Subscriptions, so a subscription may outlive its client.
class ListenerHub {
public:
    struct Slot {
        std::unique_ptr<EventSink> sink;
        bool removed = false;
        std::vector<std::thread::id> running;  // threads inside sink right now (a multiset)
    };

    std::shared_ptr<Slot> add(std::unique_ptr<EventSink> sink) {
        auto slot = std::make_shared<Slot>();
        slot->sink = std::move(sink);
        std::lock_guard lock(mutex_);
        slots_.push_back(slot);
        return slot;
    }

    /// After this returns the slot's sink is never called again. Waits for calls in flight on
    /// other threads; a call on this thread (removal from inside the callback) is not waited for,
    /// and its sink is destroyed by the dispatcher when it returns.
    void remove(const std::shared_ptr<Slot>& slot) {
        std::unique_ptr<EventSink> doomed;  // destroyed after the lock is released
        {
            std::unique_lock lock(mutex_);
            slot->removed = true;
            slots_.erase(std::remove(slots_.begin(), slots_.end(), slot), slots_.end());
            const auto self = std::this_thread::get_id();
            idle_.wait(lock, [&] {
                return std::all_of(slot->running.begin(), slot->running.end(), [&](std::thread::id id) { return id == self; });
            });
            if (slot->running.empty()) doomed = std::move(slot->sink);
        }
    }

    /// Installs the C listener on `client` the first time; later calls do nothing.
    void install(sc_client* client) {
        std::call_once(installed_, [&] { sc_set_listener(client, &ListenerHub::on_event, this); });
    }

    /// The C listener: parses the event once and calls every live slot, outside the lock.
    static void on_event(void* user, const char* event_json) noexcept {
        try {
            static_cast<ListenerHub*>(user)->dispatch(event_json);
        } catch (...) {
            // Out of memory while copying the event: drop it rather than cross the C boundary.
        }
    }

private:
    void dispatch(const char* event_json) {
        std::vector<std::shared_ptr<Slot>> live;
        {
            std::lock_guard lock(mutex_);
            live = slots_;
        }
        if (live.empty() || event_json == nullptr) return;
        Json doc = Json::parse(event_json, nullptr, false);
        if (!doc.is_object()) return;
        Event event{doc.value("event", std::string()), doc.value("data", Json::object())};
        const auto self = std::this_thread::get_id();
        for (const auto& slot : live) {
            {
                std::lock_guard lock(mutex_);
                if (slot->removed) continue;
                slot->running.push_back(self);
            }
            try {
                (*slot->sink)(event);
            } catch (...) {
                // A listener's exception must not cross the C boundary nor stop the others.
            }
            std::unique_ptr<EventSink> doomed;
            {
                std::lock_guard lock(mutex_);
                slot->running.erase(std::find(slot->running.begin(), slot->running.end(), self));
                if (slot->removed && slot->running.empty()) doomed = std::move(slot->sink);
            }
            idle_.notify_all();
        }
    }

    std::mutex mutex_;
    std::condition_variable idle_;
    std::vector<std::shared_ptr<Slot>> slots_;
    std::once_flag installed_;
};

}  // namespace detail

/// An event listener's registration, returned by Client::listen. Move-only. Destroying it (or
/// calling reset()) ends the registration. Safe to keep after its client is gone.
class Subscription {
public:
    /// An empty subscription (listens to nothing).
    Subscription() = default;
    /// Takes over `other`'s registration; `other` is left empty.
    Subscription(Subscription&&) noexcept = default;
    /// Ends this registration first (like reset()), then takes over `other`'s.
    Subscription& operator=(Subscription&& other) noexcept {
        if (this != &other) {
            reset();
            hub_ = std::move(other.hub_);
            slot_ = std::move(other.slot_);
        }
        return *this;
    }
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;
    ~Subscription() { reset(); }

    /// Ends the registration. Once this returns the callback will not run again: a call in
    /// flight on another thread is waited for; called from inside the callback itself it does
    /// not wait for itself (the callable is then destroyed when that call returns). The callable
    /// is otherwise destroyed here. No-op when empty. Thread-safe with respect to the SDK's
    /// threads; do not reset one Subscription from two threads at once, and do not hold a lock
    /// that the callback takes while ending it (the wait would never end).
    void reset() noexcept {
        if (!hub_) return;
        hub_->remove(slot_);
        slot_.reset();
        hub_.reset();
    }

    /// True while registered.
    explicit operator bool() const noexcept { return hub_ != nullptr; }

private:
    friend class Client;
    Subscription(std::shared_ptr<detail::ListenerHub> hub, std::shared_ptr<detail::ListenerHub::Slot> slot)
        : hub_(std::move(hub)), slot_(std::move(slot)) {}

    std::shared_ptr<detail::ListenerHub> hub_;
    std::shared_ptr<detail::ListenerHub::Slot> slot_;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Client
// ---------------------------------------------------------------------------------------------

/// An open SDK client: one data folder, one encrypted store, at most one session. Move-only;
/// closes on destruction (sc_client_close: stops its threads, waits for callbacks in flight;
/// queued writes stay on disk for the next open). An empty Client (default-constructed, moved
/// from, or a failed non-throwing open) answers every call with SC_E_INVALID_ARGUMENT, field
/// "client". A client must not be destroyed from inside one of its own callbacks (closing waits
/// for them).
class Client {
public:
    /// Opens a client from an sc_client_open config, e.g.
    /// {"data_dir": "...", "server": "https://...", "ca_file": "..."} (see selfcare.h).
    /// Throws Error (SC_E_INVALID_ARGUMENT naming the config field, SC_E_STORAGE for a key or
    /// store problem such as storage.wrong_key, ...). Thread-safe.
    static Client open(const Json& config) {
        CallResult error;
        Client c = open(detail::encode_args(config), &error);
        if (!c) (void)error.value();  // throws the error document
        return c;
    }

    /// Opens a client from config JSON text without throwing. On failure the returned client is
    /// empty (operator bool is false) and `error`, when given, holds the status and the error
    /// document; on success `error` gets status SC_OK. Thread-safe.
    static Client open(const std::string& config_json, CallResult* error = nullptr) {
        sc_client* raw = nullptr;
        char* err = nullptr;
        const int status = sc_client_open(config_json.c_str(), &raw, &err);
        std::unique_ptr<char, decltype(&sc_free)> owned(err, &sc_free);
        if (error != nullptr) *error = CallResult{status, err != nullptr ? err : ""};
        return Client(raw);
    }
    /// The same for a C string (so that open("{...}") is not ambiguous); NULL is refused by the
    /// SDK like malformed JSON.
    static Client open(const char* config_json, CallResult* error = nullptr) {
        return config_json != nullptr ? open(std::string(config_json), error) : open(std::string("null"), error);
    }

    /// An empty client (see the class comment).
    Client() = default;
    /// Takes over `other`'s handle and subscriptions; `other` is left empty.
    Client(Client&&) noexcept = default;
    /// Closes this client first (which waits for its callbacks), then takes over `other`.
    Client& operator=(Client&& other) noexcept {
        if (this != &other) {
            handle_ = std::move(other.handle_);  // closes the old handle before its hub can go
            hub_ = std::move(other.hub_);
        }
        return *this;
    }

    /// True when the client is open.
    explicit operator bool() const noexcept { return handle_ != nullptr; }

    /// Runs a command and returns its result, e.g. call("tickets.get", {{"id", "TT-1"}}).
    /// SC_E_OFFLINE_QUEUED is not a failure: the locally accepted result comes back and holds
    /// "queued": true. Throws Error for every failure status (its id and field say what and
    /// which argument). Blocks until the command finishes; thread-safe.
    Json call(std::string_view command, const Json& args = Json::object()) const {
        return call_raw(std::string(command), detail::encode_args(args)).value();
    }

    /// Runs a command with JSON text and returns status and text as the C ABI gives them; never
    /// throws except std::bad_alloc. `args_json` empty means "{}". Thread-safe.
    CallResult call_raw(const std::string& command, const std::string& args_json = {}) const {
        char* out = nullptr;
        const int status = sc_call(handle_.get(), command.c_str(), args_json.empty() ? nullptr : args_json.c_str(), &out);
        std::unique_ptr<char, decltype(&sc_free)> owned(out, &sc_free);
        return CallResult{status, out != nullptr ? out : ""};
    }

    /// Runs a command on an SDK worker and returns at once. `done` (any callable taking a
    /// CallResult, move-only ones too; it is moved or copied into the call) runs exactly once,
    /// on an SDK worker thread, also when the client closes with the call still queued. An
    /// exception escaping `done` is caught and discarded: handle failures inside it. Throws
    /// Error without ever calling `done` when the call cannot be started (an empty client, or
    /// args that are not valid UTF-8). Thread-safe.
    template <class F>
        requires std::invocable<std::decay_t<F>&, CallResult>
    void call_async(std::string_view command, const Json& args, F&& done) const {
        using Fn = std::decay_t<F>;
        const std::string args_json = detail::encode_args(args);
        auto box = std::make_unique<Fn>(std::forward<F>(done));
        const int status = sc_call_async(handle_.get(), std::string(command).c_str(), args_json.c_str(),
                                         &Client::async_done<Fn>, box.get());
        if (status != SC_OK) throw empty_client_error();
        (void)box.release();  // owned by the pending call now; async_done frees it
    }

    /// Registers `fn` (any callable taking const Event&, move-only ones too) for every event of
    /// this client from now on, alongside any other subscriptions. It runs on an SDK thread,
    /// never concurrently with itself for one event, and may call the client. An exception
    /// escaping it is caught and discarded (the other listeners still get the event). Keep the
    /// returned Subscription: destroying it ends the registration (see Subscription::reset).
    /// Throws Error for an empty client. Thread-safe.
    template <class F>
        requires std::invocable<std::decay_t<F>&, const Event&>
    [[nodiscard]] Subscription listen(F&& fn) const {
        if (!handle_) throw empty_client_error();
        auto slot = hub_->add(std::make_unique<detail::EventSinkOf<std::decay_t<F>>>(std::forward<F>(fn)));
        hub_->install(handle_.get());
        return Subscription(hub_, std::move(slot));
    }

private:
    struct Closer {
        void operator()(sc_client* c) const noexcept { sc_client_close(c); }
    };
    explicit Client(sc_client* raw) : handle_(raw) {
        if (raw != nullptr) hub_ = std::make_shared<detail::ListenerHub>();
    }

    static Error empty_client_error() {
        return detail::local_error(SC_E_INVALID_ARGUMENT, "validation.required", "client", "client is not open");
    }

    template <class Fn>
    static void async_done(void* user, int status, const char* json) noexcept {
        std::unique_ptr<Fn> fn(static_cast<Fn*>(user));
        try {
            std::invoke(*fn, CallResult{status, json != nullptr ? json : ""});
        } catch (...) {
            // Documented: discarded, so that no exception crosses into the SDK's worker.
        }
    }

    // Declared before handle_ so the handle closes (and stops callbacks) before the hub can go.
    std::shared_ptr<detail::ListenerHub> hub_;
    std::unique_ptr<sc_client, Closer> handle_;
};

}  // namespace selfcare
