// SPDX-License-Identifier: Apache-2.0
// Reporting a fault through the SDK: online it comes back with the server's id and deadlines;
// offline it is accepted on the device (SC_E_OFFLINE_QUEUED) and reaches the server exactly once,
// in order, when the server is back.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.hpp"
#include "support/sdk_call.hpp"
#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;

namespace {

json ticket_args(const std::string& description) {
    return {{"category", "business"}, {"subcategory", "billingDispute"}, {"description", description},
            {"contact", "13900139000"}, {"channel", "kiosk"}};
}

}  // namespace

TEST_CASE("tickets created offline arrive once, in order, when the server is back") {
    TempDir dir;
    ServerProcess server;
    auto client = open_sdk_client(dir, server.base_url());
    sign_in_customer(client, "13900139000");

    auto bad = call(client, "tickets.create", {{"category", "network"}, {"subcategory", "billingDispute"}, {"description", "x"}, {"contact", "1"}},
                    SC_E_INVALID_ARGUMENT);
    CHECK(bad["error"]["fields"].size() == 3);

    auto online = call(client, "tickets.create", ticket_args("账单多扣了流量费，请核实"), SC_OK);
    CHECK(online["id"].get<std::string>().rfind("TT-", 0) == 0);
    CHECK(online["sla"]["tier"] == "store");

    REQUIRE(server.stop() == 0);
    auto q1 = call(client, "tickets.create", ticket_args("第一张离线投诉：话费异常"), SC_E_OFFLINE_QUEUED);
    auto q2 = call(client, "tickets.create", ticket_args("第二张离线投诉：套餐不符"), SC_E_OFFLINE_QUEUED);
    CHECK(q1["queued"] == true);
    CHECK(q1["id"].get<std::string>().rfind("L-", 0) == 0);
    CHECK(call(client, "tickets.get", {{"id", q1["id"]}}, SC_OK)["status"] == "acknowledged");
    auto offline_list = call(client, "tickets.list", json::object(), SC_OK);
    CHECK(offline_list["stale"] == true);
    CHECK(offline_list["items"].size() == 3);
    auto status = call(client, "sync.status", json::object(), SC_OK);
    CHECK(status["pending"] == 2);
    CHECK(call(client, "sync.now", json::object(), SC_OK)["pending"] == 2);  // still offline

    // The server comes back on the same address and database.
    server.restart();
    auto synced = call(client, "sync.now", json::object(), SC_OK);
    if (synced["sent"] != 2) {
        // The background sync may have sent some already; either way nothing is pending.
        CHECK(synced["pending"] == 0);
    }
    CHECK(call(client, "sync.status", json::object(), SC_OK)["pending"] == 0);
    CHECK(call(client, "sync.now", json::object(), SC_OK)["sent"] == 0);  // nothing twice

    ApiClient direct(server);
    REQUIRE(direct.login_customer("13900139000").status == 201);
    auto tickets = direct.get("/tmf-api/troubleTicket/v4/troubleTicket");
    REQUIRE(tickets.body.size() == 3);
    // Exactly once each, and in the order they were accepted: the server's event feed records
    // arrivals in sequence.
    std::string id1, id2;
    for (const auto& t : tickets.body) {
        if (t.value("externalId", "") == q1["id"]) id1 = t["id"];
        if (t.value("externalId", "") == q2["id"]) id2 = t["id"];
    }
    REQUIRE_FALSE(id1.empty());
    REQUIRE_FALSE(id2.empty());
    std::vector<std::string> arrivals;
    const auto feed = direct.get("/selfcare/v1/events");
    for (const auto& e : feed.body["events"]) {
        if (e["data"].value("status", "") == "acknowledged") arrivals.push_back(e["id"]);
    }
    const auto pos = [&](const std::string& id) { return std::find(arrivals.begin(), arrivals.end(), id) - arrivals.begin(); };
    CHECK(pos(id1) < pos(id2));
    auto list = call(client, "tickets.list", json::object(), SC_OK);
    CHECK(list["stale"] == false);
    CHECK(list["items"].size() == 3);
    for (const auto& t : list["items"]) CHECK(t["id"].get<std::string>().rfind("TT-", 0) == 0);
}
