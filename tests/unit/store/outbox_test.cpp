// SPDX-License-Identifier: Apache-2.0
// The outbox keeps every accepted command, in order, with one idempotency key for its whole life.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "store_fixture.hpp"

using namespace selfcare;
using namespace std::chrono_literals;

TEST_CASE("outbox entries survive close and reopen, in order, with their keys") {
    test::StoreFixture f;
    std::vector<std::string> keys;
    {
        auto s = f.open();
        for (int i = 0; i < 5; ++i) {
            auto e = s->enqueue("ticket.create", R"({"n":)" + std::to_string(i) + "}");
            REQUIRE(e.ok());
            keys.push_back(e->idempotency_key);
            f.clock.advance(1s);
        }
    }
    auto s = f.open();
    auto all = s->outbox();
    REQUIRE(all.ok());
    REQUIRE(all->size() == 5);
    for (std::size_t i = 0; i < 5; ++i) {
        CAPTURE(i);
        CHECK((*all)[i].payload == R"({"n":)" + std::to_string(i) + "}");
        CHECK((*all)[i].idempotency_key == keys[i]);
        CHECK((*all)[i].created_at == test::test_epoch() + std::chrono::seconds(i));
        CHECK((*all)[i].state == store::OutboxState::kPending);
    }
}

TEST_CASE("idempotency keys are random UUID v4s fixed at enqueue") {
    const std::regex uuid("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        auto k = store::new_idempotency_key();
        REQUIRE(k.ok());
        CHECK(std::regex_match(*k, uuid));
        seen.insert(*k);
    }
    CHECK(seen.size() == 200);
}

TEST_CASE("a failed attempt waits; a refused command stays visible; a delivered one leaves") {
    test::StoreFixture f;
    auto s = f.open();
    const auto a = s->enqueue("ticket.create", "{}").value();
    const auto b = s->enqueue("order.place", "{}").value();
    const auto c = s->enqueue("loyalty.redeem", "{}").value();

    REQUIRE(s->outbox_retry_later(a.seq, "net.timeout", f.clock.now() + 30s).ok());
    auto due = s->outbox_due(10).value();
    REQUIRE(due.size() == 2);
    CHECK(due[0].seq == b.seq);

    REQUIRE(s->outbox_mark_failed(b.seq, "order.not_eligible").ok());
    REQUIRE(s->outbox_remove(c.seq).ok());
    CHECK(s->outbox_due(10).value().empty());
    CHECK(s->outbox_pending_count().value() == 1);

    f.clock.advance(30s);
    due = s->outbox_due(10).value();
    REQUIRE(due.size() == 1);
    CHECK(due[0].seq == a.seq);
    CHECK(due[0].attempts == 1);
    CHECK(due[0].last_error == "net.timeout");
    CHECK(due[0].idempotency_key == a.idempotency_key);

    const auto all = s->outbox().value();
    REQUIRE(all.size() == 2);
    CHECK(all[1].state == store::OutboxState::kFailed);
    CHECK(all[1].last_error == "order.not_eligible");
}

TEST_CASE("an outbox entry needs a command and a payload") {
    test::StoreFixture f;
    auto s = f.open();
    auto r = s->enqueue("", "");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == domain::ErrorCode::kInvalidArgument);
    REQUIRE(r.error().fields.size() == 2);
    CHECK(r.error().fields[0].field == "command");
    CHECK(r.error().fields[1].field == "payload");
    CHECK(s->outbox().value().empty());
}
