// SPDX-License-Identifier: Apache-2.0
// A write that committed on the server but whose answer never came back: the SDK gives up
// waiting, sends again with the same Idempotency-Key, and gets the first result. The customer
// sees one order and pays once; a redemption deducts the points once. The server runs with
// --fault drop-response, which commits the write and then withholds the answer.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.hpp"
#include "support/sdk_call.hpp"
#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;

namespace {

constexpr const char* kOrderRoute = "/tmf-api/productOrderingManagement/v4/productOrder";
constexpr const char* kRedemptionRoute = "/tmf-api/loyalty/v4/redemption";

// How many answers the server dropped for `route`, as its log says.
int dropped_answers(const ServerProcess& server, const std::string& route) {
    const std::string line = "fault: dropped the answer to POST " + route + " ";
    const std::string log = server.log();
    int n = 0;
    for (auto at = log.find(line); at != std::string::npos; at = log.find(line, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("an order and a redemption whose answers were lost are retried and land exactly once") {
    ServerProcess server({"--fault", std::string("drop-response:POST:") + kOrderRoute + ":1",
                          "--fault", std::string("drop-response:POST:") + kRedemptionRoute + ":1"});
    TempDir dir;
    // The server cuts the connection instead of answering, so the client hears of the loss at
    // once and no short timeout is needed; a generous one keeps sign-in safe on a loaded machine
    // under tsan (3 s once timed out there).
    auto client = open_sdk_client(json{{"data_dir", dir.path().string()},
                                       {"server", server.base_url()},
                                       {"network", {{"connect_timeout_ms", 5000}, {"timeout_ms", 20000}}}});
    sign_in_customer(client);
    ApiClient direct(server);
    REQUIRE(direct.login_customer().status == 201);
    const auto balance_before = direct.get("/selfcare/v1/account").body["balance"]["fen"].get<std::int64_t>();
    const auto points_before = direct.get("/tmf-api/loyalty/v4/loyaltyAccount").body["points"].get<std::int64_t>();

    SUBCASE("orders.place") {
        auto quote = call(client, "orders.quote", {{"product_id", "A-DATA-10G"}}, SC_OK);
        const auto price = quote["price"]["fen"].get<std::int64_t>();
        auto order = call(client, "orders.place", {{"quote_id", quote["id"]}}, SC_OK);
        CHECK(dropped_answers(server, kOrderRoute) == 1);  // the first answer really was lost

        int orders_for_quote = 0;
        std::string server_order_id;
        const auto orders = direct.get(kOrderRoute).body;
        for (const auto& o : orders) {
            if (o["quoteId"] == quote["id"]) {
                ++orders_for_quote;
                server_order_id = o["id"];
            }
        }
        CHECK(orders_for_quote == 1);
        CHECK(order["id"] == server_order_id);
        CHECK(order["state"] == "completed");
        CHECK(direct.get("/selfcare/v1/account").body["balance"]["fen"] == balance_before - price);
        CHECK(call(client, "sync.status", json::object(), SC_OK)["pending"] == 0);
    }
    SUBCASE("loyalty.redeem") {
        const auto redemptions_before = direct.get(kRedemptionRoute).body.size();
        auto redemption = call(client, "loyalty.redeem", {{"reward_id", "R-DATA-5G"}}, SC_OK);
        CHECK(dropped_answers(server, kRedemptionRoute) == 1);

        const auto redemptions = direct.get(kRedemptionRoute).body;
        REQUIRE(redemptions.size() == redemptions_before + 1);
        CHECK(redemptions[0]["id"] == redemption["id"]);  // newest first
        CHECK(redemptions[0]["voucherCode"] == redemption["voucherCode"]);
        const auto cost = redemptions[0]["points"].get<std::int64_t>();
        CHECK(cost > 0);
        CHECK(direct.get("/tmf-api/loyalty/v4/loyaltyAccount").body["points"] == points_before - cost);
        CHECK(redemption["pointsLeft"] == points_before - cost);
        CHECK(call(client, "sync.status", json::object(), SC_OK)["pending"] == 0);
    }
}

TEST_CASE("regression: a fault report whose answer was lost is retried within the call, not parked") {
    constexpr const char* kTicketRoute = "/tmf-api/troubleTicket/v4/troubleTicket";
    ServerProcess server({"--fault", std::string("drop-response:POST:") + kTicketRoute + ":1"});
    TempDir dir;
    auto client = open_sdk_client(json{{"data_dir", dir.path().string()},
                                       {"server", server.base_url()},
                                       {"network", {{"connect_timeout_ms", 5000}, {"timeout_ms", 20000}}}});
    sign_in_customer(client);
    const std::string description = "应答丢失的故障申报";
    // Before the fix the report was answered SC_E_OFFLINE_QUEUED and waited in the outbox for a
    // backoff, holding up every command queued after it.
    auto ticket = call(client, "tickets.create",
                       {{"category", "business"}, {"subcategory", "billingDispute"}, {"description", description},
                        {"contact", kDemoCustomer}, {"channel", "app"}},
                       SC_OK);
    CHECK(dropped_answers(server, kTicketRoute) == 1);
    CHECK(ticket.value("queued", false) == false);

    ApiClient direct(server);
    REQUIRE(direct.login_customer().status == 201);
    int found = 0;
    for (const auto& t : direct.get(std::string(kTicketRoute) + "?limit=100").body) {
        if (t.value("description", "") == description) {
            ++found;
            CHECK(t["id"] == ticket["id"]);
        }
    }
    CHECK(found == 1);
    CHECK(call(client, "sync.status", json::object(), SC_OK)["pending"] == 0);
}
