// SPDX-License-Identifier: Apache-2.0
// kill -9 of an app at random moments while it writes, many times over. The app
// (outbox_writer_child, a separate process) is offline and queues fault reports, orders and an
// engineer's work-order updates; the test kills it after a random (seeded) delay, then checks
// what a customer relies on: the store opens and passes PRAGMA integrity_check, every write the
// app was told was accepted is in the outbox (once), and after a sync against the real server
// each of them exists there exactly once.
//
//   SC_KILL_LOOP_ITERATIONS=N   kills (default 200; 60 under sanitizers)
//   SC_KILL_LOOP_SEED=S         replay a run's delays (every run prints its seed)
//   SC_KILL_LOOP_SYNC_EVERY=K   sync and check the server every K kills (default 50)
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform_default/file_key_store.hpp"
#include "selfcare/selfcare.hpp"
#include "store/store.hpp"
#include "support/env_number.hpp"
#include "support/child_process.hpp"
#include "support/manual_clock.hpp"
#include "support/sdk_call.hpp"
#include "support/server_process.hpp"

using namespace selfcare;
using namespace selfcare::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

#if defined(SC_UNDER_SANITIZER)
constexpr long kDefaultIterations = 60;  // every start of the instrumented app is much slower
#else
constexpr long kDefaultIterations = 200;
#endif
// E1001's work orders the engineer's device can cache: its list holds the first 100 the server
// gives, and earlier work orders (completed ones too) stay in it.
constexpr std::size_t kMaxWorkOrders = 80;

constexpr const char* kTickets = "/tmf-api/troubleTicket/v4/troubleTicket";
constexpr const char* kOrders = "/tmf-api/productOrderingManagement/v4/productOrder";
constexpr const char* kQuotes = "/tmf-api/productOrderingManagement/v4/quote";
constexpr const char* kUnreachable = "http://127.0.0.1:1";  // refused at once: the app is offline


// Every item of a paged list route ("?limit=100&offset=...").
json all_pages(ApiClient& api, const std::string& route) {
    json all = json::array();
    for (int offset = 0;; offset += 100) {
        const auto r = api.get(route + "?limit=100&offset=" + std::to_string(offset));
        REQUIRE((r.status == 200 || r.status == 206));
        for (const auto& item : r.body) all.push_back(item);
        if (r.body.size() < 100) return all;
    }
}

// A work order of E1001 made for the test: the ticket it belongs to (whose history the customer
// can read) and the state it has on the device, queued updates included.
struct WorkOrder {
    std::string id;
    std::string ticket_id;
    std::string state = "assigned";
};

const std::map<std::string, std::string> kNextState = {
    {"assigned", "accepted"}, {"accepted", "enRoute"}, {"enRoute", "onSite"}, {"onSite", "completed"}};

// A device's outbox read straight from its store, opened as the app opens it but with the full
// PRAGMA integrity_check; each queued write named by what the test wrote into it.
struct Outbox {
    std::map<std::string, int> refs;               // ref -> times queued
    std::map<std::string, std::string> wo_states;  // work order -> state of its last queued update
    std::map<std::string, std::string> cached_wo_states;
};

Outbox read_outbox(const fs::path& data_dir) {
    platform_default::FileKeyStore keys(data_dir / "keys" / "store.key");
    ManualClock clock{test_epoch()};
    store::OpenOptions options;
    options.verify = store::Verify::kFull;
    auto s = store::Store::open(data_dir / "selfcare.db", keys, clock, options);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().id + ": " + s.error().message));
    auto entries = (*s)->outbox();
    REQUIRE(entries.ok());
    Outbox out;
    for (const auto& e : *entries) {
        CHECK_MESSAGE(e.state == store::OutboxState::kPending, "a queued write was marked failed: " << e.last_error);
        const json p = json::parse(e.payload);
        if (e.command == "tickets.create") ++out.refs[p.value("description", "")];
        else if (e.command == "orders.place") ++out.refs[p.value("quoteId", "")];
        else if (e.command == "workorders.update") {
            ++out.refs[p.value("note", "")];
            out.wo_states[p.value("id", "")] = p.value("state", "");
        } else FAIL("unexpected command in the outbox: " << e.command);
    }
    auto cached = (*s)->list_records(store::RecordKind::kWorkOrder, {std::nullopt, 1000, 0});
    REQUIRE(cached.ok());
    for (const auto& r : *cached) out.cached_wo_states[r.id] = r.status;
    return out;
}

// What the child said: the refs of calls that returned, and any refusal.
struct ChildReport {
    std::vector<std::string> returned;
    std::vector<std::string> refused;
    bool done = false;
};

ChildReport read_child_log(const fs::path& log) {
    ChildReport r;
    std::istringstream in(read_bytes(log));
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("returned ", 0) == 0) r.returned.push_back(line.substr(9));
        else if (line.rfind("refused ", 0) == 0 || line.rfind("open ", 0) == 0) r.refused.push_back(line);
        else if (line == "done") r.done = true;
    }
    return r;
}

class KillLoop {
public:
    KillLoop() : customer_api_(server_) {
        fs::create_directories(customer_dir_);
        fs::create_directories(engineer_dir_);
        {
            auto customer = open_sdk_client(json{{"data_dir", customer_dir_.string()}, {"server", server_.base_url()}});
            sign_in_customer(customer);
        }
        REQUIRE(customer_api_.login_customer().status == 201);
    }

    // Makes fault tickets that need a visit until E1001 has `count` fresh work orders, and
    // caches them on the engineer's device (signing the engineer in on the first call).
    void make_work_orders(std::size_t count) {
        while (work_orders_.size() < count) {
            const json fault{{"ticketType", "network"}, {"subcategory", "broadbandDown"}, {"severity", "major"},
                             {"description", "kill-loop setup " + std::to_string(setup_tickets_++)},
                             {"contactNumber", kDemoCustomer}, {"channel", {{"name", "app"}}},
                             {"address", {{"text", "幸福路 12 号 3 单元 501"}, {"areaType", "urban"}}}};
            const auto r = customer_api_.post(kTickets, fault);
            REQUIRE(r.status == 201);
            REQUIRE(r.body["workOrder"].is_object());
            if (r.body["workOrder"]["assignee"] == kDemoEngineer) {
                work_orders_.push_back({r.body["workOrder"]["id"], r.body["id"], "assigned"});
            }
        }
        auto engineer = open_sdk_client(json{{"data_dir", engineer_dir_.string()}, {"server", server_.base_url()}});
        if (!engineer_signed_in_) {
            call(engineer, "auth.login_staff", {{"staff_id", kDemoEngineer}, {"password", kDemoEngineerPassword}}, SC_OK);
            engineer_signed_in_ = true;
        }
        const auto list = call(engineer, "workorders.list", json::object(), SC_OK);
        std::set<std::string> cached;
        for (const auto& w : list["items"]) cached.insert(w.value("id", ""));
        for (const auto& w : work_orders_) REQUIRE_MESSAGE(cached.count(w.id) == 1, w.id << " is not on the device");
    }

    // The writes of kill `i`: two reports, an order of a fresh quote, and the next step of a
    // work order while there is one left to move.
    json plan(long i) {
        const auto quote = customer_api_.post(kQuotes, {{"productId", "A-DATA-10G"}});
        REQUIRE(quote.status == 201);
        quotes_.insert(quote.body["id"].get<std::string>());
        const std::string tag = "kill-loop " + std::to_string(i);
        json steps = json::array();
        steps.push_back(ticket_step(tag + " report a"));
        steps.push_back({{"client", "customer"}, {"command", "orders.place"}, {"args", {{"quote_id", quote.body["id"]}}},
                         {"ref", quote.body["id"]}});
        for (const auto& w : work_orders_) {
            if (w.state == "completed") continue;
            json args{{"id", w.id}, {"status", kNextState.at(w.state)}, {"note", tag + " visit"}};
            if (args["status"] == "enRoute") {  // on the way: where the engineer is and when they arrive
                args["location"] = {{"latitude", 39.9}, {"longitude", 116.4}};
                args["eta"] = 25;
            }
            steps.push_back({{"client", "engineer"}, {"command", "workorders.update"}, {"args", args}, {"ref", tag + " visit"}});
            break;
        }
        steps.push_back(ticket_step(tag + " report b"));
        return {{"clients", {{"customer", {{"data_dir", customer_dir_.string()}, {"server", kUnreachable}}},
                             {"engineer", {{"data_dir", engineer_dir_.string()}, {"server", kUnreachable}}}}},
                {"steps", steps}};
    }

    // How long the last run took to open its clients, and then to make its writes.
    struct Timing {
        std::chrono::microseconds open{0}, writes{0};
    };

    // Runs the child with `plan` and kills it `delay` after its start, or, with `after_open`,
    // `delay` after it said its clients are open; unless it finished first. Returns what it said.
    ChildReport run(const json& plan, std::chrono::microseconds delay, bool after_open, bool& killed, Timing& timing) {
        const fs::path log = dir_ / "child.log";
        fs::remove(log);
        const auto started = std::chrono::steady_clock::now();
        ChildProcess child({SC_OUTBOX_WRITER_CHILD_BINARY, plan.dump()}, log.string());
        auto from = started;
        if (after_open) {
            while (child.running() && read_bytes(log).find("opened\n") == std::string::npos) {
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
            from = std::chrono::steady_clock::now();
        }
        while (std::chrono::steady_clock::now() < from + delay && child.running()) {
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        const auto ended = std::chrono::steady_clock::now();
        killed = child.kill_hard();
        timing.open = std::chrono::duration_cast<std::chrono::microseconds>(from - started);
        timing.writes = std::chrono::duration_cast<std::chrono::microseconds>(ended - from);
        return read_child_log(log);
    }

    // After a kill: both stores open with integrity_check ok, and everything that returned
    // since the last sync is queued exactly once. Learns the work orders' states for the next plan.
    void check_devices() {
        const auto customer = read_outbox(customer_dir_);
        const auto engineer = read_outbox(engineer_dir_);
        std::map<std::string, int> queued = customer.refs;
        for (const auto& [ref, n] : engineer.refs) queued[ref] += n;
        for (const auto& [ref, n] : queued) {
            CHECK_MESSAGE(n == 1, "queued " << n << " times: " << ref);
            unsynced_.insert(ref);
        }
        for (const auto& ref : returned_since_sync_) CHECK_MESSAGE(queued.count(ref) == 1, "returned but not in the outbox: " << ref);
        for (auto& w : work_orders_) {
            if (const auto q = engineer.wo_states.find(w.id); q != engineer.wo_states.end()) w.state = q->second;
            else if (const auto c = engineer.cached_wo_states.find(w.id); c != engineer.cached_wo_states.end()) w.state = c->second;
        }
    }

    void note_returned(const std::vector<std::string>& refs) {
        for (const auto& r : refs) {
            returned_since_sync_.insert(r);
            returned_ever_.insert(r);
        }
    }

    // Both devices sync against the real server; then each write ever queued is there exactly
    // once, and each write that returned is among them.
    void sync_and_check_server() {
        for (const auto& d : {customer_dir_, engineer_dir_}) {
            auto client = open_sdk_client(json{{"data_dir", d.string()}, {"server", server_.base_url()}});
            call(client, "sync.now", json::object(), SC_OK);
            const auto status = call(client, "sync.status", json::object(), SC_OK);
            CAPTURE(status["items"].dump());  // commands, states and error ids only
            CHECK(status["pending"] == 0);
            CHECK(status["failed"] == 0);
        }
        synced_.insert(unsynced_.begin(), unsynced_.end());
        unsynced_.clear();
        returned_since_sync_.clear();

        std::map<std::string, int> on_server;
        for (const auto& t : all_pages(customer_api_, kTickets)) {
            const std::string d = t.value("description", "");
            if (d.rfind("kill-loop ", 0) == 0 && d.rfind("kill-loop setup", 0) != 0) ++on_server[d];
        }
        for (const auto& o : all_pages(customer_api_, kOrders)) {
            if (quotes_.count(o.value("quoteId", "")) == 1) ++on_server[o.value("quoteId", "")];
        }
        for (const auto& w : work_orders_) {
            const auto t = customer_api_.get(std::string(kTickets) + "/" + w.ticket_id);
            REQUIRE(t.status == 200);
            for (const auto& h : t.body["workOrder"]["history"]) {
                const std::string note = h.value("note", "");
                if (note.rfind("kill-loop ", 0) == 0) ++on_server[note];
            }
        }
        for (const auto& ref : synced_) CHECK_MESSAGE(on_server[ref] == 1, "on the server " << on_server[ref] << " times: " << ref);
        for (const auto& ref : returned_ever_) CHECK_MESSAGE(synced_.count(ref) == 1, "returned but never queued: " << ref);
        for (const auto& [ref, n] : on_server) CHECK_MESSAGE(synced_.count(ref) == 1, "on the server but never queued: " << ref);
        on_server_ = on_server.size();
    }

    std::size_t returned_count() const { return returned_ever_.size(); }
    std::size_t on_server_count() const { return on_server_; }

private:
    json ticket_step(const std::string& description) {
        return {{"client", "customer"}, {"command", "tickets.create"},
                {"args", {{"category", "business"}, {"subcategory", "billingDispute"}, {"description", description},
                          {"contact", kDemoCustomer}, {"channel", "app"}}},
                {"ref", description}};
    }

    ServerProcess server_;
    TempDir dir_;
    fs::path customer_dir_ = dir_ / "customer";
    fs::path engineer_dir_ = dir_ / "engineer";
    ApiClient customer_api_;
    std::vector<WorkOrder> work_orders_;
    int setup_tickets_ = 0;
    bool engineer_signed_in_ = false;
    std::set<std::string> quotes_;  // made for the test; the demo customer has orders of their own
    std::set<std::string> returned_since_sync_, returned_ever_, unsynced_, synced_;
    std::size_t on_server_ = 0;
};

}  // namespace

TEST_CASE("kill -9 at random moments while writing: nothing returned is lost, each write lands once") {
    const long iterations = env_number("SC_KILL_LOOP_ITERATIONS", kDefaultIterations);
    const long sync_every = std::max(1L, env_number("SC_KILL_LOOP_SYNC_EVERY", 50));
    const unsigned long seed = static_cast<unsigned long>(
        env_number("SC_KILL_LOOP_SEED", static_cast<long>(std::random_device{}() & 0x7fffffff)));
    MESSAGE("kill loop: seed " << seed << ", " << iterations << " kills (replay: SC_KILL_LOOP_SEED=" << seed << ")");

    KillLoop loop;
    loop.make_work_orders(std::min<std::size_t>(kMaxWorkOrders, static_cast<std::size_t>(iterations) / 4 + 1));

    // Three runs to the end, to learn how long opening and writing take (the quickest, as the
    // first is slowed by cold caches). A fifth of the kills then land anywhere in the open, the
    // others anywhere in the writes.
    bool killed = false;
    auto open_span = std::chrono::microseconds::max(), write_span = std::chrono::microseconds::max();
    for (int k = 1; k <= 3; ++k) {
        KillLoop::Timing t;
        const auto whole = loop.run(loop.plan(-k), std::chrono::minutes(2), /*after_open=*/true, killed, t);
        REQUIRE_MESSAGE(whole.done, "the app did not finish its writes: " << (whole.refused.empty() ? "" : whole.refused.front()));
        open_span = std::min(open_span, t.open);
        write_span = std::min(write_span, t.writes);
        loop.note_returned(whole.returned);
        loop.check_devices();
    }

    std::mt19937_64 rng(seed);
    int kills = 0, finished = 0, in_open = 0;
    std::size_t returned_in_killed_runs = 0;
    for (long i = 0; i < iterations; ++i) {
        const auto plan = loop.plan(i);
        const bool during_open = std::uniform_int_distribution<int>(0, 4)(rng) == 0;
        const auto span = during_open ? open_span : write_span;
        const auto wait = std::chrono::microseconds(std::uniform_int_distribution<long>(0, span.count())(rng));
        KillLoop::Timing t;
        const auto report = loop.run(plan, wait, !during_open, killed, t);
        CAPTURE(i);
        CAPTURE(during_open);
        CAPTURE(wait.count());
        REQUIRE_MESSAGE(report.refused.empty(), "the app was refused a write: " << report.refused.front());
        (killed ? kills : finished) += 1;
        if (killed && during_open) ++in_open;
        if (killed) returned_in_killed_runs += report.returned.size();
        loop.note_returned(report.returned);
        loop.check_devices();
        if ((i + 1) % sync_every == 0 || i + 1 == iterations) loop.sync_and_check_server();
    }
    MESSAGE("kill loop: " << kills << " killed mid-run (" << in_open << " while opening), " << finished << " finished first; " << loop.returned_count()
                          << " writes returned (" << returned_in_killed_runs << " in killed runs), " << loop.on_server_count()
                          << " on the server, each once");
    CHECK(kills > 0);
}
