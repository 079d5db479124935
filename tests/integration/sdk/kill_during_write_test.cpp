// SPDX-License-Identifier: Apache-2.0
// kill -9 of an app in the middle of reporting a fault: the app (sdk_child, a separate process)
// has accepted the ticket locally and is waiting for the server's answer when it is killed.
// Whether or not the server had committed the ticket by then, the next start of the app sends it
// (sync.now) and the server holds exactly one ticket for that local reference.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.hpp"
#include "support/child_process.hpp"
#include "support/sdk_call.hpp"
#include "support/server_process.hpp"
#include "support/silent_listener.hpp"

using namespace selfcare::test;
using nlohmann::json;

namespace {

constexpr const char* kTicketRoute = "/tmf-api/troubleTicket/v4/troubleTicket";
constexpr auto kPatience = std::chrono::seconds(60);  // upper bound for waiting, not a measure

json ticket_args(const std::string& description) {
    return {{"category", "business"}, {"subcategory", "billingDispute"}, {"description", description},
            {"contact", kDemoCustomer}, {"channel", "app"}};
}

// Signs the demo customer in on `dir`, as the app did on an earlier run.
void sign_in(const TempDir& dir, const ServerProcess& server) {
    auto client = open_sdk_client(dir, server.base_url());
    sign_in_customer(client);
}

// Runs sdk_child: an app on `dir` talking to `server_url` that creates one ticket. Its timeout
// is long, so it is still waiting for the answer when the test kills it.
std::unique_ptr<ChildProcess> start_app(const TempDir& dir, const std::string& server_url, const std::string& description) {
    const json config{{"data_dir", dir.path().string()}, {"server", server_url}, {"network", {{"timeout_ms", 600000}}}};
    return std::make_unique<ChildProcess>(
        std::vector<std::string>{SC_SDK_CHILD_BINARY, config.dump(), "tickets.create", ticket_args(description).dump()},
        (dir.path() / "child.log").string());
}

// The server's tickets of the demo customer with `description`.
json server_tickets_with(ApiClient& direct, const std::string& description) {
    json found = json::array();
    const auto all = direct.get(std::string(kTicketRoute) + "?limit=100").body;
    for (const auto& t : all) {
        if (t.value("description", "") == description) found.push_back(t);
    }
    return found;
}

// What the device holds after the kill, read with no server configured (so nothing is sent):
// the ticket's local reference, and how many commands wait in the outbox.
struct DeviceState {
    std::string local_ref;
    json pending;
};
DeviceState device_state(const TempDir& dir, const std::string& description) {
    auto offline = open_sdk_client(json{{"data_dir", dir.path().string()}});
    DeviceState s;
    s.pending = call(offline, "sync.status", json::object(), SC_OK)["pending"];
    const auto list = call(offline, "tickets.list", json::object(), SC_OK);
    for (const auto& t : list["items"]) {
        if (t.value("description", "") == description) s.local_ref = t.value("local_ref", "");
    }
    return s;
}

// Starts the app again against the real server and syncs; checks nothing is left to send.
void restart_and_sync(const TempDir& dir, const ServerProcess& server) {
    auto client = open_sdk_client(dir, server.base_url());
    call(client, "sync.now", json::object(), SC_OK);
    CHECK(call(client, "sync.status", json::object(), SC_OK)["pending"] == 0);
}

bool wait_for_log(const ServerProcess& server, const std::string& text) {
    const auto deadline = std::chrono::steady_clock::now() + kPatience;
    while (server.log().find(text) == std::string::npos) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

// After the kill: the device still holds the report as pending; the next start sends it, and
// the server then holds exactly one ticket carrying the device's local reference, whether or not
// it had committed one before the kill.
void expect_sent_once_after_restart(const TempDir& dir, const ServerProcess& server, const std::string& description,
                                    bool committed_before_kill) {
    ApiClient direct(server);
    REQUIRE(direct.login_customer().status == 201);
    REQUIRE(server_tickets_with(direct, description).size() == (committed_before_kill ? 1u : 0u));
    const auto device = device_state(dir, description);
    CHECK(device.pending == 1);
    REQUIRE(device.local_ref.starts_with("L-"));

    restart_and_sync(dir, server);
    const auto tickets = server_tickets_with(direct, description);
    REQUIRE(tickets.size() == 1);
    CHECK(tickets[0]["externalId"] == device.local_ref);
}

}  // namespace

TEST_CASE("killed after the server committed the ticket: the resend returns it, no second ticket") {
    ServerProcess server({"--fault", std::string("drop-response:POST:") + kTicketRoute + ":1"});
    TempDir dir;
    sign_in(dir, server);
    const std::string description = "杀进程测试：服务器已受理，应答丢失";

    auto app = start_app(dir, server.base_url(), description);
    // The server logs the drop after the ticket committed; the app is left waiting.
    REQUIRE(wait_for_log(server, std::string("fault: dropped the answer to POST ") + kTicketRoute));
    REQUIRE(app->kill_hard());  // it was still waiting: killed, not finished

    expect_sent_once_after_restart(dir, server, description, /*committed_before_kill=*/true);
}

TEST_CASE("killed before the server saw the ticket: the next start sends it, exactly once") {
    ServerProcess server;
    SilentListener silent;  // takes the request and never answers: nothing reaches the server
    TempDir dir;
    sign_in(dir, server);
    const std::string description = "杀进程测试：请求未到服务器";

    auto app = start_app(dir, silent.base_url(), description);
    REQUIRE(silent.wait_for(std::string("POST ") + kTicketRoute + " ", kPatience));
    REQUIRE(app->kill_hard());

    expect_sent_once_after_restart(dir, server, description, /*committed_before_kill=*/false);
}
