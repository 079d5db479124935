// SPDX-License-Identifier: Apache-2.0
// Load on loopback against the real selfcare-server, and as the limit, a bare cpp-httplib endpoint
// built with the same flags returning the same bytes as a ticket read. Reports requests/s with 8
// connections and p50/p99 latency with 64 connections. Usage:
//   build/release/bench/server_bench [seconds-per-run] [postgres-url]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "support/server_process.hpp"

using namespace selfcare::test;
using Clock = std::chrono::steady_clock;

namespace {

struct Figures {
    double rps = 0;
    double p50_ms = 0;
    double p99_ms = 0;
    int errors = 0;
};

// `connections` keep-alive clients each send requests back to back for `seconds`.
template <class MakeRequest>
Figures load(int port, int connections, double seconds, MakeRequest make) {
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(connections));
    std::atomic<int> errors{0};
    std::vector<std::thread> threads;
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    for (int c = 0; c < connections; ++c) {
        threads.emplace_back([&, c] {
            httplib::Client client("127.0.0.1", port);
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true);
            int n = 0;
            while (Clock::now() < end) {
                const auto t0 = Clock::now();
                const bool ok = make(client, c, n++);
                latencies[static_cast<std::size_t>(c)].push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                if (!ok) ++errors;
            }
        });
    }
    for (auto& t : threads) t.join();
    std::vector<double> all;
    for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    std::sort(all.begin(), all.end());
    Figures f;
    f.rps = static_cast<double>(all.size()) / seconds;
    if (!all.empty()) {
        f.p50_ms = all[all.size() / 2];
        f.p99_ms = all[std::min(all.size() - 1, all.size() * 99 / 100)];
    }
    f.errors = errors;
    return f;
}

void report(const char* name, const Figures& at8, const Figures& at64, double limit_rps) {
    std::printf("| %-28s | %9.0f | %6.2fx | %7.2f | %7.2f | %d |\n", name, at8.rps,
                limit_rps > 0 ? at8.rps / limit_rps : 0.0, at64.p50_ms, at64.p99_ms, at8.errors + at64.errors);
}

}  // namespace

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
    const std::string db = argc > 2 ? argv[2] : "";
    ServerProcess server({}, db);
    ApiClient customer(server);
    if (customer.login_customer().status != 201) return 1;
    const std::string token = "Bearer " + customer.token();
    const auto ticket = customer.get("/tmf-api/troubleTicket/v4/troubleTicket/TT-DEMO-0001");
    const std::string ticket_bytes = ticket.raw;

    // The limit: the same library and flags, no auth, no database, the same response bytes.
    httplib::Server bare;
    bare.Get("/ticket", [&](const httplib::Request&, httplib::Response& res) { res.set_content(ticket_bytes, "application/json"); });
    bare.set_tcp_nodelay(true);
    bare.new_task_queue = [] { return new httplib::ThreadPool(16); };
    const int bare_port = bare.bind_to_any_port("127.0.0.1");
    std::thread bare_thread([&] { bare.listen_after_bind(); });
    while (!bare.is_running()) std::this_thread::yield();

    const httplib::Headers auth{{"Authorization", token}};
    auto get = [&](const std::string& path, bool with_auth) {
        return [path, with_auth, &auth](httplib::Client& c, int, int) {
            auto r = with_auth ? c.Get(path, auth) : c.Get(path);
            return r && r->status == 200;
        };
    };
    const std::string create_body =
        R"({"ticketType":"service","subcategory":"afterSales","description":"售后服务咨询，想了解维修保修政策","contactNumber":"13800138000"})";
    auto create = [&](httplib::Client& c, int, int) {
        auto r = c.Post("/tmf-api/troubleTicket/v4/troubleTicket", auth, create_body, "application/json");
        return r && r->status == 201;
    };
    std::string quote_id;
    {
        auto q = customer.post("/tmf-api/productOrderingManagement/v4/quote", {{"productId", "A-GAME"}});
        quote_id = q.body["id"];
    }
    // Every order after the first replays its key's stored answer, so this measures the
    // idempotent placement path: key lookup, body hash, stored response.
    auto place = [&](httplib::Client& c, int conn, int n) {
        httplib::Headers h = auth;
        h.emplace("Idempotency-Key", "bench-" + std::to_string(conn) + "-" + std::to_string(n % 50));
        auto r = c.Post("/tmf-api/productOrderingManagement/v4/productOrder", h,
                        R"({"quoteId":")" + quote_id + R"("})", "application/json");
        return r && (r->status == 201 || r->status == 409 || r->status == 422);
    };

    std::printf("backend: %s, %.1f s per run, machine: %u hardware threads\n\n",
                db.empty() ? "sqlite" : "postgres", seconds, std::thread::hardware_concurrency());
    std::printf("| %-28s | %9s | %7s | %7s | %7s | %s |\n", "endpoint", "req/s @8", "vs bare", "p50@64", "p99@64", "errors");
    std::printf("|---|---|---|---|---|---|\n");
    const auto bare8 = load(bare_port, 8, seconds, get("/ticket", false));
    const auto bare64 = load(bare_port, 64, seconds, get("/ticket", false));
    report("bare cpp-httplib (limit)", bare8, bare64, bare8.rps);
    report("account summary", load(server.port(), 8, seconds, get("/selfcare/v1/account", true)),
           load(server.port(), 64, seconds, get("/selfcare/v1/account", true)), bare8.rps);
    report("ticket read", load(server.port(), 8, seconds, get("/tmf-api/troubleTicket/v4/troubleTicket/TT-DEMO-0001", true)),
           load(server.port(), 64, seconds, get("/tmf-api/troubleTicket/v4/troubleTicket/TT-DEMO-0001", true)), bare8.rps);
    report("ticket creation", load(server.port(), 8, seconds, create), load(server.port(), 64, seconds, create), bare8.rps);
    report("order placement (keyed)", load(server.port(), 8, seconds, place), load(server.port(), 64, seconds, place), bare8.rps);
    bare.stop();
    bare_thread.join();
    return 0;
}
