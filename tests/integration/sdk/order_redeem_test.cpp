// SPDX-License-Identifier: Apache-2.0
// Ordering and redeeming through the SDK: quote -> place; a place accepted while the server is
// down goes out later with the key it was given when accepted, and is charged exactly once.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.hpp"
#include "support/sdk_call.hpp"
#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;

TEST_CASE("quote, place online, place and redeem offline: each lands exactly once") {
    TempDir dir;
    ServerProcess server;
    auto client = open_sdk_client(dir, server.base_url());
    sign_in_customer(client);

    CHECK(call(client, "orders.quote", json::object(), SC_E_INVALID_ARGUMENT)["error"]["field"] == "product_id");
    auto q = call(client, "orders.quote", {{"product_id", "A-DATA-10G"}}, SC_OK);
    CHECK(q["price"]["fen"] == 3000);
    auto order = call(client, "orders.place", {{"quote_id", q["id"]}}, SC_OK);
    CHECK(order["state"] == "completed");

    auto q2 = call(client, "orders.quote", {{"product_id", "A-GAME"}}, SC_OK);
    REQUIRE(server.stop() == 0);
    CHECK(call(client, "orders.quote", {{"product_id", "A-GAME"}}, SC_E_NETWORK)["error"]["code"] == "network.unreachable");
    CHECK(call(client, "orders.place", {{"quote_id", q2["id"]}}, SC_E_OFFLINE_QUEUED)["queued"] == true);
    CHECK(call(client, "loyalty.redeem", {{"reward_id", "R-DATA-5G"}}, SC_E_OFFLINE_QUEUED)["queued"] == true);
    CHECK(call(client, "sync.status", json::object(), SC_OK)["pending"] == 2);

    server.restart();
    call(client, "sync.now", json::object(), SC_OK);
    CHECK(call(client, "sync.status", json::object(), SC_OK)["pending"] == 0);
    CHECK(call(client, "sync.now", json::object(), SC_OK)["sent"] == 0);

    ApiClient direct(server);
    REQUIRE(direct.login_customer().status == 201);
    CHECK(direct.get("/tmf-api/productOrderingManagement/v4/productOrder").body.size() == 2);
    CHECK(direct.get("/selfcare/v1/account").body["balance"]["fen"] == 4650 - 3000 - 1500);
    CHECK(direct.get("/tmf-api/loyalty/v4/loyaltyAccount").body["points"] == 2680 - 500);
}

TEST_CASE("a refusal on replay is kept as failed and raised as an event, not dropped") {
    TempDir dir;
    ServerProcess server;
    auto client = open_sdk_client(dir, server.base_url());
    sign_in_customer(client);
    std::vector<std::string> events;
    std::mutex m;
    auto listening = client.listen([&](const selfcare::Event& e) {
        std::lock_guard lock(m);
        events.push_back(e.name);
    });
    REQUIRE(server.stop() == 0);
    // 2,680 points cannot buy the 2,000-point voucher twice: the second is refused on replay.
    call(client, "loyalty.redeem", {{"reward_id", "R-SHOP-20"}}, SC_E_OFFLINE_QUEUED);
    call(client, "loyalty.redeem", {{"reward_id", "R-SHOP-20"}}, SC_E_OFFLINE_QUEUED);
    server.restart();
    call(client, "sync.now", json::object(), SC_OK);
    auto status = call(client, "sync.status", json::object(), SC_OK);
    CHECK(status["pending"] == 0);
    CHECK(status["failed"] == 1);
    CHECK(status["items"][0]["last_error"] == "loyalty.insufficient_points");
    listening.reset();
    bool raised = false;
    for (const auto& e : events) raised = raised || e == "sync.failed";
    CHECK(raised);
}

TEST_CASE("rating closes or reopens a resolved ticket; a completed order cannot be cancelled") {
    TempDir dir;
    ServerProcess server;
    auto client = open_sdk_client(dir, server.base_url());
    sign_in_customer(client);

    auto bad = call(client, "tickets.rate", {{"id", "TT-DEMO-0003"}, {"score", 7}}, SC_E_INVALID_ARGUMENT);
    CHECK(bad["error"]["field"] == "score");
    auto reopened = call(client, "tickets.rate", {{"id", "TT-DEMO-0003"}, {"score", 2}, {"comment", "还是慢"}, {"reopen", true}}, SC_OK);
    CHECK(reopened["status"] == "inProgress");
    CHECK(call(client, "tickets.rate", {{"id", "TT-DEMO-0003"}, {"score", 5}}, SC_E_CONFLICT)["error"]["code"] == "ticket.not_resolved");

    auto q = call(client, "orders.quote", {{"product_id", "A-VOICE-100"}}, SC_OK);
    auto order = call(client, "orders.place", {{"quote_id", q["id"]}}, SC_OK);
    auto refused = call(client, "orders.cancel", {{"id", order["id"]}}, SC_E_CONFLICT);
    CHECK(refused["error"]["code"] == "order.point_of_no_return");
}
