// SPDX-License-Identifier: Apache-2.0
// Reading outbox entries back into requests: what each command becomes, and the entries a
// damaged store could hold that must never turn into a request (flows/outbox_codec.hpp).
#include <doctest/doctest.h>

#include <string>

#include "flows/outbox_codec.hpp"

using selfcare::flows::decode_outbox_entry;
using selfcare::store::OutboxEntry;

namespace {

constexpr const char* kKey = "6f1c2b0e-8a8e-4c56-9a55-0d7b1f1a2b3c";

OutboxEntry entry(std::string command, std::string payload, std::string key = kKey) {
    OutboxEntry e;
    e.seq = 7;
    e.command = std::move(command);
    e.payload = std::move(payload);
    e.idempotency_key = std::move(key);
    return e;
}

std::string error_id(const OutboxEntry& e) {
    const auto r = decode_outbox_entry(e);
    REQUIRE_FALSE(r);
    CHECK_FALSE(r.error().retryable);
    return r.error().id;
}

}  // namespace

TEST_CASE("a queued report becomes the TMF621 create, with its local reference and customer") {
    const auto r = decode_outbox_entry(entry(
        "tickets.create",
        R"({"description":"宽带断网","externalId":"L-0b9f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b","relatedParty":[{"id":"13800138000","role":"customer"}]})"));
    REQUIRE(r);
    CHECK(r->method == "POST");
    CHECK(r->path == "/tmf-api/troubleTicket/v4/troubleTicket");
    CHECK(r->local_ref == "L-0b9f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
    CHECK(r->customer == "13800138000");
    CHECK(r->body["description"] == "宽带断网");
    CHECK(r->idempotency_key == kKey);
}

TEST_CASE("orders and redemptions go to their own routes with the entry's key") {
    const auto order = decode_outbox_entry(entry("orders.place", R"({"quoteId":"Q-1"})"));
    REQUIRE(order);
    CHECK(order->path == "/tmf-api/productOrderingManagement/v4/productOrder");
    CHECK(order->body == nlohmann::json{{"quoteId", "Q-1"}});
    const auto redeem = decode_outbox_entry(entry("loyalty.redeem", R"({"rewardId":"R-DATA-5G"})"));
    REQUIRE(redeem);
    CHECK(redeem->path == "/tmf-api/loyalty/v4/redemption");
    CHECK(redeem->idempotency_key == kKey);
}

TEST_CASE("a work-order update is a PATCH of that work order without the id and the local ETA") {
    const auto r = decode_outbox_entry(
        entry("workorders.update", R"({"id":"WO-DEMO-0001","state":"onSite","eta":"2026-12-03T15:00:00Z","note":"已到达"})"));
    REQUIRE(r);
    CHECK(r->method == "PATCH");
    CHECK(r->path == "/tmf-api/workOrderManagement/v4/workOrder/WO-DEMO-0001");
    CHECK(r->work_order_id == "WO-DEMO-0001");
    CHECK(r->body == nlohmann::json{{"state", "onSite"}, {"note", "已到达"}});
}

TEST_CASE("an entry that would send a request somewhere else, or add a header, is refused") {
    // A work order id climbing out of its route (an admin route) is not a work order id.
    CHECK(error_id(entry("workorders.update", R"({"id":"../../../selfcare/v1/admin/devices","state":"completed"})")) ==
          "sync.bad_entry");
    CHECK(error_id(entry("workorders.update", R"({"id":"WO-1?state=x","state":"completed"})")) == "sync.bad_entry");
    CHECK(error_id(entry("workorders.update", R"({"state":"completed"})")) == "sync.bad_entry");
    // A key carrying a line break would become a header of its own.
    CHECK(error_id(entry("orders.place", R"({"quoteId":"Q-1"})", std::string(kKey) + "\r\nX-Evil: 1")) == "sync.bad_entry");
    CHECK(error_id(entry("orders.place", R"({"quoteId":"Q-1"})", "")) == "sync.bad_entry");
    CHECK(error_id(entry("orders.place", R"({"quoteId":"Q-1"})", "6F1C2B0E-8A8E-4C56-9A55-0D7B1F1A2B3C")) == "sync.bad_entry");
}

TEST_CASE("unreadable payloads and unknown commands are named, never guessed at") {
    CHECK(error_id(entry("tickets.create", "not json")) == "sync.bad_entry");
    CHECK(error_id(entry("tickets.create", "[1,2]")) == "sync.bad_entry");
    CHECK(error_id(entry("tickets.create", R"({"description":"no local reference"})")) == "sync.bad_entry");
    CHECK(error_id(entry("tickets.create", R"({"externalId":"L-1\r\nX-Evil: 1"})")) == "sync.bad_entry");
    CHECK(error_id(entry("orders.place", "\xff\xfe")) == "sync.bad_entry");
    CHECK(error_id(entry("accounts.delete", "{}")) == "sync.unknown_command");
    // The message says what is wrong without repeating what the entry holds.
    const auto r = decode_outbox_entry(entry("workorders.update", R"({"id":"13800138000 王秀兰"})"));
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("13800138000") == std::string::npos);
}
