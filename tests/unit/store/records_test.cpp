// SPDX-License-Identifier: Apache-2.0
// Cached server data survives a reopen and says when it was fetched.
#include <doctest/doctest.h>

#include <thread>
#include <vector>

#include "store/migrations.hpp"
#include "store_fixture.hpp"

using namespace selfcare;
using namespace std::chrono_literals;
using store::CachedRecord;
using store::RecordKind;

TEST_CASE("a new store is created with its key; reopening finds the same data") {
    test::StoreFixture f;
    {
        auto s = f.open();
        CHECK(s->info().created);
        CHECK(s->info().schema_version == store::latest_schema_version());
        REQUIRE(s->put_record(RecordKind::kTicket,
                              {"TT-1", "inProgress", test::test_epoch(), R"({"id":"TT-1"})", f.clock.now()})
                    .ok());
        REQUIRE(s->put_cache_entry("account.summary", R"({"balance":1250})", f.clock.now()).ok());
    }
    f.clock.advance(2h);
    auto s = f.open();
    CHECK_FALSE(s->info().created);
    auto t = s->get_record(RecordKind::kTicket, "TT-1");
    REQUIRE(t.ok());
    REQUIRE(t->has_value());
    CHECK((*t)->status == "inProgress");
    CHECK((*t)->fetched_at == test::test_epoch());  // 2 hours old: the caller can say so
    auto c = s->get_cache_entry("account.summary");
    REQUIRE(c.ok());
    REQUIRE(c->has_value());
    CHECK((*c)->payload == R"({"balance":1250})");
    CHECK_FALSE(s->get_record(RecordKind::kOrder, "TT-1")->has_value());  // kinds are separate
}

TEST_CASE("lists are newest first, filtered by status and paged") {
    test::StoreFixture f;
    auto s = f.open();
    for (int i = 0; i < 30; ++i) {
        const std::string status = i % 3 == 0 ? "resolved" : "inProgress";
        REQUIRE(s->put_record(RecordKind::kTicket, {"TT-" + std::to_string(i), status,
                                                    test::test_epoch() + std::chrono::minutes(i),
                                                    "{}", f.clock.now()})
                    .ok());
    }
    auto resolved = s->list_records(RecordKind::kTicket, {"resolved", 100, 0});
    REQUIRE(resolved.ok());
    REQUIRE(resolved->size() == 10);
    CHECK(resolved->front().id == "TT-27");
    CHECK(resolved->back().id == "TT-0");
    auto page = s->list_records(RecordKind::kTicket, {std::nullopt, 5, 5});
    REQUIRE(page->size() == 5);
    CHECK(page->front().id == "TT-24");
    CHECK(s->count_records(RecordKind::kTicket).value() == 30);

    // Replacing keeps one row per id.
    REQUIRE(s->put_record(RecordKind::kTicket, {"TT-0", "closed", test::test_epoch(), "{}", f.clock.now()}).ok());
    CHECK(s->count_records(RecordKind::kTicket).value() == 30);
    CHECK(s->get_record(RecordKind::kTicket, "TT-0").value()->status == "closed");
    REQUIRE(s->remove_record(RecordKind::kTicket, "TT-0").ok());
    CHECK(s->count_records(RecordKind::kTicket).value() == 29);
}

TEST_CASE("a failed transaction leaves nothing behind") {
    test::StoreFixture f;
    auto s = f.open();
    auto r = s->transaction([&]() -> domain::Result<void> {
        if (auto w = s->put_record(RecordKind::kOrder, {"PO-1", "acknowledged", f.clock.now(), "{}", f.clock.now()}); !w) return w;
        return domain::make_error(domain::ErrorCode::kConflict, "order.test", "refused");
    });
    CHECK(r.error().id == "order.test");
    CHECK(s->count_records(RecordKind::kOrder).value() == 0);

    REQUIRE(s->transaction([&]() -> domain::Result<void> {
                 if (auto w = s->put_record(RecordKind::kOrder, {"PO-2", "acknowledged", f.clock.now(), "{}", f.clock.now()}); !w) return w;
                 return s->enqueue("order.place", R"({"quote":"Q-1"})").ok()
                            ? domain::success()
                            : domain::make_error(domain::ErrorCode::kInternal, "x", "enqueue");
             }).ok());
    CHECK(s->count_records(RecordKind::kOrder).value() == 1);
    CHECK(s->outbox_pending_count().value() == 1);
}

TEST_CASE("the store may be used from several threads at once") {
    test::StoreFixture f;
    auto s = f.open();
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                const std::string id = std::to_string(t) + "-" + std::to_string(i);
                CHECK(s->put_record(RecordKind::kWorkOrder, {id, "assigned", f.clock.now(), "{}", f.clock.now()}).ok());
                CHECK(s->get_record(RecordKind::kWorkOrder, id).ok());
                CHECK(s->enqueue("workorder.update", R"({"n":1})").ok());
            }
        });
    }
    for (auto& t : threads) t.join();
    CHECK(s->count_records(RecordKind::kWorkOrder).value() == 200);
    CHECK(s->outbox_pending_count().value() == 200);
}

// A refresh fetched before an update may reach the cache after the update's own answer; the
// caller decides from the cached copy, and no other write may fall between its look and its write.
TEST_CASE("a conditional write keeps the newer cached copy, from several threads and inside a transaction") {
    test::StoreFixture f;
    auto s = f.open();
    const auto newer_is_cached = [](const std::string& incoming) {
        return [incoming](const CachedRecord& cached) { return std::stoll(cached.payload) > std::stoll(incoming); };
    };
    const auto write = [&](const std::string& revision) {
        return s->put_record_unless(RecordKind::kWorkOrder, {"WO-1", "onSite", f.clock.now(), revision, f.clock.now()},
                                    newer_is_cached(revision));
    };

    CHECK(write("3").value());   // nothing cached: written, the predicate not asked
    CHECK_FALSE(write("2").value());  // older: the cached copy stays
    CHECK(s->get_record(RecordKind::kWorkOrder, "WO-1").value()->payload == "3");
    CHECK(write("3").value());   // as new: the later fetch wins
    CHECK(write("4").value());
    CHECK(s->get_record(RecordKind::kWorkOrder, "WO-1").value()->payload == "4");

    // Inside a transaction (as a list refresh writes), rolled back with it.
    auto tx = s->transaction([&]() -> domain::Result<void> {
        if (auto w = write("9"); !w) return w.error();
        return domain::make_error(domain::ErrorCode::kConflict, "test.rollback", "rolled back");
    });
    CHECK(tx.error().id == "test.rollback");
    CHECK(s->get_record(RecordKind::kWorkOrder, "WO-1").value()->payload == "4");

    // Racing writers in any order leave the highest revision.
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 40; ++i) CHECK(write(std::to_string(10 + (i * 4 + t * 7) % 160)).ok());
        });
    }
    for (auto& t : threads) t.join();
    CHECK(s->get_record(RecordKind::kWorkOrder, "WO-1").value()->payload == "169");
}
