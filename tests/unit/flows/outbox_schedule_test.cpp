// SPDX-License-Identifier: Apache-2.0
// What the background drain may send without the user asking (flows/outbox_schedule.hpp).
#include <doctest/doctest.h>

#include <vector>

#include "flows/outbox_schedule.hpp"

using selfcare::domain::Instant;
using selfcare::flows::sendable_in_background;
using selfcare::flows::waiting_out_backoff;
using selfcare::store::OutboxEntry;
using selfcare::store::OutboxState;
using namespace std::chrono_literals;

namespace {

const Instant kNow{std::chrono::seconds(1'800'000'000)};

OutboxEntry fresh(std::int64_t seq) {
    OutboxEntry e;
    e.seq = seq;
    e.command = "tickets.create";
    e.created_at = kNow;
    e.next_attempt_at = kNow;  // due at once, as the store writes it
    return e;
}

OutboxEntry failed_attempt(std::int64_t seq, Instant retry_at) {
    auto e = fresh(seq);
    e.attempts = 2;
    e.next_attempt_at = retry_at;
    return e;
}

}  // namespace

TEST_CASE("an entry that never failed is never waiting, whatever its time") {
    CHECK_FALSE(waiting_out_backoff(fresh(1), kNow));
    auto e = fresh(1);
    e.next_attempt_at = kNow + 60s;
    CHECK_FALSE(waiting_out_backoff(e, kNow));
}

TEST_CASE("a failed entry waits until its retry time and not after") {
    const auto e = failed_attempt(1, kNow + 40s);
    CHECK(waiting_out_backoff(e, kNow));
    CHECK(waiting_out_backoff(e, kNow + 39s));
    CHECK_FALSE(waiting_out_backoff(e, kNow + 40s));
}

TEST_CASE("regression: new reports behind a failing one do not make the background resend it early") {
    // The drain used to start whenever any entry was due, then send from the front: a report
    // queued behind a failing one got that one resent every few seconds, its backoff ignored.
    const std::vector<OutboxEntry> outbox{failed_attempt(1, kNow + 120s), fresh(2), fresh(3)};
    CHECK(sendable_in_background(outbox, kNow) == 0);
    CHECK(sendable_in_background(outbox, kNow + 119s) == 0);
    CHECK(sendable_in_background(outbox, kNow + 120s) == 3);
}

TEST_CASE("the background sends up to the first entry still waiting, in order") {
    const std::vector<OutboxEntry> outbox{fresh(1), fresh(2), failed_attempt(3, kNow + 10s), fresh(4)};
    CHECK(sendable_in_background(outbox, kNow) == 2);
    CHECK(sendable_in_background({}, kNow) == 0);
}

TEST_CASE("entries the server refused stay for the user to see and do not hold the queue") {
    auto refused = failed_attempt(1, kNow + 300s);
    refused.state = OutboxState::kFailed;
    const std::vector<OutboxEntry> outbox{refused, fresh(2)};
    CHECK(sendable_in_background(outbox, kNow) == 2);
}
