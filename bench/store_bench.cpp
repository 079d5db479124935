// SPDX-License-Identifier: Apache-2.0
// The encrypted store against its baseline: the same SQLCipher library with no key (plain SQLite
// 3.15), same schema, same SQL (store/records.hpp, store/outbox.hpp), same pragmas, one run.
// Argument 1 = encrypted, 0 = plain. bench/README.md records the figures and the ratios.
#include <benchmark/benchmark.h>

#include <memory>
#include <random>
#include <string>

#include "platform_default/file_key_store.hpp"
#include "platform_default/system_clock.hpp"
#include "store/encryption.hpp"
#include "store/migrations.hpp"
#include "store/outbox.hpp"
#include "store/records.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace {

using namespace selfcare;
using store::CachedRecord;
using store::Connection;
using store::RecordKind;

constexpr int kTickets = 10'000;
const platform_default::SystemClock kClock;

// A ticket as the server sends it: about 600 bytes of JSON.
std::string ticket_json(int i) {
    return R"({"id":"TT-)" + std::to_string(i) +
           R"(","@type":"TroubleTicket","ticketType":"network","severity":"major",)"
           R"("description":"家里宽带从昨晚开始断网，光猫 LOS 灯红色闪烁，重启无效",)"
           R"("status":"inProgress","channel":{"name":"kiosk"},"relatedParty":[{"role":"customer",)"
           R"("id":"13800138000"}],"note":[{"date":"2026-11-02T09:00:00Z","text":"已派单"}],)"
           R"("expectedResolutionDate":"2026-11-03T09:00:00Z","x-tier":"store","x-address":)"
           R"("幸福路 12 号 3 单元 501","x-appointment":{"start":"2026-11-03T09:00:00Z",)"
           R"("end":"2026-11-03T12:00:00Z"}})";
}

const char* status_of(int i) {
    static const char* kStatuses[] = {"acknowledged", "inProgress", "pending", "held", "resolved", "closed"};
    return kStatuses[i % 6];
}

// One database in a temp folder, keyed or not, migrated, configured like the store.
struct Db {
    test::TempDir dir;
    platform_default::FileKeyStore keys{dir / "store.key"};
    std::optional<Connection> conn;

    explicit Db(bool encrypted) {
        conn.emplace(std::move(Connection::open(dir / "bench.db", true)).value());
        if (encrypted) {
            auto key = keys.create();
            (void)store::apply_key(*conn, *key);
        }
        (void)store::configure_connection(*conn);
        (void)store::migrate(*conn, kClock.now());
    }

    void fill(int n) {
        (void)conn->exec("BEGIN", "bench");
        for (int i = 0; i < n; ++i) {
            (void)store::put_record(*conn, RecordKind::kTicket,
                                    {"TT-" + std::to_string(i), status_of(i),
                                     kClock.now() + std::chrono::seconds(i), ticket_json(i), kClock.now()});
        }
        (void)conn->exec("COMMIT", "bench");
    }
};

void label(benchmark::State& state) { state.SetLabel(state.range(0) ? "encrypted" : "plain"); }

void BM_BulkInsert10k(benchmark::State& state) {
    for (auto _ : state) {
        state.PauseTiming();
        Db db(state.range(0) != 0);
        state.ResumeTiming();
        db.fill(kTickets);
    }
    state.SetItemsProcessed(state.iterations() * kTickets);
    label(state);
}

void BM_PointRead(benchmark::State& state) {
    Db db(state.range(0) != 0);
    db.fill(kTickets);
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> pick(0, kTickets - 1);
    for (int i = 0; i < kTickets; ++i) (void)store::get_record(*db.conn, RecordKind::kTicket, "TT-" + std::to_string(i));  // warm
    for (auto _ : state) {
        auto r = store::get_record(*db.conn, RecordKind::kTicket, "TT-" + std::to_string(pick(rng)));
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
    label(state);
}

void BM_IndexedList(benchmark::State& state) {
    Db db(state.range(0) != 0);
    db.fill(kTickets);
    for (auto _ : state) {
        auto r = store::list_records(*db.conn, RecordKind::kTicket, {"inProgress", 50, 0});
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
    label(state);
}

void BM_FullScan(benchmark::State& state) {
    Db db(state.range(0) != 0);
    db.fill(kTickets);
    for (auto _ : state) {
        // Touches every row's payload, so every page is read and (when encrypted) decrypted.
        auto r = db.conn->query_int("SELECT sum(length(payload)) FROM records", "bench");
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations() * kTickets);
    label(state);
}

void BM_OutboxEnqueue(benchmark::State& state) {
    Db db(state.range(0) != 0);
    const std::string payload = ticket_json(1);
    for (auto _ : state) {
        auto r = store::outbox_enqueue(*db.conn, "ticket.create", payload, kClock.now());
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
    label(state);
}

// Opening an existing store of 1,000 tickets. Encrypted: the real Store::open with the raw key
// from the file key store (key load, key check, schema probe, migrations check), without the
// optional full-file quick_check. Plain: open + schema probe + the same pragmas.
void BM_Open(benchmark::State& state) {
    const bool encrypted = state.range(0) != 0;
    Db db(encrypted);
    db.fill(1000);
    const auto path = db.dir / "bench.db";
    if (encrypted) {
        // Make it a real store (key check beside it), then close the setup connection.
        db.conn.reset();
        auto s = store::Store::open(path, db.keys, kClock);
        if (!s) state.SkipWithError(s.error().message.c_str());
    }
    db.conn.reset();
    for (auto _ : state) {
        if (encrypted) {
            auto s = store::Store::open(path, db.keys, kClock, {store::Verify::kNone, -1});
            benchmark::DoNotOptimize(s);
        } else {
            auto c = Connection::open(path, false);
            (void)store::probe_readable(*c);
            (void)store::configure_connection(*c);
            benchmark::DoNotOptimize(c);
        }
    }
    label(state);
}

void BM_OpenWithQuickCheck(benchmark::State& state) {
    Db db(true);
    db.fill(1000);
    const auto path = db.dir / "bench.db";
    db.conn.reset();
    { auto s = store::Store::open(path, db.keys, kClock); }
    for (auto _ : state) {
        auto s = store::Store::open(path, db.keys, kClock, {store::Verify::kQuick, -1});
        benchmark::DoNotOptimize(s);
    }
    state.SetLabel("encrypted, quick_check");
}

BENCHMARK(BM_BulkInsert10k)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_PointRead)->Arg(0)->Arg(1);
BENCHMARK(BM_IndexedList)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FullScan)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OutboxEnqueue)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Open)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OpenWithQuickCheck)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
