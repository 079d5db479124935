// SPDX-License-Identifier: Apache-2.0
// The engineer's visit: accepted -> enRoute with position and ETA -> onSite -> completed, which
// resolves the customer's ticket; the customer sees the ETA history and the event feed moves.
#include <doctest/doctest.h>

#include <vector>

#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;

namespace {
const std::string kWo = "/tmf-api/workOrderManagement/v4/workOrder";
}

TEST_CASE("an engineer completes a visit and the customer sees every step") {
    ServerProcess server;
    ApiClient engineer(server), customer(server);
    REQUIRE(engineer.login_staff("E1001", "demo1001").status == 201);
    REQUIRE(customer.login_customer().status == 201);

    auto list = engineer.get(kWo);
    REQUIRE(list.status == 200);
    REQUIRE(list.body.size() == 1);
    CHECK(list.body[0]["id"] == "WO-DEMO-0001");
    CHECK(list.body[0]["place"]["address"] == "幸福路 12 号 3 单元 501");

    const auto feed0 = customer.get("/selfcare/v1/events").body["cursor"].get<std::int64_t>();

    CHECK(engineer.patch(kWo + "/WO-DEMO-0001", {{"state", "accepted"}}).status == 200);
    auto missing = engineer.patch(kWo + "/WO-DEMO-0001", {{"state", "enRoute"}});
    CHECK(missing.status == 400);
    CHECK(missing.body["fields"].size() == 2);  // location and eta
    auto en_route = engineer.patch(kWo + "/WO-DEMO-0001",
                                   {{"state", "enRoute"}, {"location", {{"latitude", 39.91}, {"longitude", 116.40}}}, {"etaMinutes", 25}});
    REQUIRE(en_route.status == 200);
    CHECK(en_route.body["eta"].is_string());
    CHECK(engineer.patch(kWo + "/WO-DEMO-0001", {{"state", "completed"}}).status == 409);  // not on site yet
    CHECK(engineer.patch(kWo + "/WO-DEMO-0001", {{"state", "onSite"}}).status == 200);
    CHECK(engineer.patch(kWo + "/WO-DEMO-0001", {{"state", "completed"}, {"note", "更换光猫"}}).status == 200);

    auto ticket = customer.get("/tmf-api/troubleTicket/v4/troubleTicket/TT-DEMO-0001");
    REQUIRE(ticket.status == 200);
    CHECK(ticket.body["status"] == "resolved");
    const auto& wo = ticket.body["workOrder"];
    CHECK(wo["status"] == "completed");
    CHECK(wo["location"]["latitude"] == doctest::Approx(39.91));
    std::vector<std::string> steps;
    for (const auto& h : wo["history"]) steps.push_back(h["status"]);
    CHECK(steps == std::vector<std::string>{"assigned", "accepted", "enRoute", "onSite", "completed"});
    CHECK(wo["history"][2]["eta"].is_string());
    CHECK(ticket.body["statusChange"].back()["status"] == "resolved");

    auto events = customer.get("/selfcare/v1/events?after=" + std::to_string(feed0));
    REQUIRE(events.status == 200);
    CHECK(events.body["events"].size() >= 5);
    auto engineer_events = engineer.get("/selfcare/v1/events");
    for (const auto& e : engineer_events.body["events"]) CHECK(e["type"] == "workorder.updated");
}

// Two steps in one second share a lastUpdate; the revision still tells the copies apart, so a
// device never lets an earlier copy replace a later one.
TEST_CASE("every step of a visit raises the revision of the work order and of its ticket") {
    ServerProcess server;
    ApiClient engineer(server), customer(server);
    REQUIRE(engineer.login_staff("E1001", "demo1001").status == 201);
    REQUIRE(customer.login_customer().status == 201);
    const std::string wo = kWo + "/WO-DEMO-0001";
    const std::string tt = "/tmf-api/troubleTicket/v4/troubleTicket/TT-DEMO-0001";

    auto before = engineer.get(wo);
    REQUIRE(before.status == 200);
    REQUIRE(before.body["revision"].is_number_integer());
    std::int64_t revision = before.body["revision"];
    std::int64_t ticket_revision = customer.get(tt).body["revision"];

    const std::vector<json> steps{
        {{"state", "accepted"}},
        {{"state", "enRoute"}, {"location", {{"latitude", 39.91}, {"longitude", 116.40}}}, {"etaMinutes", 25}},
        {{"state", "onSite"}},
        {{"state", "completed"}}};
    for (const json& step : steps) {
        CAPTURE(step.dump());
        auto moved = engineer.patch(wo, step);
        REQUIRE(moved.status == 200);
        CHECK(moved.body["revision"].get<std::int64_t>() > revision);  // the answer carries it
        revision = moved.body["revision"];
        CHECK(engineer.get(wo).body["revision"] == revision);
        CHECK(engineer.get(kWo).body[0]["revision"] == revision);  // the list agrees
        const std::int64_t now_ticket = customer.get(tt).body["revision"];
        CHECK(now_ticket > ticket_revision);
        ticket_revision = now_ticket;
    }
    // A refused step changes nothing, the revision included.
    CHECK(engineer.patch(wo, {{"state", "onSite"}}).status == 409);
    CHECK(engineer.get(wo).body["revision"] == revision);
    CHECK(customer.get(tt).body["revision"] == ticket_revision);
}

TEST_CASE("the event feed long-polls until something happens") {
    ServerProcess server;
    ApiClient customer(server), engineer(server);
    REQUIRE(customer.login_customer().status == 201);
    REQUIRE(engineer.login_staff("E1001", "demo1001").status == 201);
    const auto cursor = customer.get("/selfcare/v1/events").body["cursor"].get<std::int64_t>();
    std::thread mover([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        engineer.patch(kWo + "/WO-DEMO-0001", {{"state", "accepted"}});
    });
    auto r = customer.get("/selfcare/v1/events?wait=20&after=" + std::to_string(cursor));
    mover.join();
    REQUIRE(r.status == 200);
    REQUIRE_FALSE(r.body["events"].empty());
    CHECK(r.body["cursor"].get<std::int64_t>() > cursor);
    CHECK(customer.get("/selfcare/v1/events?wait=99").body["field"] == "wait");
}
