// SPDX-License-Identifier: Apache-2.0
// A device's store with random bits flipped, opened the way an app opens it (sc_client_open
// through selfcare.hpp), many times over: each copy opens and holds exactly what was written
// (the flip hit bytes no data lives in), or the open fails with a documented storage error.
// Never a crash, never a file deleted, rewritten or left behind.
//
//   SC_CORRUPTION_ITERATIONS=N   copies to try (default 1000; 150 under sanitizers)
//   SC_CORRUPTION_SEED=S         replay a run (every run prints its seed)
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform_default/file_key_store.hpp"
#include "selfcare/selfcare.hpp"
#include "store/store.hpp"
#include "support/env_number.hpp"
#include "support/manual_clock.hpp"
#include "support/temp_dir.hpp"

using namespace selfcare;
using selfcare::test::env_number;
using nlohmann::json;

namespace {

#if defined(SC_UNDER_SANITIZER)
constexpr long kDefaultIterations = 150;  // each open is several times slower instrumented
#else
constexpr long kDefaultIterations = 1000;
#endif


// The store an app would have: cached records of every kind, cached documents, queued writes.
struct Contents {
    std::map<std::string, std::string> records;  // kind/id -> payload
    std::int64_t outbox = 0;
};

Contents fill(store::Store& s, const domain::Clock& clock) {
    Contents c;
    const store::RecordKind kinds[] = {store::RecordKind::kTicket, store::RecordKind::kOrder, store::RecordKind::kWorkOrder};
    for (int i = 0; i < 60; ++i) {
        const auto kind = kinds[i % 3];
        const std::string id = "R-" + std::to_string(i);
        const std::string payload = json{{"id", id}, {"note", std::string(150 + i, static_cast<char>('a' + i % 26))}}.dump();
        REQUIRE(s.put_record(kind, {id, "inProgress", clock.now(), payload, clock.now()}).ok());
        c.records[std::string(domain::to_string(kind)) + "/" + id] = payload;
    }
    for (int i = 0; i < 5; ++i) {
        REQUIRE(s.put_cache_entry("doc." + std::to_string(i), R"({"balance":1250})", clock.now()).ok());
    }
    for (int i = 0; i < 5; ++i) REQUIRE(s.enqueue("tickets.create", R"({"description":"queued"})").ok());
    c.outbox = 5;
    return c;
}

Contents read_back(store::Store& s) {
    Contents c;
    for (auto kind : {store::RecordKind::kTicket, store::RecordKind::kOrder, store::RecordKind::kWorkOrder}) {
        auto rows = s.list_records(kind, {std::nullopt, 1000, 0});
        REQUIRE(rows.ok());
        for (const auto& r : *rows) c.records[std::string(domain::to_string(kind)) + "/" + r.id] = r.payload;
    }
    auto pending = s.outbox_pending_count();
    REQUIRE(pending.ok());
    c.outbox = *pending;
    return c;
}

// Every file under `dir` with its bytes.
std::map<std::string, std::string> snapshot(const std::filesystem::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& p : test::files_under(dir)) files[std::filesystem::relative(p, dir).string()] = test::read_bytes(p);
    return files;
}

struct Flip {
    const char* region;
    std::size_t offset;
    int bit;
};

}  // namespace

TEST_CASE("bit-flipped stores: a documented storage error or the data intact, and no file touched") {
    const long iterations = env_number("SC_CORRUPTION_ITERATIONS", kDefaultIterations);
    const unsigned long seed = static_cast<unsigned long>(env_number("SC_CORRUPTION_SEED", static_cast<long>(std::random_device{}() & 0x7fffffff)));
    MESSAGE("bit-flip sweep: seed " << seed << ", " << iterations << " copies (replay: SC_CORRUPTION_SEED=" << seed << ")");

    // The pristine store, made and closed once.
    test::TempDir dir;
    const auto db = dir / "selfcare.db";
    const auto keycheck = dir / "selfcare.db.keycheck";
    Contents written;
    {
        platform_default::FileKeyStore keys(dir / "keys" / "store.key");
        test::ManualClock clock{test::test_epoch()};
        auto s = store::Store::open(db, keys, clock);
        REQUIRE(s.ok());
        written = fill(**s, clock);
    }
    // Opened once through the SDK, so "unchanged" below compares with what an open leaves.
    const json config{{"data_dir", dir.path().string()}};
    {
        selfcare::CallResult err;
        auto client = selfcare::Client::open(config.dump(), &err);
        REQUIRE_MESSAGE(client, err.json);
    }
    const auto pristine = snapshot(dir.path());
    const std::string db_bytes = pristine.at("selfcare.db");
    const std::string keycheck_bytes = pristine.at("selfcare.db.keycheck");
    REQUIRE(pristine.size() == 3);  // the database, its key check, the key

    const std::set<std::string> documented = {"storage.corrupt", "storage.wrong_key"};
    std::mt19937_64 rng(seed);
    std::map<std::string, int> outcomes;
    const auto started = std::chrono::steady_clock::now();
    for (long i = 0; i < iterations; ++i) {
        // One to three flips, each in the first page (SQLCipher's salt and the schema page),
        // anywhere in the file, or in the key check.
        std::string damaged_db = db_bytes, damaged_check = keycheck_bytes;
        std::vector<Flip> flips;
        const int count = std::uniform_int_distribution<int>(1, 3)(rng);
        for (int k = 0; k < count; ++k) {
            const int where = std::uniform_int_distribution<int>(0, 99)(rng);
            std::string& target = where < 80 ? damaged_db : damaged_check;
            const std::size_t span = where < 25 ? std::min<std::size_t>(4096, db_bytes.size()) : target.size();
            const Flip f{where < 25 ? "header" : where < 80 ? "pages" : "keycheck",
                         std::uniform_int_distribution<std::size_t>(0, span - 1)(rng), std::uniform_int_distribution<int>(0, 7)(rng)};
            target[f.offset] = static_cast<char>(target[f.offset] ^ (1 << f.bit));
            flips.push_back(f);
        }
        std::ostringstream what;
        what << "copy " << i << " (seed " << seed << "):";
        for (const auto& f : flips) what << " " << f.region << "@" << f.offset << "^bit" << f.bit;
        CAPTURE(what.str());
        test::write_bytes(db, damaged_db);
        test::write_bytes(keycheck, damaged_check);
        const auto before = snapshot(dir.path());

        selfcare::CallResult err;
        bool opened = false;
        {
            auto client = selfcare::Client::open(config.dump(), &err);
            opened = static_cast<bool>(client);
        }
        auto after = snapshot(dir.path());
        if (!opened) {
            const std::string id = json::parse(err.json)["error"]["code"];
            ++outcomes[id];
            CHECK_MESSAGE(err.status == SC_E_STORAGE, err.json);
            CHECK_MESSAGE(documented.count(id) == 1, "not a documented storage error: " << id);
            CHECK_MESSAGE(after == before, "a refused open changed, removed or left files");
            if (after != before || documented.count(id) == 0) break;  // one report is enough to replay
            continue;
        }
        ++outcomes["opened"];
        // Opened: the flips hit bytes no data lives in. The database is as it was; a damaged key
        // check is the only file the open may write, and only to restore what it was.
        CHECK(after.at("selfcare.db") == damaged_db);
        CHECK((after.at("selfcare.db.keycheck") == damaged_check || after.at("selfcare.db.keycheck") == keycheck_bytes));
        CHECK(after.size() == before.size());
        platform_default::FileKeyStore keys(dir / "keys" / "store.key");
        test::ManualClock clock{test::test_epoch()};
        auto s = store::Store::open(db, keys, clock, {store::Verify::kQuick, -1});
        REQUIRE_MESSAGE(s.ok(), s.error().id);
        const auto got = read_back(**s);
        CHECK(got.records == written.records);
        CHECK(got.outbox == written.outbox);
    }
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    std::ostringstream summary;
    for (const auto& [k, n] : outcomes) summary << " " << k << "=" << n;
    MESSAGE("bit-flip sweep outcomes:" << summary.str() << " in " << took.count() << " ms");
}

TEST_CASE("a wrong or missing key, through the SDK: refused with its own error, nothing touched") {
    test::TempDir dir;
    const auto key_path = dir / "keys" / "store.key";
    {
        platform_default::FileKeyStore keys(key_path);
        test::ManualClock clock{test::test_epoch()};
        auto s = store::Store::open(dir / "selfcare.db", keys, clock);
        REQUIRE(s.ok());
        fill(**s, clock);
    }
    const auto open_error = [&](const json& config) {
        selfcare::CallResult err;
        auto client = selfcare::Client::open(config.dump(), &err);
        CHECK_FALSE(client);
        CHECK(err.status == SC_E_STORAGE);
        return json::parse(err.json)["error"]["code"].get<std::string>();
    };
    const json platform{{"data_dir", dir.path().string()}};

    SUBCASE("the platform key store holds another key") {
        platform_default::FileKeyStore keys(key_path);
        REQUIRE(keys.destroy().ok());
        REQUIRE(keys.create().ok());
        const auto before = snapshot(dir.path());
        CHECK(open_error(platform) == "storage.wrong_key");
        CHECK(snapshot(dir.path()) == before);
    }
    SUBCASE("the app supplies another key") {
        const auto before = snapshot(dir.path());
        json supplied = platform;
        supplied["key"] = {{"provider", "supplied"}, {"hex", std::string(64, '7')}};
        CHECK(open_error(supplied) == "storage.wrong_key");
        CHECK(snapshot(dir.path()) == before);
    }
    SUBCASE("the key is gone: no new key is made for the existing store") {
        std::filesystem::remove(key_path);
        const auto before = snapshot(dir.path());
        CHECK(open_error(platform) == "storage.key_unavailable");
        CHECK(snapshot(dir.path()) == before);
        CHECK_FALSE(std::filesystem::exists(key_path));
    }
}
