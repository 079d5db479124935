// SPDX-License-Identifier: Apache-2.0
#include "capi/client.hpp"

#include <algorithm>
#include <exception>

#include "capi/commands.hpp"
#include "capi/error_json.hpp"
#include "flows/event_poller.hpp"
#include "flows/sync_flow.hpp"
#include "platform_default/file_key_store.hpp"
#include "platform_default/passphrase_key_store.hpp"
#include "platform_default/supplied_key_store.hpp"
#include "platform_default/system_clock.hpp"

namespace selfcare::capi {
namespace {

constexpr int kWorkers = 2;

CallResult failure(const domain::Error& e) { return {status_of(e), error_document(e).dump()}; }

}  // namespace

domain::Result<std::unique_ptr<Client>> Client::open(ClientConfig cfg) {
    std::unique_ptr<platform::KeyStore> keys;
    if (cfg.key_provider == KeyProvider::kPassphrase) {
        keys = std::make_unique<platform_default::PassphraseKeyStore>(cfg.data_dir / "store.kdf", cfg.passphrase);
    } else if (cfg.key_provider == KeyProvider::kSupplied) {
        keys = std::make_unique<platform_default::SuppliedKeyStore>(std::move(cfg.supplied_key));
    } else {
        keys = std::make_unique<platform_default::FileKeyStore>(cfg.data_dir / "keys" / "store.key");
    }
    auto clock = std::make_unique<const platform_default::SystemClock>();
    auto opened = store::Store::open(cfg.data_dir / "selfcare.db", *keys, *clock);
    if (!opened) return opened.error();
    auto client = std::unique_ptr<Client>(
        new Client(std::move(cfg), std::move(keys), std::move(clock), std::move(opened).value()));
    if (auto started = client->start(); !started) return started.error();
    return client;
}

domain::Result<void> Client::start() {
    std::optional<net::TransportConfig> transport;
    if (!config_.server.empty()) {
        transport.emplace();
        transport->base_url = config_.server;
        transport->ca_file = config_.ca_file;
        transport->pinned_public_key = config_.pinned_public_key;
        if (config_.connect_timeout) transport->connect_timeout = *config_.connect_timeout;
        if (config_.total_timeout) transport->total_timeout = *config_.total_timeout;
    }
    std::optional<flows::KioskSetup> kiosk;
    if (config_.device_kind == DeviceKind::kKiosk) {
        // Each customer gets a store and a key of their own. A kiosk starts with no customer:
        // whatever a crash left of the last one is destroyed, not shown to the next.
        const auto folder = config_.data_dir / "customer";
        std::error_code ec;
        std::filesystem::create_directories(folder, ec);
        if (ec) return domain::make_error(domain::ErrorCode::kStorage, "storage.io", "cannot create the customer folder");
        customer_keys_ = std::make_unique<platform_default::FileKeyStore>(folder / "customer.key");
        const auto open_customer = [this, folder]() -> domain::Result<std::unique_ptr<store::Store>> {
            if (auto w = store::Store::wipe(folder / "customer.db", *customer_keys_); !w) return w.error();
            return store::Store::open(folder / "customer.db", *customer_keys_, *clock_);
        };
        auto first = open_customer();
        if (!first) return first.error();
        kiosk.emplace();
        kiosk->device_id = config_.device_id;
        kiosk->device_secret = config_.device_secret;
        kiosk->customer_store = std::move(first).value();
        kiosk->open_customer_store = open_customer;
    }
    flows_ = std::make_unique<flows::FlowContext>(*store_, *clock_, std::move(transport),
                                                  [this](const std::string& name, const Json& data) { emit(name, data); },
                                                  std::move(kiosk));
    for (int i = 0; i < kWorkers; ++i) workers_.emplace_back([this] { worker_loop(); });
    if (!config_.server.empty()) {
        sync_thread_ = std::thread([this] { sync_loop(); });
        event_thread_ = std::thread([this] { event_loop(); });
    }
    return domain::success();
}

Client::Client(ClientConfig cfg, std::unique_ptr<platform::KeyStore> keys,
               std::unique_ptr<const domain::Clock> clock, std::unique_ptr<store::Store> store)
    : config_(std::move(cfg)), keys_(std::move(keys)), clock_(std::move(clock)), store_(std::move(store)) {
    log_ = std::make_unique<CallLog>(config_, *clock_);
}

bool Client::wait_or_stop(std::chrono::milliseconds d) {
    std::unique_lock lock(queue_mutex_);
    return stop_cv_.wait_for(lock, d, [this] { return stopping_; });
}

void Client::sync_loop() {
    // Every few seconds: if something is queued and due, try to send it. drain_due() keeps the
    // order and waits out the backoff of the first entry, so this loop only decides when to look.
    while (!wait_or_stop(std::chrono::seconds(3))) {
        try {
            auto due = store_->outbox_due(1);
            // A kiosk delivers queued reports also when nobody is signed in.
            if (due && !due->empty() && (flows_->session() || flows_->is_kiosk())) {
                (void)flows::drain_due(*flows_);
            }
        } catch (const std::exception&) {
            // A bug must not end the thread (nor the process); the next round tries again.
        }
        flows_->flush_events();
    }
}

void Client::event_loop() {
    // While someone is signed in: long-poll, apply, announce. When the server cannot be
    // reached, wait before the next try, doubling up to half a minute.
    auto backoff = std::chrono::milliseconds(1000);
    for (;;) {
        bool failed = false;
        try {
            auto r = flows::poll_events(*flows_, std::chrono::seconds(25), &cancel_);
            failed = !r;
            if (r && *r == 0 && !flows_->session()) failed = true;  // nobody signed in: look again later
        } catch (const std::exception&) {
            failed = true;
        }
        flows_->flush_events();
        if (failed) {
            if (wait_or_stop(backoff)) return;
            backoff = std::min(backoff * 2, std::chrono::milliseconds(30000));
        } else {
            backoff = std::chrono::milliseconds(1000);
            if (wait_or_stop(std::chrono::milliseconds(0))) return;
        }
    }
}

Client::~Client() {
    {
        std::lock_guard lock(queue_mutex_);
        stopping_ = true;
    }
    cancel_ = true;
    queue_cv_.notify_all();
    stop_cv_.notify_all();
    for (auto& t : workers_) t.join();
    if (sync_thread_.joinable()) sync_thread_.join();
    if (event_thread_.joinable()) event_thread_.join();
    if (flows_) flows_->flush_events();
    set_listener(nullptr, nullptr);  // waits for a callback in flight
}

CallResult Client::call(const char* command, const char* args_json) {
    const auto started = std::chrono::steady_clock::now();
    CallResult r = dispatch(command, args_json);
    std::string error_id;
    if (r.status != SC_OK && r.status != SC_E_OFFLINE_QUEUED) {
        // The error document's stable code only; its message and field stay out of the log.
        const Json doc = Json::parse(r.json, nullptr, false);
        if (doc.is_object() && doc.contains("error") && doc["error"].value("code", Json()).is_string()) {
            error_id = doc["error"]["code"].get<std::string>();
        }
    }
    log_->command(command != nullptr ? command : "", r.status, error_id,
                  std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started));
    return r;
}

CallResult Client::dispatch(const char* command, const char* args_json) {
    try {
        // Checked here, not in sc_call, so that sc_call and sc_call_async answer it alike.
        if (command == nullptr) {
            return failure(domain::invalid_argument({{"command", "validation.required", "command must not be NULL"}}));
        }
        const Command* cmd = find_command(command);
        if (cmd == nullptr) {
            return failure(domain::invalid_argument(
                {{"command", "command.unknown", "command is not one of sdk.commands"}}));
        }
        auto args = parse_object(args_json, "args");
        if (!args) return failure(args.error());
        auto reply = cmd->handler(*this, *args);
        // Events the command raised reach the listener now, with no SDK lock held.
        flows_->flush_events();
        if (!reply) return failure(reply.error());
        return {reply->queued ? SC_E_OFFLINE_QUEUED : SC_OK, reply->body.dump()};
    } catch (const std::exception& e) {
        // A bug, not an expected failure; the exception text may hold data, so it stays out.
        return failure(domain::make_error(domain::ErrorCode::kInternal, "internal", "unexpected failure"));
    } catch (...) {
        return failure(domain::make_error(domain::ErrorCode::kInternal, "internal", "unexpected failure"));
    }
}

void Client::call_async(std::optional<std::string> command, std::optional<std::string> args_json, sc_result_fn done,
                        void* user) {
    {
        std::lock_guard lock(queue_mutex_);
        queue_.push_back([this, command = std::move(command), args = std::move(args_json), done, user] {
            const CallResult r = call(command ? command->c_str() : nullptr, args ? args->c_str() : nullptr);
            done(user, r.status, r.json.c_str());
        });
    }
    queue_cv_.notify_one();
}

void Client::worker_loop() {
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(queue_mutex_);
            queue_cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and everything queued has run
            task = std::move(queue_.front());
            queue_.pop_front();
        }
        task();
    }
}

void Client::set_listener(sc_event_fn fn, void* user) {
    std::unique_lock lock(listener_mutex_);
    listener_ = fn;
    listener_user_ = user;
    const auto self = std::this_thread::get_id();
    // Wait until no other thread is still inside the old callback; our own (a callback that
    // replaces the listener) cannot be waited for.
    listener_cv_.wait(lock, [&] {
        return std::all_of(emitting_.begin(), emitting_.end(), [&](std::thread::id id) { return id == self; });
    });
}

void Client::emit(std::string_view name, const Json& data) {
    log_->event(name);
    sc_event_fn fn = nullptr;
    void* user = nullptr;
    {
        std::lock_guard lock(listener_mutex_);
        if (listener_ == nullptr) return;
        fn = listener_;
        user = listener_user_;
        emitting_.push_back(std::this_thread::get_id());
    }
    const std::string text = Json{{"event", name}, {"data", data}}.dump();
    fn(user, text.c_str());
    {
        std::lock_guard lock(listener_mutex_);
        emitting_.erase(std::find(emitting_.begin(), emitting_.end(), std::this_thread::get_id()));
    }
    listener_cv_.notify_all();
}

}  // namespace selfcare::capi
