// SPDX-License-Identifier: Apache-2.0
// The query flow: account, bills and usage with paging, catalogue, knowledge base, notices.
#include <doctest/doctest.h>

#include "support/server_process.hpp"

using namespace selfcare::test;

TEST_CASE("account, bills, usage, catalogue, knowledge base and notices") {
    ServerProcess server;
    ApiClient c(server);
    REQUIRE(c.login_customer().status == 201);

    auto account = c.get("/selfcare/v1/account");
    REQUIRE(account.status == 200);
    CHECK(account.body["balance"]["fen"] == 4650);
    CHECK(account.body["balance"]["value"] == "46.50");
    CHECK(account.body["plan"]["id"] == "P-58");
    CHECK(account.body["allowances"].size() == 3);

    auto bills = c.get("/tmf-api/customerBillManagement/v4/customerBill?limit=4");
    CHECK(bills.status == 206);
    CHECK(bills.header("X-Total-Count") == "6");
    CHECK(bills.header("X-Result-Count") == "4");
    const std::string month = bills.body[0]["billingPeriod"];
    auto usage = c.get("/tmf-api/usageConsumption/v4/usage?month=" + month);
    CHECK(usage.status == 200);
    CHECK(usage.body.size() == 12);
    for (const auto& u : usage.body) {
        if (u["usageType"] != "data") CHECK(u["counterpart"].get<std::string>().find("****") != std::string::npos);
    }
    CHECK(c.get("/tmf-api/usageConsumption/v4/usage?month=2026-13").body["field"] == "month");
    CHECK(c.get("/tmf-api/customerBillManagement/v4/customerBill?limit=1000").body["field"] == "limit");

    auto plans = c.get("/tmf-api/productCatalogManagement/v4/productOffering?kind=plan");
    REQUIRE(plans.status == 200);
    CHECK(plans.body.size() >= 4);
    for (const auto& p : plans.body) CHECK(p["kind"] == "plan");

    auto kb = c.get("/selfcare/v1/kb?q=" + httplib::detail::encode_query_param("光猫"));
    REQUIRE(kb.status == 200);
    REQUIRE_FALSE(kb.body["articles"].empty());
    CHECK(kb.body["articles"][0]["title"].get<std::string>().find("光猫") != std::string::npos);  // title matches first
    CHECK(kb.body["articles"].size() >= 2);
    auto kb_en = c.get("/selfcare/v1/kb?locale=en&q=modem");
    CHECK_FALSE(kb_en.body["articles"].empty());
    CHECK(c.get("/selfcare/v1/kb?q=%25").status == 200);  // a literal %, not a wildcard

    auto notices = c.get("/selfcare/v1/notices");
    REQUIRE(notices.status == 200);
    CHECK(notices.body["notices"].size() == 2);  // the area notice and the all-areas weather notice
}
