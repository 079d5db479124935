// SPDX-License-Identifier: Apache-2.0
// The outbox: sync (send what was saved on this device while offline, with progress) and status
// (what waits, what was refused, when the last sync worked, which server and data folder).
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "commands/common.hpp"
#include "subcommand.hpp"
#include "text_table.hpp"

namespace selfcare::cli {
namespace {

using Align = TextTable::Align;

// More than this many waiting items earn a progress display even when stderr is not a terminal
// (a log then shows that a long sync is moving).
constexpr long long kHandful = 5;

// Shows how many of the waiting items are gone while sync.now runs on the caller's thread, by
// reading sync.status (which does not wait for the sync) a few times a second. On a terminal the
// line is redrawn; otherwise a line is printed whenever the count changes.
class SyncProgress {
public:
    SyncProgress(Client& client, long long total) : client_(client), total_(total), redraw_(stderr_is_terminal()) {
        thread_ = std::thread([this] { run(); });
    }
    ~SyncProgress() { finish(); }
    SyncProgress(const SyncProgress&) = delete;
    SyncProgress& operator=(const SyncProgress&) = delete;

    /// Stops polling and shows the final count.
    void finish() {
        {
            std::lock_guard lock(m_);
            if (stopping_) return;
            stopping_ = true;
        }
        wake_.notify_all();
        thread_.join();
        show(sent_so_far());
        if (redraw_) std::cerr << '\n';
    }

private:
    long long sent_so_far() {
        const CallResult r = client_.call_raw("sync.status");
        const Json s = r.usable() ? Json::parse(r.json, nullptr, false) : Json();
        const long long pending = s.is_object() ? s.value("pending", total_) : total_;
        return std::clamp(total_ - pending, 0LL, total_);
    }
    void show(long long done) {
        if (done == shown_) return;
        shown_ = done;
        if (redraw_) std::cerr << "\rsync: " << done << " of " << total_ << " sent\033[K" << std::flush;
        else std::cerr << "sync: " << done << " of " << total_ << " sent\n";
    }
    void run() {
        std::unique_lock lock(m_);
        while (!wake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return stopping_; })) {
            lock.unlock();
            show(sent_so_far());
            lock.lock();
        }
    }

    Client& client_;
    const long long total_;
    const bool redraw_;
    long long shown_ = -1;  // touched by the polling thread, then by finish() after the join
    std::mutex m_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

// The sync.failed events of this run: writes the server refused when they arrived.
class RefusalLog {
public:
    explicit RefusalLog(const Client& client)
        : listening_(client.listen([this](const Event& e) {
              if (e.name != "sync.failed") return;
              std::lock_guard lock(m_);
              refused_.push_back(e.data);
          })) {}
    Json take() {
        listening_.reset();  // no more arrive after this
        std::lock_guard lock(m_);
        return refused_;
    }

private:
    std::mutex m_;
    Json refused_ = Json::array();
    Subscription listening_;
};

std::string waiting_by_command(const Json& status) {
    std::string out;
    const Json by_command = status.value("pending_by_command", Json::object());
    for (const auto& [command, n] : by_command.items()) {
        if (!out.empty()) out += ", ";
        out += command + " " + n.dump();
    }
    return out;
}

int sync(Context& ctx, const ParsedArgs&) {
    Client& client = ctx.client();
    const long long total = client.call("sync.status").value("pending", 0LL);
    RefusalLog refusals(client);
    Json result;
    {
        std::optional<SyncProgress> progress;
        if (total > 0 && (stderr_is_terminal() || total > kHandful)) progress.emplace(client, total);
        result = client.call("sync.now");
    }
    const Json refused = refusals.take();
    const Json after = client.call("sync.status");
    const long long pending = after.value("pending", 0LL);
    const Json last_error = after.value("last_error", Json());
    const std::string error_id = last_error.is_object() ? text_of(last_error, "code") : "";

    if (ctx.json()) {
        ctx.print_json({{"sync", result}, {"refused", refused}});
    } else {
        std::cout << "Sent " << result.value("sent", 0LL) << ", refused " << result.value("failed", 0LL)
                  << ", still waiting " << pending << ".\n";
        for (const auto& r : refused) {
            std::cout << "  refused: " << text_of(r, "command") << (text_of(r, "id").empty() ? "" : " " + text_of(r, "id"))
                      << ": " << mask_phone_numbers(text_of(r, "message")) << " (" << text_of(r, "code") << ")\n";
        }
    }
    if (pending > 0) {
        const bool auth = error_id.rfind("auth.", 0) == 0;
        std::cerr << "selfcare sync: " << pending << " still waiting: "
                  << (auth ? "they are sent once someone signs in on this device"
                           : "the server could not be reached; they are kept and sent later")
                  << (error_id.empty() ? "" : " (" + error_id + ")") << "\n";
        return auth ? kExitAuth : kExitNetwork;
    }
    return result.value("failed", 0LL) > 0 ? kExitRefused : kExitOk;
}

int status(Context& ctx, const ParsedArgs&) {
    const Json info = ctx.call("sdk.info");
    const Json s = ctx.call("sync.status");
    if (ctx.json()) {
        ctx.print_json({{"info", info}, {"sync", s}});
        return kExitOk;
    }
    const Json online = s.value("online", Json());
    const std::string reach = online.is_boolean() ? (online.get<bool>() ? "answering" : "not answering") : "not contacted yet";
    std::string server = text_of(info, "server");
    server = server.empty() ? "none configured (--server)" : server + "  (" + reach + ")";
    const Json store = info.value("store", Json::object());
    std::string waiting = std::to_string(s.value("pending", 0LL));
    if (const std::string by = waiting_by_command(s); !by.empty()) waiting += ": " + by;
    const Json last_error = s.value("last_error", Json());
    std::string error;
    if (last_error.is_object()) error = text_of(last_error, "code") + " (" + local_time(last_error.value("at", Json())) + ")";
    print_fields(std::cout, {{"Server", server},
                             {"Data folder", text_of(info, "data_dir")},
                             {"Store", "schema " + text_of(store, "schema_version") + ", " + text_of(store, "state")},
                             {"Waiting to send", waiting},
                             {"Refused", std::to_string(s.value("failed", 0LL))},
                             {"Last sync", local_time(s.value("last_success", Json()))},
                             {"Last error", error}});
    TextTable items({{"SEQ", Align::kRight}, {"COMMAND"}, {"STATE"}, {"TRIES", Align::kRight}, {"SAVED"}, {"LAST ERROR"}});
    for (const auto& it : s.value("items", Json::array())) {
        items.add_row({text_of(it, "seq"), text_of(it, "command"), text_of(it, "state"), text_of(it, "attempts"),
                       local_time(it.value("created_at", Json())), text_of(it, "last_error")});
    }
    if (!items.empty()) {
        std::cout << '\n';
        items.print(std::cout);
    }
    return kExitOk;
}

}  // namespace

void add_sync_commands(std::vector<Subcommand>& table) {
    table.push_back({"sync", "", "send what was saved on this device while offline",
                     "Sends the waiting reports, orders, redemptions and work-order updates in the order\n"
                     "they were made, each exactly once. Shows progress on stderr when it is a terminal or\n"
                     "when more than a handful are waiting. Exit code 5 when some are still waiting (the\n"
                     "server could not be reached), 7 when the server refused one (see `selfcare status`).",
                     {}, 0, 0, {}, sync});
    table.push_back({"status", "", "server, data folder, and what waits to be sent",
                     "Shows the configured server, the data folder, how many writes wait to be sent (by\n"
                     "kind), which were refused and why, and when the last sync worked.",
                     {}, 0, 0, {}, status});
}

}  // namespace selfcare::cli
