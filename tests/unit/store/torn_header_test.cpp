// SPDX-License-Identifier: Apache-2.0
// The head of the database file holds SQLCipher's salt, and every checkpoint rewrites page 1.
// A power cut that tears that write used to leave a store nothing could read, though the
// write-ahead log still held every page (found by the power-loss test, RELIABILITY.md item 2).
// The salt now comes from the key, so the bytes at the head of the file are never needed.
#include <doctest/doctest.h>

#include <fstream>

#include "store/encryption.hpp"
#include "store/migrations.hpp"
#include "store_fixture.hpp"

using namespace selfcare;
using store::RecordKind;

namespace {

void fill(store::Store& s, const domain::Clock& clock) {
    for (int i = 0; i < 20; ++i) {
        REQUIRE(s.put_record(RecordKind::kTicket, {"TT-" + std::to_string(i), "inProgress", clock.now(),
                                                   std::string(200, 'x'), clock.now()})
                    .ok());
    }
    REQUIRE(s.enqueue("tickets.create", R"({"description":"queued"})").ok());
}

// Overwrites the salt (the first 16 bytes of the file) as a torn write of page 1 leaves it.
void tear_salt(const std::filesystem::path& db) {
    std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
    REQUIRE(f);
    const std::string garbage(16, '\x5a');
    f.seekp(0);
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
}

void expect_contents(store::Store& s) {
    CHECK(s.count_records(RecordKind::kTicket).value() == 20);
    CHECK(s.outbox_pending_count().value() == 1);
}

}  // namespace

TEST_CASE("regression: a store whose salt at the head of the file was torn by a power cut still opens whole") {
    test::StoreFixture f;
    {
        auto s = f.open();
        fill(*s, f.clock);
    }
    tear_salt(f.db);
    auto s = f.open({store::Verify::kFull, -1});
    expect_contents(*s);
}

TEST_CASE("a store created when the salt was random (kept only in the file) still opens") {
    test::StoreFixture f;
    {
        // Created as the store did before: keyed without a salt, so SQLCipher picked one.
        auto key = f.keys.create();
        REQUIRE(key.ok());
        auto db = store::Connection::open(f.db, /*create=*/true);
        REQUIRE(db.ok());
        REQUIRE(store::apply_key(*db, *key, store::SaltSource::kFromFile).ok());
        REQUIRE(store::configure_connection(*db).ok());
        REQUIRE(store::migrate(*db, f.clock.now()).ok());
    }
    {
        auto s = f.open();
        fill(*s, f.clock);
    }
    auto s = f.open({store::Verify::kFull, -1});
    expect_contents(*s);
}
