// SPDX-License-Identifier: Apache-2.0
// A field engineer's day through the SDK: the visit moves accepted -> enRoute (position, ETA) ->
// onSite -> completed, checked on the device against the lifecycle; the customer's app hears of
// each step from the event feed and sees the ETA history. Offline, updates wait in order and
// arrive exactly once; one the server refuses on arrival is kept, marked failed, and announced.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.hpp"
#include "support/sdk_call.hpp"
#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;

namespace {

const std::string kWo = "WO-DEMO-0001";
const std::string kTicket = "TT-DEMO-0001";
// Nothing listens on port 1 of the loopback: the client is offline.
const std::string kNoServer = "http://127.0.0.1:1";

const json kEnRoute{{"id", kWo}, {"status", "enRoute"}, {"location", {{"latitude", 39.91}, {"longitude", 116.40}}}, {"eta", 25}};

// Collects listener events; wait_for() gives the background poller time to deliver.
class EventLog {
public:
    explicit EventLog(const selfcare::Client& c)
        : listening_(c.listen([this](const selfcare::Event& e) {
              std::lock_guard lock(m_);
              events_.push_back(json{{"event", e.name}, {"data", e.data}});
          })) {}
    // The first event named `name` whose data matches `pred`, waiting up to a minute for it.
    template <class Pred>
    std::optional<json> wait_for(const std::string& name, Pred pred) {
        for (int i = 0; i < 600; ++i) {
            {
                std::lock_guard lock(m_);
                for (const auto& e : events_) {
                    if (e["event"] == name && pred(e["data"])) return e;
                }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return std::nullopt;
    }

private:
    std::mutex m_;
    std::vector<json> events_;
    selfcare::Subscription listening_;  // last: it stops delivery before the log goes
};

selfcare::Client engineer_client(const TempDir& dir, const std::string& server, bool login = true) {
    auto c = open_sdk_client(dir, server);
    if (login) call(c, "auth.login_staff", {{"staff_id", "E1001"}, {"password", "demo1001"}}, SC_OK);
    return c;
}

json find_item(const json& list, const std::string& id) {
    for (const auto& item : list["items"]) {
        if (item["id"] == id) return item;
    }
    return json();
}

std::vector<std::string> history_states(const json& ticket) {
    std::vector<std::string> out;
    for (const auto& h : ticket["workOrder"]["history"]) out.push_back(h["status"]);
    return out;
}

}  // namespace

TEST_CASE("an engineer completes a visit through the SDK and the customer's app follows it") {
    ServerProcess server;
    TempDir engineer_dir, customer_dir;
    auto customer = open_sdk_client(customer_dir, server.base_url());
    sign_in_customer(customer);
    EventLog customer_events(customer);
    auto engineer = engineer_client(engineer_dir, server.base_url());

    auto list = call(engineer, "workorders.list", json::object(), SC_OK);
    CHECK(list["stale"] == false);
    REQUIRE(find_item(list, kWo).is_object());
    CHECK(find_item(list, kWo)["state"] == "assigned");
    CHECK(find_item(list, kWo)["place"]["address"] == "幸福路 12 号 3 单元 501");

    // Checked on the device: bad arguments name the field, the lifecycle is enforced.
    auto missing = call(engineer, "workorders.update", {{"id", kWo}, {"status", "enRoute"}}, SC_E_INVALID_ARGUMENT);
    CHECK(missing["error"]["fields"].size() == 2);  // location and eta
    CHECK(call(engineer, "workorders.update", {{"id", kWo}, {"status", "flying"}}, SC_E_INVALID_ARGUMENT)["error"]["field"] == "status");
    CHECK(call(engineer, "workorders.update", {{"id", kWo}, {"status", "accepted"}, {"eta", -3}}, SC_E_INVALID_ARGUMENT)["error"]["field"] == "eta");
    CHECK(call(engineer, "workorders.update", {{"id", kWo}, {"status", "completed"}}, SC_E_CONFLICT)["error"]["code"] ==
          "workorder.illegal_transition");
    CHECK(call(engineer, "workorders.update", {{"id", "WO-NOPE"}, {"status", "accepted"}}, SC_E_NOT_FOUND)["error"]["code"] ==
          "server.not_found");

    CHECK(call(engineer, "workorders.update", {{"id", kWo}, {"status", "accepted"}}, SC_OK)["state"] == "accepted");
    auto en_route = call(engineer, "workorders.update", kEnRoute, SC_OK);
    CHECK(en_route["state"] == "enRoute");
    CHECK(en_route["eta"].is_string());
    // The customer's app hears of it without asking, and its cache already holds the ETA.
    REQUIRE(customer_events.wait_for("workorder.updated", [](const json& d) { return d["status"] == "enRoute"; }));
    CHECK(call(customer, "workorders.list", json::object(), SC_E_UNAUTHENTICATED)["error"]["code"] == "auth.no_session");

    CHECK(call(engineer, "workorders.update", {{"id", kWo}, {"status", "onSite"}}, SC_OK)["state"] == "onSite");
    CHECK(call(engineer, "workorders.update", {{"id", kWo}, {"status", "completed"}, {"note", "更换光猫"}}, SC_OK)["state"] ==
          "completed");
    REQUIRE(customer_events.wait_for("ticket.updated", [](const json& d) { return d["status"] == "resolved"; }));

    auto ticket = call(customer, "tickets.get", {{"id", kTicket}}, SC_OK);
    CHECK(ticket["status"] == "resolved");
    CHECK(history_states(ticket) == std::vector<std::string>{"assigned", "accepted", "enRoute", "onSite", "completed"});
    CHECK(ticket["workOrder"]["history"][2]["eta"].is_string());
    CHECK(ticket["workOrder"]["history"][2]["recordedAt"].is_string());
    CHECK(ticket["workOrder"]["location"]["latitude"] == doctest::Approx(39.91));
    CHECK(call(engineer, "sync.status", json::object(), SC_OK)["pending"] == 0);
}

TEST_CASE("work-order updates made offline arrive once, in order, stamped with the device's time") {
    TempDir engineer_dir;
    ServerProcess server;
    auto engineer = engineer_client(engineer_dir, server.base_url());
    call(engineer, "workorders.list", json::object(), SC_OK);

    REQUIRE(server.stop() == 0);
    auto accepted = call(engineer, "workorders.update", {{"id", kWo}, {"status", "accepted"}}, SC_E_OFFLINE_QUEUED);
    CHECK(accepted["state"] == "accepted");
    CHECK(accepted["pending_sync"] == true);
    call(engineer, "workorders.update", kEnRoute, SC_E_OFFLINE_QUEUED);
    // The device knows the order is en route now, so it may not jump to completed.
    CHECK(call(engineer, "workorders.update", {{"id", kWo}, {"status", "completed"}}, SC_E_CONFLICT)["error"]["code"] ==
          "workorder.illegal_transition");
    auto offline = call(engineer, "workorders.list", json::object(), SC_OK);
    CHECK(offline["stale"] == true);
    CHECK(find_item(offline, kWo)["state"] == "enRoute");
    CHECK(find_item(offline, kWo)["pending_sync"] == true);
    auto waiting = call(engineer, "sync.status", json::object(), SC_OK);
    CHECK(waiting["pending"] == 2);
    CHECK(waiting["pending_by_command"]["workorders.update"] == 2);

    server.restart();
    call(engineer, "sync.now", json::object(), SC_OK);
    CHECK(call(engineer, "sync.status", json::object(), SC_OK)["pending"] == 0);
    CHECK(call(engineer, "sync.now", json::object(), SC_OK)["sent"] == 0);  // nothing twice
    auto online = call(engineer, "workorders.list", json::object(), SC_OK);
    CHECK(find_item(online, kWo)["state"] == "enRoute");
    CHECK_FALSE(find_item(online, kWo).contains("pending_sync"));

    ApiClient customer(server);
    REQUIRE(customer.login_customer().status == 201);
    auto ticket = customer.get("/tmf-api/troubleTicket/v4/troubleTicket/" + kTicket);
    REQUIRE(ticket.status == 200);
    CHECK(history_states(ticket.body) == std::vector<std::string>{"assigned", "accepted", "enRoute"});
    const auto& steps = ticket.body["workOrder"]["history"];
    // Recorded when the engineer tapped, which is before the server heard of it.
    CHECK(steps[1]["recordedAt"].get<std::string>() <= steps[1]["at"].get<std::string>());
    CHECK(steps[1]["recordedAt"].get<std::string>() <= steps[2]["recordedAt"].get<std::string>());
    CHECK(ticket.body["status"] == "inProgress");
}

TEST_CASE("an update the server refuses on arrival is kept, marked failed and announced") {
    ServerProcess server;
    TempDir engineer_dir;
    {
        auto engineer = engineer_client(engineer_dir, server.base_url());
        call(engineer, "workorders.list", json::object(), SC_OK);
    }
    // Meanwhile the customer cancels the fault; the visit is cancelled with it.
    ApiClient customer(server);
    REQUIRE(customer.login_customer().status == 201);
    REQUIRE(customer.patch("/tmf-api/troubleTicket/v4/troubleTicket/" + kTicket, {{"status", "cancelled"}}).status == 200);

    {
        // Out of coverage, the engineer accepts the visit the device still shows as assigned.
        auto offline = engineer_client(engineer_dir, kNoServer, false);
        call(offline, "workorders.update", {{"id", kWo}, {"status", "accepted"}}, SC_E_OFFLINE_QUEUED);
    }
    auto engineer = engineer_client(engineer_dir, server.base_url(), false);
    EventLog events(engineer);
    call(engineer, "sync.now", json::object(), SC_OK);
    auto failed = events.wait_for("sync.failed", [](const json& d) { return d["command"] == "workorders.update"; });
    REQUIRE(failed);
    CHECK((*failed)["data"]["id"] == kWo);
    CHECK((*failed)["data"]["code"] == "workorder.illegal_transition");

    auto status = call(engineer, "sync.status", json::object(), SC_OK);
    CHECK(status["pending"] == 0);
    CHECK(status["failed"] == 1);
    CHECK(status["items"][0]["last_error"] == "workorder.illegal_transition");
    auto list = call(engineer, "workorders.list", json::object(), SC_OK);
    CHECK(find_item(list, kWo)["state"] == "cancelled");
    CHECK(find_item(list, kWo)["sync_failed"]["state"] == "accepted");
}
