// SPDX-License-Identifier: Apache-2.0
// wipe() leaves nothing of the customer behind: database, WAL, shared memory, key check, key.
#include <doctest/doctest.h>

#include "store_fixture.hpp"

using namespace selfcare;

TEST_CASE("wipe removes the database, its side files and its key") {
    test::StoreFixture f;
    auto s = f.open();
    REQUIRE(s->enqueue("ticket.create", R"({"contact":"13912345678"})").ok());
    REQUIRE(std::filesystem::exists(f.dir / "selfcare.db-wal"));
    REQUIRE(s->wipe().ok());
    CHECK(test::files_under(f.dir.path()).empty());
    CHECK(s->outbox().error().id == "storage.io");  // the object is closed for good

    auto fresh = f.open();  // a new customer gets a new, empty store with a new key
    CHECK(fresh->info().created);
    CHECK(fresh->outbox().value().empty());
}

TEST_CASE("a damaged store can still be wiped without opening it") {
    test::StoreFixture f;
    { auto s = f.open(); }
    test::write_bytes(f.db, "damaged");
    REQUIRE(f.try_open().error().id == "storage.corrupt");
    REQUIRE(store::Store::wipe(f.db, f.keys).ok());
    CHECK(test::files_under(f.dir.path()).empty());
}
