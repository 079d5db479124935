// SPDX-License-Identifier: Apache-2.0
// Draining the outbox: 1,000 tickets accepted while the server was down (each answered
// SC_E_OFFLINE_QUEUED), then the server comes back on the same address and database and the app
// calls sync.now until nothing is pending. The clock runs from the moment the server accepts
// connections to the moment the outbox is empty, whoever sent the entries: the client's own
// background sync may take part, and sync.now then waits for it (one drain at a time).
// Baseline, same run: the server's own creation rate, the same 1,000 create requests sent back to
// back by a plain keep-alive HTTP client signed in as the same customer, on a fresh server.
#include <benchmark/benchmark.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sdk_fixture.hpp"

namespace {

using namespace selfcare;
using bench::ServerProcess;
using bench::TempDir;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr int kTickets = 1000;
constexpr const char* kTicketPath = "/tmf-api/troubleTicket/v4/troubleTicket";

double seconds_between(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

// CPU time of the calling thread, which is where sc_call runs a command: unlike wall time, it
// does not include waiting for the disk to confirm a commit.
double thread_cpu_seconds() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Per-call cost of the first and of the last 100 offline tickets.create calls, wall and CPU.
struct CreateCost {
    double first_wall = 0, last_wall = 0, first_cpu = 0, last_cpu = 0;

    void add(int i, double wall, double cpu) {
        if (i < 100) {
            first_wall += wall;
            first_cpu += cpu;
        } else if (i >= kTickets - 100) {
            last_wall += wall;
            last_cpu += cpu;
        }
    }
    void report(benchmark::State& state, double runs) const {
        const auto ms_per_call = [&](double total) { return benchmark::Counter(total * 1000 / 100 / runs); };
        state.counters["create_first100_ms"] = ms_per_call(first_wall);
        state.counters["create_last100_ms"] = ms_per_call(last_wall);
        state.counters["create_first100_cpu_ms"] = ms_per_call(first_cpu);
        state.counters["create_last100_cpu_ms"] = ms_per_call(last_cpu);
    }
};

std::string description(int i) { return "售后服务咨询，想了解维修保修政策（第 " + std::to_string(i) + " 次）"; }

// tickets.create arguments: a service complaint, no visit needed (so no work order is dispatched).
std::string sdk_ticket_args(int i) {
    return json{{"category", "service"}, {"subcategory", "afterSales"}, {"description", description(i)},
                {"contact", test::kDemoCustomer}, {"channel", "kiosk"}}
        .dump();
}

// The body the SDK sends for those arguments (flows/ticket_flow.cpp server_body), with a local
// reference of the same length, so the server does the same work, externalId lookup included.
std::string server_ticket_body(int i) {
    char ref[40];
    std::snprintf(ref, sizeof ref, "L-00000000-0000-4000-8000-%012d", i);
    return json{{"ticketType", "service"}, {"subcategory", "afterSales"}, {"severity", "minor"},
                {"description", description(i)}, {"contactNumber", test::kDemoCustomer},
                {"channel", {{"name", "kiosk"}}}, {"externalId", ref}}
        .dump();
}

json parse(const std::string& text) { return json::parse(text, nullptr, false); }

void BM_OutboxDrain(benchmark::State& state) {
    // Offline tickets.create: how its cost grows with the number of entries already queued.
    CreateCost create_cost;
    int sync_calls = 0;
    for (auto _ : state) {
        TempDir data;
        // Kept (stopped) until the end: its folder holds the database the second server reopens.
        auto first = std::make_unique<ServerProcess>();
        const std::string url = first->base_url();
        const std::string port = std::to_string(first->port());
        auto client = bench::open_client(bench::client_config(data, url));
        bench::sign_in(client.get());
        if (first->stop() != 0) {
            state.SkipWithError("selfcare-server did not stop cleanly");
            break;
        }

        for (int i = 0; i < kTickets; ++i) {
            const auto t0 = Clock::now();
            const double cpu0 = thread_cpu_seconds();
            bench::call_expecting(client.get(), "tickets.create", sdk_ticket_args(i), SC_E_OFFLINE_QUEUED);
            create_cost.add(i, seconds_between(t0, Clock::now()), thread_cpu_seconds() - cpu0);
        }

        ServerProcess second({"--listen", "127.0.0.1:" + port}, first->db_url());
        const auto start = Clock::now();
        std::int64_t pending = -1;
        for (int round = 0; pending != 0 && round < 100; ++round) {
            pending = parse(bench::call_expecting(client.get(), "sync.now", "{}", SC_OK)).value("pending", std::int64_t{-1});
            ++sync_calls;
        }
        const auto drained = Clock::now();

        const json status = parse(bench::call_expecting(client.get(), "sync.status", "{}", SC_OK));
        if (status.value("pending", -1) != 0 || status.value("failed", -1) != 0) {
            state.SkipWithError(("the outbox did not drain cleanly: " + status.dump()).c_str());
            break;
        }
        state.SetIterationTime(seconds_between(start, drained));
    }
    state.SetItemsProcessed(state.iterations() * kTickets);
    const auto runs = static_cast<double>(state.iterations());
    create_cost.report(state, runs);
    state.counters["sync_calls"] = benchmark::Counter(sync_calls / runs);
    state.SetLabel("SDK outbox, 1,000 tickets");
}

void BM_ServerTicketCreation(benchmark::State& state) {
    std::vector<std::string> bodies;
    for (int i = 0; i < kTickets; ++i) bodies.push_back(server_ticket_body(i));
    int errors = 0;
    for (auto _ : state) {
        ServerProcess server;
        test::ApiClient customer(server);
        if (customer.login_customer().status != 201) {
            state.SkipWithError("the demo customer cannot sign in");
            break;
        }
        httplib::Client http("127.0.0.1", server.port());
        http.set_keep_alive(true);
        http.set_tcp_nodelay(true);
        const httplib::Headers auth{{"Authorization", "Bearer " + customer.token()}};
        const auto start = Clock::now();
        for (const auto& body : bodies) {
            auto r = http.Post(kTicketPath, auth, body, "application/json");
            if (!r || r->status != 201) ++errors;
        }
        state.SetIterationTime(seconds_between(start, Clock::now()));
    }
    if (errors > 0) state.SkipWithError((std::to_string(errors) + " creations failed").c_str());
    state.SetItemsProcessed(state.iterations() * kTickets);
    state.SetLabel("baseline: plain HTTP client, 1,000 creates");
}

BENCHMARK(BM_ServerTicketCreation)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);
BENCHMARK(BM_OutboxDrain)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

}  // namespace
