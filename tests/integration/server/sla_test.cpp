// SPDX-License-Identifier: Apache-2.0
// SLA escalation and compensation with the server's test clock: overdue tickets climb store ->
// branch -> HQ; a network fault beyond the regulatory ceiling earns the compensation pack.
#include <doctest/doctest.h>

#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;

TEST_CASE("an overdue ticket escalates tier by tier and a late repair is compensated") {
    ServerProcess server;
    ApiClient customer(server), admin(server);
    REQUIRE(customer.login_customer("13900139000").status == 201);
    REQUIRE(admin.login_staff("A0001", "admin0001").status == 201);
    auto t = customer.post("/tmf-api/troubleTicket/v4/troubleTicket",
                           {{"ticketType", "network"}, {"subcategory", "broadbandDown"}, {"description", "宽带断网两天了"},
                            {"contactNumber", "13900139000"}, {"address", {{"text", "光明街 8 号"}, {"areaType", "urban"}}}});
    REQUIRE(t.status == 201);
    const std::string path = "/tmf-api/troubleTicket/v4/troubleTicket/" + t.body["id"].get<std::string>();

    // Moving the clock also ages the sessions, so both sign in again after each jump.
    const auto jump = [&](int hours) {
        customer.post("/test/clock", {{"offsetSeconds", hours * 3600}});
        REQUIRE(customer.login_customer("13900139000").status == 201);
        REQUIRE(admin.login_staff("A0001", "admin0001").status == 201);
    };
    jump(25);
    CHECK(admin.post("/selfcare/v1/admin/sla/sweep", json::object()).status == 200);
    auto r = customer.get(path);
    CHECK(r.body["sla"]["overdue"] == true);
    CHECK(r.body["sla"]["tier"] == "branch");

    jump(49);
    admin.post("/selfcare/v1/admin/sla/sweep", json::object());
    r = customer.get(path);
    CHECK(r.body["sla"]["tier"] == "hq");
    CHECK(r.body["compensated"] == true);  // beyond the 48 h urban repair ceiling
    auto history = customer.get("/tmf-api/loyalty/v4/redemption");
    REQUIRE(history.body.size() == 1);
    CHECK(history.body[0]["kind"] == "compensation");
    CHECK(history.body[0]["points"] == 0);

    // A second sweep changes nothing more: one compensation, no further tiers.
    CHECK(admin.post("/selfcare/v1/admin/sla/sweep", json::object()).body["changed"] == 0);
    CHECK(customer.get("/tmf-api/loyalty/v4/redemption").body.size() == 1);

    auto metrics = admin.get("/selfcare/v1/admin/metrics");
    REQUIRE(metrics.status == 200);
    CHECK(metrics.body["overdueByTier"]["hq"].get<int>() >= 1);
}
