// SPDX-License-Identifier: Apache-2.0
// A kiosk serves one walk-in customer after another. When a customer signs out, their session,
// cached data and store key are destroyed; a fault report they left queued (the network was
// down) survives in the kiosk's own encrypted outbox and is delivered by the kiosk, for them,
// when the network is back. A kiosk cannot deliver for someone who never signed in there.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.hpp"
#include "support/sdk_call.hpp"
#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;

namespace {

const json kKiosk{{"kind", "kiosk"}, {"id", "K-DC01"}, {"secret", "demo-kiosk-secret-0001"}, {"store_id", "S-DC01"}};
const std::string kQueued = "自助终端离线报障：家里宽带无法连接Y4T7";

selfcare::Client open_kiosk(const TempDir& dir, const std::string& server) {
    selfcare::CallResult err;
    auto c = selfcare::Client::open(json{{"data_dir", dir.path().string()}, {"server", server}, {"device", kKiosk}}.dump(), &err);
    REQUIRE_MESSAGE(c, err.json);
    return c;
}

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

bool any_file_contains(const std::filesystem::path& root, const std::string& needle) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
        if (e.is_regular_file() && read_all(e.path()).find(needle) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("a kiosk needs its registered identity") {
    TempDir dir;
    selfcare::CallResult err;
    auto c = selfcare::Client::open(json{{"data_dir", dir.path().string()}, {"device", {{"kind", "kiosk"}, {"id", "K-DC01"}}}}.dump(),
                                    &err);
    CHECK_FALSE(c);
    CHECK(err.status == SC_E_INVALID_ARGUMENT);
    CHECK(json::parse(err.json)["error"]["field"] == "device.secret");
}

TEST_CASE("signing out at a kiosk destroys the customer's data and key; their queued report is still delivered") {
    TempDir dir;
    ServerProcess server;
    auto kiosk = open_kiosk(dir, server.base_url());

    sign_in_customer(kiosk);
    call(kiosk, "account.summary", json::object(), SC_OK);
    const auto key_file = dir.path() / "customer" / "customer.key";
    REQUIRE(std::filesystem::exists(key_file));
    const std::string customer_key = read_all(key_file);

    // The network drops while the customer reports a fault: the kiosk accepts it anyway.
    REQUIRE(server.stop() == 0);
    auto queued = call(kiosk, "tickets.create",
                       {{"category", "network"}, {"subcategory", "broadbandDown"}, {"description", kQueued},
                        {"contact", kDemoCustomer}, {"channel", "kiosk"}, {"address", {{"text", "幸福路 12 号 3 单元 501"}}}},
                       SC_E_OFFLINE_QUEUED);
    const std::string local_ref = queued["id"];
    CHECK(local_ref.rfind("L-", 0) == 0);
    CHECK_FALSE(queued.contains("relatedParty"));  // the kiosk's delivery detail is not shown

    auto out = call(kiosk, "auth.logout", json::object(), SC_OK);
    CHECK(out["wiped"] == true);
    CHECK(out["queued_for_delivery"] == 1);
    // The customer is gone from the device: no session, no cache, a different key.
    CHECK(call(kiosk, "account.summary", json::object(), SC_E_UNAUTHENTICATED)["error"]["code"] == "auth.no_session");
    CHECK(call(kiosk, "tickets.list", json::object(), SC_E_UNAUTHENTICATED)["error"]["code"] == "auth.no_session");
    CHECK(read_all(key_file) != customer_key);
    CHECK_FALSE(any_file_contains(dir.path(), customer_key));
    CHECK_FALSE(any_file_contains(dir.path(), kQueued));
    CHECK(call(kiosk, "sync.status", json::object(), SC_OK)["pending"] == 1);

    // The network is back; nobody is signed in; the kiosk delivers the report for its owner.
    server.restart();
    call(kiosk, "sync.now", json::object(), SC_OK);
    CHECK(call(kiosk, "sync.status", json::object(), SC_OK)["pending"] == 0);

    ApiClient customer(server);
    REQUIRE(customer.login_customer().status == 201);
    auto tickets = customer.get("/tmf-api/troubleTicket/v4/troubleTicket?limit=100");
    int delivered = 0;
    for (const auto& t : tickets.body) {
        if (t.value("externalId", "") == local_ref) {
            ++delivered;
            CHECK(t["description"] == kQueued);
            CHECK(t["channel"]["name"] == "kiosk");
        }
    }
    CHECK(delivered == 1);
    // ...and the next customer at the kiosk does not see it.
    sign_in_customer(kiosk, "13900139000");
    const auto next_customers = call(kiosk, "tickets.list", json::object(), SC_OK);
    for (const auto& t : next_customers["items"]) CHECK(t["description"] != kQueued);
}

TEST_CASE("a kiosk cannot report for someone who never signed in there") {
    ServerProcess server;
    ApiClient kiosk(server);
    auto device = kiosk.post("/auth/token", {{"device_id", "K-DC01"}, {"device_secret", "demo-kiosk-secret-0001"}});
    REQUIRE(device.status == 201);
    kiosk.set_token(device.body["access_token"]);
    const json report{{"ticketType", "business"}, {"subcategory", "billingDispute"}, {"description", "代他人投诉的测试"},
                      {"contactNumber", "13900139000"}, {"channel", {{"name", "kiosk"}}},
                      {"relatedParty", {{{"id", "13900139000"}, {"role", "customer"}}}}};
    auto r = kiosk.post("/tmf-api/troubleTicket/v4/troubleTicket", report);
    CHECK(r.status == 403);
    CHECK(r.body["code"] == "kiosk.no_visit");
    // Nor read anyone's data.
    CHECK(kiosk.get("/tmf-api/troubleTicket/v4/troubleTicket").status == 403);
}
