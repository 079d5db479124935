// SPDX-License-Identifier: Apache-2.0
// The SDK as an app uses it (selfcare.hpp over libselfcare) against the real server: sign in,
// account summary fresh, then the server goes away and the cached summary is served, marked stale.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.hpp"
#include "support/sdk_call.hpp"
#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;

TEST_CASE("sign in, query, and keep answering from the encrypted cache when the server is gone") {
    TempDir dir;
    auto server = std::make_unique<ServerProcess>();
    const std::string url = server->base_url();
    auto client = open_sdk_client(dir, url);

    auto denied = call(client, "account.summary", json::object(), SC_E_UNAUTHENTICATED);
    CHECK(denied["error"]["code"] == "auth.no_session");
    CHECK(call(client, "auth.request_otp", {{"msisdn", "12345"}}, SC_E_INVALID_ARGUMENT)["error"]["field"] == "msisdn");
    CHECK(call(client, "auth.request_otp", {{"msisdn", "+86 138 0013 8000"}}, SC_OK)["sent"] == true);
    auto wrong = call(client, "auth.login", {{"msisdn", kDemoCustomer}, {"otp", "000000"}}, SC_E_UNAUTHENTICATED);
    CHECK(wrong["error"]["code"] == "auth.login_failed");
    CHECK(call(client, "auth.request_otp", {{"msisdn", kDemoCustomer}}, SC_OK)["sent"] == true);
    auto login = call(client, "auth.login", {{"msisdn", kDemoCustomer}, {"otp", kDemoOtp}}, SC_OK);
    CHECK(login["role"] == "customer");
    CHECK(login["subject"] == "138****8000");
    CHECK_FALSE(login.contains("access_token"));

    auto fresh = call(client, "account.summary", json::object(), SC_OK);
    CHECK(fresh["stale"] == false);
    CHECK(fresh["balance"]["fen"] == 4650);

    REQUIRE(server->stop() == 0);
    auto stale = call(client, "account.summary", json::object(), SC_OK);
    CHECK(stale["stale"] == true);
    CHECK(stale["fetched_at"] == fresh["fetched_at"]);
    CHECK(stale["balance"]["fen"] == 4650);

    // Closed and reopened offline: the session and the cache are still there (encrypted on disk).
    client = selfcare::Client();
    client = open_sdk_client(dir, url);
    CHECK(call(client, "account.summary", json::object(), SC_OK)["stale"] == true);
    for (const auto& f : files_under(dir.path())) {
        const std::string bytes = read_bytes(f);
        CAPTURE(f.filename().string());
        CHECK(bytes.find("王秀兰") == std::string::npos);
        CHECK(bytes.find("13800138000") == std::string::npos);
    }

    CHECK(call(client, "auth.logout", json::object(), SC_OK)["signed_out"] == true);
    CHECK(call(client, "account.summary", json::object(), SC_E_UNAUTHENTICATED)["error"]["code"] == "auth.no_session");
}

TEST_CASE("a session the server has ended is ended on the device too, with an event") {
    TempDir dir;
    ServerProcess server;
    auto client = open_sdk_client(dir, server.base_url());
    std::vector<std::string> events;
    std::mutex m;
    auto listening = client.listen([&](const selfcare::Event& e) {
        std::lock_guard lock(m);
        events.push_back(e.name);
    });
    sign_in_customer(client);
    ApiClient admin(server);
    admin.post("/test/clock", {{"offsetSeconds", 3 * 3600}});  // the customer token expires
    auto r = call(client, "account.summary", json::object(), SC_E_UNAUTHENTICATED);
    // The background event poller may be the first to hear that the token is gone.
    const std::string code = r["error"]["code"];
    CHECK((code == "auth.session_ended" || code == "auth.no_session"));
    listening.reset();
    const auto ended = std::count(events.begin(), events.end(), "session.ended");
    CHECK(ended == 1);
    CHECK(call(client, "account.summary", json::object(), SC_E_UNAUTHENTICATED)["error"]["code"] == "auth.no_session");
}

TEST_CASE("a staff member signs in; bad staff input names the field") {
    TempDir dir;
    ServerProcess server;
    auto client = open_sdk_client(dir, server.base_url());
    CHECK(call(client, "auth.login_staff", {{"staff_id", "E1001"}}, SC_E_INVALID_ARGUMENT)["error"]["field"] == "password");
    auto ok = call(client, "auth.login_staff", {{"staff_id", "E1001"}, {"password", "demo1001"}}, SC_OK);
    CHECK(ok["role"] == "engineer");
    CHECK(call(client, "account.summary", json::object(), SC_E_UNAUTHENTICATED)["error"]["code"] == "auth.no_session");
}

TEST_CASE("the query commands answer from the server, then from the cache when it is gone") {
    TempDir dir;
    auto server = std::make_unique<ServerProcess>();
    auto client = open_sdk_client(dir, server->base_url());
    auto kb = call(client, "kb.search", {{"q", "光猫"}}, SC_OK);  // no session needed
    CHECK_FALSE(kb["items"].empty());
    CHECK(call(client, "kb.search", {{"q", ""}}, SC_E_INVALID_ARGUMENT)["error"]["field"] == "q");
    CHECK(call(client, "bills.list", json::object(), SC_E_UNAUTHENTICATED)["error"]["code"] == "auth.no_session");
    sign_in_customer(client);

    auto bills = call(client, "bills.list", json::object(), SC_OK);
    REQUIRE(bills["items"].size() == 6);
    const std::string month = bills["items"][0]["billingPeriod"];
    CHECK(call(client, "bills.get", {{"month", month}}, SC_OK)["items"].size() == 12);
    CHECK(call(client, "bills.get", {{"month", "2026-13"}}, SC_E_INVALID_ARGUMENT)["error"]["field"] == "month");
    CHECK(call(client, "catalog.plans", json::object(), SC_OK)["items"].size() >= 4);
    CHECK_FALSE(call(client, "catalog.addons", json::object(), SC_OK)["items"].empty());
    CHECK(call(client, "notices.list", json::object(), SC_OK)["items"].size() == 2);
    CHECK(call(client, "loyalty.balance", json::object(), SC_OK)["points"] == 2680);
    CHECK(call(client, "loyalty.catalog", json::object(), SC_OK)["items"].size() == 4);
    CHECK(call(client, "loyalty.history", json::object(), SC_OK)["items"].empty());
    CHECK(call(client, "orders.list", json::object(), SC_OK)["items"].empty());
    CHECK(call(client, "orders.get", {{"id", "../etc"}}, SC_E_INVALID_ARGUMENT)["error"]["field"] == "id");
    CHECK(call(client, "orders.get", {{"id", "PO-0000000000"}}, SC_E_NOT_FOUND)["error"]["code"] == "server.not_found");

    REQUIRE(server->stop() == 0);
    auto stale = call(client, "bills.get", {{"month", month}}, SC_OK);
    CHECK(stale["stale"] == true);
    CHECK(stale["items"].size() == 12);
    CHECK(call(client, "catalog.plans", json::object(), SC_OK)["stale"] == true);
    CHECK(call(client, "kb.search", {{"q", "光猫"}}, SC_E_NETWORK)["error"]["code"] == "network.unreachable");
}
