// SPDX-License-Identifier: Apache-2.0
// Sign-in and the authorization matrix, against the real server over real HTTP.
#include <doctest/doctest.h>

#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;

TEST_CASE("customer signs in with the SMS code; the log holds neither the code nor the number") {
    ServerProcess server;
    ApiClient c(server);
    auto r = c.login_customer();
    REQUIRE(r.status == 201);
    CHECK(r.body["role"] == "customer");
    CHECK(r.body["subject"] == "138****8000");
    CHECK(c.get("/selfcare/v1/account").status == 200);
    CHECK(server.stop() == 0);  // SIGTERM: clean exit
    const std::string log = server.log();
    CHECK(log.find("138****8000") != std::string::npos);
    CHECK(log.find("13800138000") == std::string::npos);
    CHECK(log.find(kDemoOtp) == std::string::npos);
    CHECK(log.find(c.token()) == std::string::npos);
}

TEST_CASE("bad sign-in input names the field") {
    ServerProcess server;
    ApiClient c(server);
    auto r = c.post("/auth/otp", {{"msisdn", "12345"}});
    CHECK(r.status == 400);
    CHECK(r.body["field"] == "msisdn");
    CHECK(r.body["code"] == "validation.msisdn_format");
    r = c.post("/auth/token", {{"msisdn", kDemoCustomer}, {"otp", "12"}});
    CHECK(r.status == 400);
    CHECK(r.body["field"] == "otp");
    r = c.send("POST", "/auth/token", "{not json");
    CHECK(r.status == 400);
    CHECK(r.body["field"] == "body");
}

TEST_CASE("five wrong codes lock the number, even for the right code") {
    ServerProcess server;
    ApiClient c(server);
    REQUIRE(c.post("/auth/otp", {{"msisdn", kDemoCustomer}}).status == 202);
    for (int i = 0; i < 4; ++i) CHECK(c.post("/auth/token", {{"msisdn", kDemoCustomer}, {"otp", "000000"}}).status == 401);
    auto fifth = c.post("/auth/token", {{"msisdn", kDemoCustomer}, {"otp", "000000"}});
    CHECK(fifth.status == 403);
    CHECK(fifth.body["code"] == "auth.locked");
    CHECK(c.post("/auth/token", {{"msisdn", kDemoCustomer}, {"otp", kDemoOtp}}).status == 403);
    CHECK(c.post("/auth/otp", {{"msisdn", kDemoCustomer}}).status == 403);
    // 15 minutes later the number may try again.
    CHECK(c.post("/test/clock", {{"offsetSeconds", 16 * 60}}).status == 200);
    CHECK(c.login_customer().status == 201);
}

TEST_CASE("a code works once and expires") {
    ServerProcess server;
    ApiClient c(server);
    REQUIRE(c.login_customer().status == 201);
    CHECK(c.post("/auth/token", {{"msisdn", kDemoCustomer}, {"otp", kDemoOtp}}).status == 401);  // used
    REQUIRE(c.post("/auth/otp", {{"msisdn", kDemoCustomer}}).status == 202);
    c.post("/test/clock", {{"offsetSeconds", 6 * 60}});
    auto r = c.post("/auth/token", {{"msisdn", kDemoCustomer}, {"otp", kDemoOtp}});
    CHECK(r.status == 401);
    CHECK(r.body["code"] == "auth.otp_expired");
}

TEST_CASE("tokens: missing, forged, expired and revoked are all 401") {
    ServerProcess server;
    ApiClient c(server);
    CHECK(c.get("/selfcare/v1/account").status == 401);
    c.set_token("forged-token");
    CHECK(c.get("/selfcare/v1/account").status == 401);
    REQUIRE(c.login_customer().status == 201);
    CHECK(c.send("POST", "/auth/logout").status == 204);
    CHECK(c.get("/selfcare/v1/account").status == 401);
    REQUIRE(c.login_customer().status == 201);
    c.post("/test/clock", {{"offsetSeconds", 3 * 3600}});
    auto r = c.get("/selfcare/v1/account");
    CHECK(r.status == 401);
    CHECK(r.body["code"] == "auth.unauthenticated");
}

TEST_CASE("authorization matrix: customers, engineers and admins see only what is theirs") {
    ServerProcess server;
    ApiClient a(server), b(server), engineer(server), other_engineer(server), admin(server);
    REQUIRE(a.login_customer("13800138000").status == 201);
    REQUIRE(b.login_customer("13900139000").status == 201);
    REQUIRE(engineer.login_staff("E1001", "demo1001").status == 201);
    REQUIRE(other_engineer.login_staff("E1002", "demo1002").status == 201);
    REQUIRE(admin.login_staff("A0001", "admin0001").status == 201);
    CHECK(engineer.login_staff("E1001", "wrong").status == 401);
    REQUIRE(engineer.login_staff("E1001", "demo1001").status == 201);

    const std::string ticket = "/tmf-api/troubleTicket/v4/troubleTicket/TT-DEMO-0001";
    CHECK(a.get(ticket).status == 200);
    CHECK(b.get(ticket).status == 404);  // another customer's ticket does not exist for them
    CHECK(b.patch(ticket, {{"status", "cancelled"}}).status == 404);
    CHECK(engineer.get(ticket).status == 200);       // assigned through the work order
    CHECK(other_engineer.get(ticket).status == 404);
    CHECK(admin.get(ticket).status == 200);

    const std::string wo = "/tmf-api/workOrderManagement/v4/workOrder/WO-DEMO-0001";
    CHECK(engineer.get(wo).status == 200);
    CHECK(other_engineer.get(wo).status == 404);
    CHECK(other_engineer.patch(wo, {{"state", "accepted"}}).status == 404);
    CHECK(a.get(wo).status == 404);
    CHECK(a.patch(wo, {{"state", "accepted"}}).status == 403);

    CHECK(a.get("/selfcare/v1/admin/metrics").status == 403);
    CHECK(engineer.get("/selfcare/v1/admin/metrics").status == 403);
    CHECK(admin.get("/selfcare/v1/admin/metrics").status == 200);
    CHECK(engineer.get("/selfcare/v1/account").status == 403);

    auto bills_a = a.get("/tmf-api/customerBillManagement/v4/customerBill");
    auto bills_b = b.get("/tmf-api/customerBillManagement/v4/customerBill");
    REQUIRE(bills_a.status == 200);
    REQUIRE(bills_b.status == 200);
    CHECK(bills_a.body[0]["id"] != bills_b.body[0]["id"]);
    CHECK(a.get("/tmf-api/troubleTicket/v4/troubleTicket").body.size() == 4);
    CHECK(b.get("/tmf-api/troubleTicket/v4/troubleTicket").body.empty());
}

TEST_CASE("a kiosk signs in as a device and serves one customer at a time") {
    ServerProcess server;
    ApiClient kiosk(server), first(server), second(server), admin(server);
    CHECK(kiosk.post("/auth/token", {{"device_id", "K-DC01"}, {"device_secret", "wrong"}}).status == 401);
    auto device = kiosk.post("/auth/token", {{"device_id", "K-DC01"}, {"device_secret", "demo-kiosk-secret-0001"}});
    REQUIRE(device.status == 201);
    CHECK(device.body["role"] == "kiosk");
    const std::string kiosk_token = device.body["access_token"];
    kiosk.set_token(kiosk_token);
    CHECK(kiosk.get("/tmf-api/troubleTicket/v4/troubleTicket").status == 403);  // reads nobody's data
    CHECK(kiosk.get("/selfcare/v1/account").status == 403);

    // Customers sign in through the kiosk (its token on the request).
    const auto login_at_kiosk = [&](ApiClient& c, const std::string& msisdn) {
        c.set_token(kiosk_token);
        c.post("/auth/otp", {{"msisdn", msisdn}});
        auto r = c.post("/auth/token", {{"msisdn", msisdn}, {"otp", kDemoOtp}});
        if (r.status == 201) c.set_token(r.body["access_token"]);
        return r;
    };
    auto r1 = login_at_kiosk(first, "13800138000");
    REQUIRE(r1.status == 201);
    CHECK(r1.body["expires_in"] == 1800);
    CHECK(first.get("/selfcare/v1/account").status == 200);
    REQUIRE(login_at_kiosk(second, "13900139000").status == 201);
    CHECK(first.get("/selfcare/v1/account").status == 401);  // the previous customer's session ended
    CHECK(second.get("/selfcare/v1/account").status == 200);

    REQUIRE(admin.login_staff("A0001", "admin0001").status == 201);
    auto reg = admin.post("/selfcare/v1/admin/devices", {{"id", "K-XS02"}, {"storeId", "S-XS01"}});
    REQUIRE(reg.status == 201);
    CHECK(kiosk.post("/auth/token", {{"device_id", "K-XS02"}, {"device_secret", reg.body["secret"]}}).status == 201);
    CHECK(admin.post("/selfcare/v1/admin/devices", {{"id", "K-XS03"}, {"storeId", "nowhere"}}).body["field"] == "storeId");
    CHECK(admin.post("/selfcare/v1/admin/devices", {{"id", "K-XS02"}, {"storeId", "S-XS01"}}).status == 409);
}
