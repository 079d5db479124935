// SPDX-License-Identifier: Apache-2.0
// Client: what an sc_client handle points to. Owns the store, the command dispatch, the worker
// threads of sc_call_async and the listener. Everything here is thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "capi/call_log.hpp"
#include "capi/client_config.hpp"
#include "capi/json_input.hpp"
#include "domain/clock.hpp"
#include "flows/flow_context.hpp"
#include "platform/key_store.hpp"
#include "selfcare/selfcare.h"
#include "store/store.hpp"

namespace selfcare::capi {

/// The outcome of one command: an SC_* status and the JSON text handed to the caller.
struct CallResult {
    int status = SC_OK;
    std::string json;
};

class Client {
public:
    /// Opens the store in cfg.data_dir with the configured key provider and starts the workers.
    /// Errors: the store's (storage.*), or invalid_argument for a bad passphrase.
    static domain::Result<std::unique_ptr<Client>> open(ClientConfig cfg);

    /// Finishes queued async calls (each callback still runs once), stops the workers, and waits
    /// for a listener callback in flight.
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    /// Runs `command` with `args_json` (NULL = "{}"); a NULL command is answered with
    /// validation.required on "command". Never throws.
    CallResult call(const char* command, const char* args_json);

    /// Queues the call (nullopt stands for a NULL command and is answered as call() answers
    /// it); `done` runs exactly once on a worker thread.
    void call_async(std::optional<std::string> command, std::optional<std::string> args_json, sc_result_fn done,
                    void* user);

    /// Replaces the listener; see sc_set_listener for the guarantee.
    void set_listener(sc_event_fn fn, void* user);

    /// Sends {"event": name, "data": data} to the listener, if any. Never called with a lock held.
    void emit(std::string_view name, const Json& data);

    const ClientConfig& config() const { return config_; }
    store::Store& store() { return *store_; }
    flows::FlowContext& flows() { return *flows_; }
    const domain::Clock& clock() const { return *clock_; }

private:
    Client(ClientConfig cfg, std::unique_ptr<platform::KeyStore> keys,
           std::unique_ptr<const domain::Clock> clock, std::unique_ptr<store::Store> store);
    // Builds the flows (and a kiosk's customer store) and starts the threads.
    domain::Result<void> start();
    CallResult dispatch(const char* command, const char* args_json);
    void worker_loop();
    void sync_loop();
    void event_loop();
    // Waits up to `d` or until close; true when closing.
    bool wait_or_stop(std::chrono::milliseconds d);

    ClientConfig config_;
    std::unique_ptr<platform::KeyStore> keys_;
    std::unique_ptr<const domain::Clock> clock_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<platform::KeyStore> customer_keys_;  // kiosks: the current customer's key
    std::unique_ptr<flows::FlowContext> flows_;
    std::unique_ptr<CallLog> log_;

    // sc_call_async
    std::mutex queue_mutex_;
    std::condition_variable queue_cv_;
    std::deque<std::function<void()>> queue_;
    bool stopping_ = false;
    std::vector<std::thread> workers_;
    std::thread sync_thread_;   // drains the outbox while the client is open
    std::thread event_thread_;  // long-polls the server's event feed while someone is signed in
    std::atomic<bool> cancel_{false};  // abandons the long-poll at close
    std::condition_variable stop_cv_;  // wakes sync_thread_ at close (queue_cv_ is the workers')

    // listener
    std::mutex listener_mutex_;
    std::condition_variable listener_cv_;
    sc_event_fn listener_ = nullptr;
    void* listener_user_ = nullptr;
    std::vector<std::thread::id> emitting_;  // threads inside the callback right now
};

}  // namespace selfcare::capi
