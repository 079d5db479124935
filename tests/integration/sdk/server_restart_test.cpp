// SPDX-License-Identifier: Apache-2.0
// kill -9 of the server under load: three customers' apps (one SDK client and one thread each)
// keep reporting faults, placing orders and redeeming points while the server is killed with
// SIGKILL at random moments and started again on the same database and port. The apps queue
// what they cannot send and retry; at the end they sync, and every report, order and redemption
// is on the server exactly once, with the points spent once. Registered as `sdk_restart`
// (SQLite) and `sdk_restart_pg` (PostgreSQL, in ctest's `pg` fixture).
//
//   SC_RESTART_KILLS=N        kills in a run (default 5; 3 under sanitizers)
//   SC_RESTART_OPERATIONS=N   operations per app (default 150; 60 under sanitizers)
//   SC_RESTART_SEED=S         replays the kill moments and the mix (the seed is printed)
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.hpp"
#include "support/outbox_workload.hpp"
#include "support/sdk_call.hpp"
#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;

namespace {

#if defined(SC_UNDER_SANITIZER)
constexpr long kDefaultKills = 3;
constexpr long kDefaultOperations = 60;
#else
constexpr long kDefaultKills = 5;
constexpr long kDefaultOperations = 150;
#endif

}  // namespace

TEST_CASE("the server killed with SIGKILL under load: nothing lost, nothing doubled") {
    const long kills = env_number("SC_RESTART_KILLS", kDefaultKills);
    const int operations = static_cast<int>(env_number("SC_RESTART_OPERATIONS", kDefaultOperations));
    const auto seed = static_cast<std::uint64_t>(
        env_number("SC_RESTART_SEED", static_cast<long>(std::random_device{}() & 0x7fffffff)));
    MESSAGE("server restarts: seed " << seed << ", " << kills << " kills, " << operations << " operations per app");

    ServerProcess server;
    std::vector<Workload> work;
    for (std::size_t i = 0; i < 3; ++i) work.push_back(start_workload(server, workload_customers()[i]));
    std::vector<TempDir> dirs(work.size());
    std::vector<selfcare::Client> apps;
    for (std::size_t i = 0; i < work.size(); ++i) {
        // A timeout well above a loaded machine's answer time: what is tested is the kill, and a
        // request the dead server never answers ends at once with the cut connection.
        apps.push_back(open_sdk_client(json{{"data_dir", dirs[i].path().string()},
                                            {"server", server.base_url()},
                                            {"network", {{"connect_timeout_ms", 2000}, {"timeout_ms", 5000}}}}));
        sign_in_customer(apps[i], work[i].msisdn);
    }

    std::atomic<int> writing{static_cast<int>(work.size())};
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < work.size(); ++i) {
        threads.emplace_back([&, i] {
            std::mt19937_64 rng(seed + i);
            for (int op = 0; op < operations; ++op) run_operation(apps[i], work[i], op, rng);
            --writing;
        });
    }
    // Kill at random moments while the apps write; bring the server back after a random outage.
    std::mt19937_64 rng(seed);
    int killed = 0;
    for (; killed < kills && writing > 0; ++killed) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200 + rng() % 1500));
        server.kill_hard();
        std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 500));
        server.restart();
    }
    for (auto& t : threads) t.join();
    MESSAGE("killed the server " << killed << " times while the apps wrote");
    CHECK(killed > 0);

    for (std::size_t i = 0; i < work.size(); ++i) {
        MESSAGE(work[i].msisdn << ": " << work[i].ticket_descriptions.size() << " reports, " << work[i].quote_ids.size()
                               << " orders, " << work[i].redemptions << " redemptions, " << work[i].queued << " queued");
        CHECK(drain_outbox(apps[i], 200));
        check_exactly_once(server, apps[i], work[i]);
    }
}
