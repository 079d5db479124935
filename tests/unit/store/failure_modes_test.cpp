// SPDX-License-Identifier: Apache-2.0
// Every way an open can fail is reported as its own error, and none of them deletes, recreates
// or rewrites the database.
#include <doctest/doctest.h>

#include "store/encryption.hpp"
#include "store_fixture.hpp"

using namespace selfcare;
using store::RecordKind;

namespace {

// A closed store holding one ticket; returns the database bytes.
std::string make_store(test::StoreFixture& f) {
    auto s = f.open();
    for (int i = 0; i < 50; ++i) {
        REQUIRE(s->put_record(RecordKind::kTicket, {"TT-" + std::to_string(i), "inProgress",
                                                    f.clock.now(), std::string(300, 'x'), f.clock.now()})
                    .ok());
    }
    s.reset();
    return test::read_bytes(f.db);
}

}  // namespace

TEST_CASE("a wrong key is told apart and leaves the file untouched") {
    test::StoreFixture f;
    const std::string before = make_store(f);
    REQUIRE(f.keys.destroy().ok());
    REQUIRE(f.keys.create().ok());  // a different random key

    auto r = f.try_open();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().id == "storage.wrong_key");
    CHECK(r.error().code == domain::ErrorCode::kStorage);
    CHECK(test::read_bytes(f.db) == before);
    CHECK_FALSE(std::filesystem::exists(f.dir / "selfcare.db-wal"));
}

TEST_CASE("a missing key is key_unavailable, and no new key is made for an existing store") {
    test::StoreFixture f;
    const std::string before = make_store(f);
    REQUIRE(f.keys.destroy().ok());
    auto r = f.try_open();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().id == "storage.key_unavailable");
    CHECK_FALSE(std::filesystem::exists(f.key_path));
    CHECK(test::read_bytes(f.db) == before);
}

TEST_CASE("an unreadable key file is key_unavailable") {
    test::StoreFixture f;
    make_store(f);
    test::write_bytes(f.key_path, "garbage");
    CHECK(f.try_open().error().id == "storage.key_unavailable");
}

TEST_CASE("a bit flip anywhere is corrupt, and nothing is deleted") {
    test::StoreFixture f;
    const std::string before = make_store(f);
    // The last bytes of a page are SQLCipher padding that no data lives in, so flips go inside.
    for (std::size_t offset : {std::size_t{100}, before.size() / 2, before.size() - 100}) {
        CAPTURE(offset);
        std::string damaged = before;
        damaged[offset] = static_cast<char>(damaged[offset] ^ 0x10);
        test::write_bytes(f.db, damaged);
        auto r = f.try_open();
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().id == "storage.corrupt");
        CHECK(test::read_bytes(f.db) == damaged);
        CHECK(std::filesystem::exists(f.key_path));
    }
}

TEST_CASE("a truncated file is corrupt, and nothing is deleted") {
    test::StoreFixture f;
    const std::string before = make_store(f);
    for (std::size_t size : {before.size() / 2, std::size_t{4096} + 100, std::size_t{10}}) {
        CAPTURE(size);
        const std::string truncated = before.substr(0, size);
        test::write_bytes(f.db, truncated);
        auto r = f.try_open();
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().id == "storage.corrupt");
        CHECK(test::read_bytes(f.db) == truncated);
    }
}

TEST_CASE("a store from a newer build is refused, not downgraded") {
    test::StoreFixture f;
    make_store(f);
    {
        auto s = f.open();
    }
    // Simulate a newer build by raising user_version through a keyed connection.
    auto key = f.keys.load();
    REQUIRE(key.ok());
    auto db = store::Connection::open(f.db, false);
    REQUIRE(db.ok());
    REQUIRE(store::apply_key(*db, *key).ok());
    REQUIRE(db->exec("PRAGMA user_version = 999", "test").ok());
    db = store::Connection::open(f.db, false);  // close the raw connection
    auto r = f.try_open();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().id == "storage.too_new");
}

TEST_CASE("a folder that cannot be written is storage.io") {
    test::StoreFixture f;
    auto r = store::Store::open(f.dir / "missing-folder" / "selfcare.db", f.keys, f.clock);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().id == "storage.io");
}
