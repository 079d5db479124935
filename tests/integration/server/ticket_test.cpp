// SPDX-License-Identifier: Apache-2.0
// Reporting a fault end to end: validation by field, deadlines, dispatch, timeline, repeat flag,
// status changes by the customer, rating that closes or reopens.
#include <doctest/doctest.h>

#include <set>

#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;

namespace {

const std::string kTickets = "/tmf-api/troubleTicket/v4/troubleTicket";

json broadband_fault() {
    return {{"ticketType", "network"},
            {"subcategory", "broadbandDown"},
            {"severity", "major"},
            {"description", "宽带断网，光猫 LOS 灯闪红灯"},
            {"contactNumber", "+86 138 0013 8000"},
            {"channel", {{"name", "kiosk"}}},
            {"address", {{"text", "幸福路 12 号 3 单元 501"}, {"areaType", "urban"}}}};
}

}  // namespace

TEST_CASE("a broadband fault is accepted, given deadlines and dispatched to an engineer of the area") {
    ServerProcess server;
    ApiClient c(server);
    REQUIRE(c.login_customer("13900139000").status == 201);
    auto r = c.post(kTickets, broadband_fault());
    REQUIRE(r.status == 201);
    CHECK(r.header("Location") == r.body["href"]);
    CHECK(r.body["status"] == "inProgress");
    CHECK(r.body["contactNumber"] == "13800138000");  // normalised
    CHECK(r.body["sla"]["tier"] == "store");
    CHECK(r.body["repeatComplaint"] == false);
    REQUIRE(r.body["workOrder"].is_object());
    CHECK(r.body["workOrder"]["status"] == "assigned");
    const std::string assignee = r.body["workOrder"]["assignee"];
    CHECK((assignee == "E1001" || assignee == "E1002"));  // the dongcheng engineers
    REQUIRE(r.body["statusChange"].size() == 2);
    CHECK(r.body["statusChange"][0]["status"] == "acknowledged");
    CHECK(r.body["statusChange"][1]["status"] == "inProgress");

    const std::string id = r.body["id"];
    auto again = c.get(kTickets + "/" + id);
    CHECK(again.status == 200);
    CHECK(again.body["expectedResolutionDate"] == r.body["expectedResolutionDate"]);
}

TEST_CASE("invalid tickets name every field and change nothing") {
    ServerProcess server;
    ApiClient c(server);
    REQUIRE(c.login_customer("13900139000").status == 201);
    json bad = broadband_fault();
    bad["subcategory"] = "billingDispute";
    bad["contactNumber"] = "12345";
    bad["severity"] = "apocalyptic";
    bad["description"] = 42;
    auto r = c.post(kTickets, bad);
    CHECK(r.status == 400);
    std::set<std::string> fields;
    for (const auto& f : r.body["fields"]) fields.insert(f["field"]);
    CHECK(fields.count("severity") == 1);
    CHECK(fields.count("description") == 1);

    bad = broadband_fault();
    bad.erase("address");
    r = c.post(kTickets, bad);
    CHECK(r.status == 400);
    CHECK(r.body["field"] == "address");

    bad = broadband_fault();
    bad["appointment"] = {{"validFor", {{"startDateTime", "yesterday"}, {"endDateTime", "2020-01-01T00:00:00Z"}}}};
    r = c.post(kTickets, bad);
    CHECK(r.status == 400);
    CHECK(r.body["field"] == "appointment.start");

    CHECK(c.send("POST", kTickets, "[1,2]").status == 400);
    CHECK(c.send("POST", kTickets, std::string(70 * 1024, 'x')).status == 413);
    CHECK(c.get(kTickets).body.empty());
}

TEST_CASE("a second complaint of the same category within 30 days is a repeat and starts at the branch") {
    ServerProcess server;
    ApiClient c(server);
    REQUIRE(c.login_customer("13900139000").status == 201);
    json complaint{{"ticketType", "business"}, {"subcategory", "billingDispute"},
                   {"description", "本月话费比平时多了三十元"}, {"contactNumber", "13900139000"}};
    auto first = c.post(kTickets, complaint);
    REQUIRE(first.status == 201);
    CHECK(first.body["repeatComplaint"] == false);
    auto second = c.post(kTickets, complaint);
    REQUIRE(second.status == 201);
    CHECK(second.body["repeatComplaint"] == true);
    CHECK(second.body["sla"]["tier"] == "branch");
    CHECK(second.body["workOrder"].is_null());  // a billing complaint needs no visit
}

TEST_CASE("a retried create with the same externalId returns the first ticket") {
    ServerProcess server;
    ApiClient c(server);
    REQUIRE(c.login_customer("13900139000").status == 201);
    json t = broadband_fault();
    t["externalId"] = "L-7f3a";
    auto first = c.post(kTickets, t);
    auto retry = c.post(kTickets, t);
    REQUIRE(first.status == 201);
    CHECK(retry.status == 200);
    CHECK(retry.body["id"] == first.body["id"]);
    CHECK(c.get(kTickets).body.size() == 1);
}

TEST_CASE("customers cancel open tickets and confirm resolved ones; illegal moves are 409") {
    ServerProcess server;
    ApiClient c(server);
    REQUIRE(c.login_customer().status == 201);
    auto r = c.patch(kTickets + "/TT-DEMO-0002", {{"status", "cancelled"}, {"statusChangeReason", "已自行解决"}});
    CHECK(r.status == 200);
    CHECK(r.body["status"] == "cancelled");
    r = c.patch(kTickets + "/TT-DEMO-0002", {{"status", "closed"}});
    CHECK(r.status == 409);
    CHECK(r.body["code"] == "ticket.illegal_transition");
    CHECK(c.patch(kTickets + "/TT-DEMO-0001", {{"status", "resolved"}}).status == 403);
    CHECK(c.patch(kTickets + "/TT-DEMO-0001", {{"status", "finished"}}).body["field"] == "status");
}

TEST_CASE("rating a resolved ticket closes it; a low score with reopen sends it back") {
    ServerProcess server;
    ApiClient c(server);
    REQUIRE(c.login_customer().status == 201);
    auto r = c.post(kTickets + "/TT-DEMO-0003/rating", {{"score", 2}, {"comment", "还是很慢"}, {"reopen", true}});
    REQUIRE(r.status == 200);
    CHECK(r.body["status"] == "inProgress");
    CHECK(r.body["rating"]["score"] == 2);
    CHECK(c.post(kTickets + "/TT-DEMO-0003/rating", {{"score", 5}}).status == 409);  // not resolved now
    CHECK(c.post(kTickets + "/TT-DEMO-0001/rating", {{"score", 9}}).body["field"] == "score");
}
