// SPDX-License-Identifier: Apache-2.0
// account.summary answered from the encrypted cache, through the C ABI (sc_call: JSON text in,
// command lookup, JSON text out, malloc'd copy) against its baseline, the same flow called in C++
// (flows::account_summary on a FlowContext over the same store file, answer left as a Json).
// Argument 1: the server is configured but its port refuses connections, as for a phone that has
// lost the server; the flow asks the network first (with its retries) and then answers the cache.
// Argument 0: no server configured, so the flow goes straight to the cache: the local path alone.
// BM_RefusedConnect is one refused attempt through the SDK's HTTP client, to split the first case.
#include <benchmark/benchmark.h>

#include <optional>
#include <string>

#include "flows/flow_context.hpp"
#include "flows/query_flow.hpp"
#include "net/http.hpp"
#include "platform_default/file_key_store.hpp"
#include "platform_default/system_clock.hpp"
#include "sdk_fixture.hpp"
#include "store/store.hpp"

namespace {

using namespace selfcare;
using bench::CachedCustomer;

const char* label_of(bool server_configured) {
    return server_configured ? "server configured, port closed" : "no server configured (cache only)";
}

void BM_SummaryViaCAbi(benchmark::State& state) {
    const bool server_configured = state.range(0) != 0;
    const auto& customer = CachedCustomer::get();
    auto client = bench::open_client(bench::client_config(customer.dir(), server_configured ? customer.server_url() : ""));
    std::string first;
    if (bench::call(client.get(), "account.summary", "{}", &first) != SC_OK || !bench::is_stale_answer(first)) {
        state.SkipWithError("account.summary did not answer from the cache");
        return;
    }
    for (auto _ : state) {
        char* out = nullptr;
        const int status = sc_call(client.get(), "account.summary", "{}", &out);
        benchmark::DoNotOptimize(out);
        sc_free(out);
        if (status != SC_OK) {
            state.SkipWithError("account.summary failed");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations());
    state.SetLabel(label_of(server_configured));
}

void BM_SummaryInCpp(benchmark::State& state) {
    const bool server_configured = state.range(0) != 0;
    const auto& customer = CachedCustomer::get();
    const platform_default::SystemClock clock;
    platform_default::FileKeyStore keys(customer.dir() / "keys" / "store.key");
    auto store = store::Store::open(customer.dir() / "selfcare.db", keys, clock);
    if (!store) {
        state.SkipWithError(store.error().message.c_str());
        return;
    }
    // The transport the C ABI client builds from the same config.
    std::optional<net::TransportConfig> transport;
    if (server_configured) {
        transport.emplace();
        transport->base_url = customer.server_url();
    }
    flows::FlowContext ctx(**store, clock, transport, [](const std::string&, const flows::Json&) {});
    const flows::Json args = flows::Json::object();
    if (auto first = flows::account_summary(ctx, args); !first || !first->value("stale", false)) {
        state.SkipWithError("account.summary did not answer from the cache");
        return;
    }
    for (auto _ : state) {
        auto r = flows::account_summary(ctx, args);
        benchmark::DoNotOptimize(r);
        if (!r) {
            state.SkipWithError("account.summary failed");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations());
    state.SetLabel(label_of(server_configured));
}

// One attempt, no retry: what each of the flow's network attempts costs on loopback.
void BM_RefusedConnect(benchmark::State& state) {
    net::TransportConfig transport;
    transport.base_url = CachedCustomer::get().server_url();
    net::HttpClient http(transport);
    const auto request = net::HttpRequest::get("/selfcare/v1/account");
    for (auto _ : state) {
        auto r = http.send(request);
        if (r) {
            state.SkipWithError("the closed port answered");
            break;
        }
        benchmark::DoNotOptimize(r);
    }
    state.SetLabel("network.unreachable");
}

BENCHMARK(BM_SummaryViaCAbi)->Arg(0)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_SummaryInCpp)->Arg(0)->Unit(benchmark::kMicrosecond)->UseRealTime();
// Each call waits out the retry backoff (hundreds of ms): a fixed, modest number of calls.
BENCHMARK(BM_SummaryViaCAbi)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(20);
BENCHMARK(BM_SummaryInCpp)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(20);
BENCHMARK(BM_RefusedConnect)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace
