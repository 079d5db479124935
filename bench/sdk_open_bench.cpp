// SPDX-License-Identifier: Apache-2.0
// A cold start offline: sc_client_open on an existing data folder plus the first account.summary,
// answered from the cache, against its baseline, opening the bare encrypted store
// (store::Store::open with the same key file and the same default checks as the client). Closing
// is not timed. Argument 1: the config names the server and its port is closed (the first answer
// then waits for the network attempts); argument 0: no server configured.
#include <benchmark/benchmark.h>

#include <chrono>
#include <string>

#include "platform_default/file_key_store.hpp"
#include "platform_default/system_clock.hpp"
#include "sdk_fixture.hpp"
#include "store/store.hpp"

namespace {

using namespace selfcare;
using bench::CachedCustomer;
using Clock = std::chrono::steady_clock;

double seconds_between(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

void BM_OpenToFirstCachedAnswer(benchmark::State& state) {
    const bool server_configured = state.range(0) != 0;
    const auto& customer = CachedCustomer::get();
    const std::string config = bench::client_config(customer.dir(), server_configured ? customer.server_url() : "");
    for (auto _ : state) {
        const auto start = Clock::now();
        sc_client* client = nullptr;
        const int opened = sc_client_open(config.c_str(), &client, nullptr);
        char* out = nullptr;
        const int status = opened == SC_OK ? sc_call(client, "account.summary", "{}", &out) : opened;
        const auto answered = Clock::now();
        const bool stale = status == SC_OK && bench::is_stale_answer(out);
        sc_free(out);
        sc_client_close(client);
        if (!stale) {
            state.SkipWithError("the first account.summary did not come from the cache");
            break;
        }
        state.SetIterationTime(seconds_between(start, answered));
    }
    state.SetLabel(server_configured ? "server configured, port closed" : "no server configured");
}

void BM_StoreOpen(benchmark::State& state) {
    const auto& customer = CachedCustomer::get();
    const platform_default::SystemClock clock;
    for (auto _ : state) {
        const auto start = Clock::now();
        platform_default::FileKeyStore keys(customer.dir() / "keys" / "store.key");
        auto store = store::Store::open(customer.dir() / "selfcare.db", keys, clock);
        const auto opened = Clock::now();
        if (!store) {
            state.SkipWithError(store.error().message.c_str());
            break;
        }
        state.SetIterationTime(seconds_between(start, opened));
    }
    state.SetLabel("baseline: bare store, quick_check");
}

BENCHMARK(BM_StoreOpen)->Unit(benchmark::kMillisecond)->UseManualTime();
BENCHMARK(BM_OpenToFirstCachedAnswer)->Arg(0)->Unit(benchmark::kMillisecond)->UseManualTime();
BENCHMARK(BM_OpenToFirstCachedAnswer)->Arg(1)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(20);

}  // namespace
