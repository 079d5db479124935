// SPDX-License-Identifier: Apache-2.0
// A store created by every earlier schema version upgrades to the newest with its data intact.
#include <doctest/doctest.h>

#include "store/encryption.hpp"
#include "store/migrations.hpp"
#include "store_fixture.hpp"

using namespace selfcare;
using store::RecordKind;

TEST_CASE("migrations are numbered 1..N and recorded") {
    const auto all = store::all_migrations();
    REQUIRE_FALSE(all.empty());
    for (std::size_t i = 0; i < all.size(); ++i) CHECK(all[i].version == static_cast<int>(i) + 1);
    test::StoreFixture f;
    auto s = f.open();
    CHECK(s->info().schema_version == store::latest_schema_version());
}

TEST_CASE("a store of every earlier version upgrades with its data") {
    for (int from = 1; from < store::latest_schema_version(); ++from) {
        CAPTURE(from);
        test::StoreFixture f;
        {
            auto old = f.open({store::Verify::kQuick, from});
            CHECK(old->info().schema_version == from);
            // Version 1 already holds the cache; later versions add to it.
            REQUIRE(old->put_record(RecordKind::kTicket, {"TT-1", "pending", f.clock.now(), "{}", f.clock.now()}).ok());
        }
        auto s = f.open();
        CHECK(s->info().schema_version == store::latest_schema_version());
        CHECK(s->get_record(RecordKind::kTicket, "TT-1").value()->status == "pending");
        CHECK(s->enqueue("ticket.create", "{}").ok());
    }
}

TEST_CASE("an interrupted migration leaves the whole previous version") {
    test::StoreFixture f;
    { auto old = f.open({store::Verify::kQuick, 1}); }
    // Block migration 2 by creating the table it creates, as a half-applied attempt would not.
    auto key = f.keys.load();
    auto db = store::Connection::open(f.db, false);
    REQUIRE(db.ok());
    REQUIRE(store::apply_key(*db, *key).ok());
    REQUIRE(db->exec("CREATE TABLE outbox (x INTEGER)", "test").ok());
    auto r = store::migrate(*db, f.clock.now());
    REQUIRE_FALSE(r.ok());
    CHECK(store::schema_version(*db).value() == 1);
    CHECK(db->query_int("SELECT count(*) FROM schema_migrations", "test").value() == 1);
}
