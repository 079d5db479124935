// SPDX-License-Identifier: Apache-2.0
// Exactly once over a hostile network: four customers' apps (one SDK client and one thread each)
// report faults, place orders and redeem points through a ChaosProxy that drops answers after
// the server committed, holds requests past the client's timeout and resets connections.
// Afterwards every report, order and redemption is on the server exactly once, nothing is left
// pending or failed on a device, no outbox item was ever in flight twice at once, and the
// retries waited a jittered, growing backoff.
//
//   SC_CHAOS_OPERATIONS=N   outbox operations in all (default 2000; 300 under sanitizers)
//   SC_CHAOS_SEED=S         replays the network's choices (the seed is printed)
#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <algorithm>
#include <map>
#include <utility>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.hpp"
#include "support/chaos_proxy.hpp"
#include "support/outbox_workload.hpp"
#include "support/sdk_call.hpp"
#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;

namespace {

#if defined(SC_UNDER_SANITIZER)
constexpr long kDefaultOperations = 300;  // every call is several times slower instrumented
#else
constexpr long kDefaultOperations = 2000;
#endif

constexpr int kTimeoutMs = 400;  // the SDK's; the proxy holds delayed requests longer

double mean(const std::vector<double>& v) {
    double sum = 0;
    for (double x : v) sum += x;
    return v.empty() ? 0 : sum / static_cast<double>(v.size());
}

}  // namespace

TEST_CASE("2,000 outbox operations through a hostile network land exactly once") {
    const long operations = env_number("SC_CHAOS_OPERATIONS", kDefaultOperations);
    const auto seed = static_cast<std::uint64_t>(
        env_number("SC_CHAOS_SEED", static_cast<long>(std::random_device{}() & 0x7fffffff)));
    MESSAGE("chaos network: seed " << seed << ", " << operations << " operations");

    ServerProcess server;
    ChaosProxy proxy(server.port(), std::chrono::milliseconds(kTimeoutMs + 300), seed);

    std::vector<Workload> work;
    for (const auto& msisdn : workload_customers()) work.push_back(start_workload(server, msisdn));
    std::vector<TempDir> dirs(work.size());
    std::vector<selfcare::Client> apps;
    for (std::size_t i = 0; i < work.size(); ++i) {
        apps.push_back(open_sdk_client(json{{"data_dir", dirs[i].path().string()},
                                            {"server", proxy.base_url()},
                                            {"network", {{"connect_timeout_ms", 2000}, {"timeout_ms", kTimeoutMs}}}}));
        sign_in_customer(apps[i], work[i].msisdn);  // not an outbox write: the proxy passes it
    }

    // Each app writes its share, then syncs until its outbox is empty; the network stays hostile.
    const int per_app = static_cast<int>(operations / static_cast<long>(work.size()));
    std::vector<char> drained(work.size(), 0);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < work.size(); ++i) {
        threads.emplace_back([&, i] {
            std::mt19937_64 rng(seed + i);
            for (int op = 0; op < per_app; ++op) run_operation(apps[i], work[i], op, rng);
            drained[i] = drain_outbox(apps[i]) ? 1 : 0;
        });
    }
    for (auto& t : threads) t.join();

    for (std::size_t i = 0; i < work.size(); ++i) {
        MESSAGE(work[i].msisdn << ": " << work[i].ticket_descriptions.size() << " reports, " << work[i].quote_ids.size()
                               << " orders, " << work[i].redemptions << " redemptions, " << work[i].queued << " queued");
        CHECK(drained[i] == 1);
        check_exactly_once(server, apps[i], work[i]);
    }

    // The network really was hostile, the SDK never had an item in flight twice, and its retries
    // waited a random, growing time: on average longer after a second failure than after a
    // first, and not all the same.
    const auto counts = proxy.action_counts();
    const std::pair<ChaosProxy::Action, const char*> actions[] = {
        {ChaosProxy::Action::kPass, "passed"}, {ChaosProxy::Action::kDrop, "dropped after commit"},
        {ChaosProxy::Action::kDelay, "held past the timeout"}, {ChaosProxy::Action::kResetBefore, "reset before"},
        {ChaosProxy::Action::kResetAfter, "reset after commit"}};
    for (const auto& [action, label] : actions) {
        const std::string name = label;
        CAPTURE(name);
        CHECK(counts.count(action) == 1);
        if (counts.count(action) == 1) MESSAGE("attempts " << name << ": " << counts.at(action));
    }
    CHECK(proxy.max_in_flight() == 1);

    // A wait runs from the end of the failed attempt as the client saw it (answer dropped,
    // connection reset, or the client's own timeout) to the next attempt's arrival.
    std::vector<double> first_waits, second_waits;
    std::map<long, int> by_millisecond;
    for (const auto& [item, attempts] : proxy.attempts()) {
        for (std::size_t k = 1; k < attempts.size() && k <= 2; ++k) {
            const auto wait = std::chrono::duration<double, std::milli>(attempts[k].arrived - attempts[k - 1].ended).count();
            (k == 1 ? first_waits : second_waits).push_back(wait);
            ++by_millisecond[static_cast<long>(wait)];
        }
    }
    int most_common = 0;
    for (const auto& [ms, n] : by_millisecond) most_common = std::max(most_common, n);
    const auto waits = first_waits.size() + second_waits.size();
    MESSAGE("retry waits: " << first_waits.size() << " after a first failure, mean " << mean(first_waits) << " ms; "
                            << second_waits.size() << " after a second, mean " << mean(second_waits) << " ms; "
                            << by_millisecond.size() << " distinct (ms), the most common " << most_common << " times");
    REQUIRE(first_waits.size() >= 10);
    // Jitter: the waits are spread out. (libcurl itself resends at once, once, a request whose
    // reused connection closed before any byte of an answer: those are the waits near 0 ms.)
    CHECK(by_millisecond.size() >= 10);
    CHECK(static_cast<std::size_t>(most_common) < waits);
    if (second_waits.size() >= 10) CHECK(mean(second_waits) > mean(first_waits));
}
