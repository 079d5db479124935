// SPDX-License-Identifier: Apache-2.0
// A customer's app writing through its outbox, and the exactly-once check afterwards: fault
// reports, orders and redemptions made through selfcare.hpp, each accepted online or queued;
// then every one of them must be on the server exactly once, read back through the API as that
// customer. Used by the reliability tests that make the network or the server fail underneath.
#pragma once

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.hpp"
#include "support/env_number.hpp"
#include "support/server_process.hpp"

namespace selfcare::test {

inline constexpr const char* kTicketRoute = "/tmf-api/troubleTicket/v4/troubleTicket";
inline constexpr const char* kOrderRoute = "/tmf-api/productOrderingManagement/v4/productOrder";
inline constexpr const char* kRedemptionRoute = "/tmf-api/loyalty/v4/redemption";
inline constexpr const char* kLoyaltyAccountRoute = "/tmf-api/loyalty/v4/loyaltyAccount";
inline constexpr const char* kWorkloadReward = "R-DATA-5G";
inline constexpr std::int64_t kWorkloadRewardCost = 500;

/// Demo customers with points to spend.
inline const std::vector<std::string>& workload_customers() {
    static const std::vector<std::string> all{"13800138000", "13900139000", "15800158000", "18600186000"};
    return all;
}


/// Every item of a list route, page by page (fails the test on an answer that is not a list).
inline nlohmann::json read_all(ApiClient& api, const std::string& route) {
    nlohmann::json all = nlohmann::json::array();
    for (int offset = 0;; offset += 100) {
        auto page = api.get(route + "?limit=100&offset=" + std::to_string(offset));
        REQUIRE_MESSAGE(page.body.is_array(), route << ": " << page.raw);
        for (auto& item : page.body) all.push_back(item);
        if (page.body.size() < 100) return all;
    }
}

/// What one customer's app did, to be found on the server afterwards.
struct Workload {
    std::string msisdn;
    // What the server held before: counts of tickets, orders, redemptions, and the points.
    std::size_t tickets_before = 0, orders_before = 0, redemptions_before = 0;
    std::int64_t points_before = 0;

    std::vector<std::string> ticket_descriptions;
    std::vector<std::string> quote_ids;
    int redemptions = 0;
    int queued = 0;                     ///< commands accepted into the outbox (answer lost or late)
    std::vector<std::string> refusals;  ///< commands not accepted at all (must stay empty)
};

/// Reads what the server holds for `msisdn` now (through the API, straight to `server`).
inline Workload start_workload(const ServerProcess& server, const std::string& msisdn) {
    ApiClient direct(server);
    REQUIRE(direct.login_customer(msisdn).status == 201);
    Workload w;
    w.msisdn = msisdn;
    w.tickets_before = read_all(direct, kTicketRoute).size();
    w.orders_before = read_all(direct, kOrderRoute).size();
    w.redemptions_before = read_all(direct, kRedemptionRoute).size();
    w.points_before = direct.get(kLoyaltyAccountRoute).body["points"].get<std::int64_t>();
    return w;
}

/// Runs one operation of the mix: about 3 % redemptions while points last, 7 % orders (quote,
/// then place; a quote that cannot be had is tried again after `pause`), the rest fault reports
/// with a description unique to (customer, `i`). Records what was asked for in `w`.
inline void run_operation(const selfcare::Client& app, Workload& w, int i, std::mt19937_64& rng,
                          std::chrono::milliseconds pause = std::chrono::milliseconds(50)) {
    const int dice = static_cast<int>(rng() % 100);
    const auto affordable = (w.points_before / kWorkloadRewardCost) - w.redemptions;
    selfcare::CallResult r;
    if (dice < 3 && affordable > 1) {
        ++w.redemptions;
        r = app.call_raw("loyalty.redeem", nlohmann::json{{"reward_id", kWorkloadReward}}.dump());
    } else if (dice < 10) {
        std::string quote_id;
        for (int tries = 0; quote_id.empty() && tries < 1000; ++tries) {
            auto quote = app.call_raw("orders.quote", nlohmann::json{{"product_id", "A-CLOUD-200G"}}.dump());
            if (quote.status == SC_OK) quote_id = nlohmann::json::parse(quote.json)["id"];
            else std::this_thread::sleep_for(pause);  // a read, not an outbox item: the app asks again
        }
        REQUIRE_MESSAGE(!quote_id.empty(), "no quote could be had");
        w.quote_ids.push_back(quote_id);
        r = app.call_raw("orders.place", nlohmann::json{{"quote_id", quote_id}}.dump());
    } else {
        const std::string description = "可靠性测试 " + w.msisdn.substr(7) + " #" + std::to_string(i);
        w.ticket_descriptions.push_back(description);
        r = app.call_raw("tickets.create", nlohmann::json{{"category", "business"},
                                                          {"subcategory", "billingDispute"},
                                                          {"description", description},
                                                          {"contact", w.msisdn},
                                                          {"channel", "app"}}
                                               .dump());
    }
    if (r.status == SC_E_OFFLINE_QUEUED) ++w.queued;
    else if (r.status != SC_OK) w.refusals.push_back(r.json);
}

/// sync.now until nothing is pending, up to `rounds` times. False if the outbox never empties.
inline bool drain_outbox(const selfcare::Client& app, int rounds = 2000) {
    for (int round = 0; round < rounds; ++round) {
        auto status = nlohmann::json::parse(app.call_raw("sync.status", "{}").json);
        if (status["pending"] == 0) return true;
        (void)app.call_raw("sync.now", "{}");
    }
    return false;
}

/// Checks that the app accepted every command, has nothing pending or failed, and that the
/// server holds each report, order and redemption of `w` exactly once, and the points spent once.
inline void check_exactly_once(const ServerProcess& server, const selfcare::Client& app, const Workload& w) {
    CAPTURE(w.msisdn);
    CHECK(w.refusals.empty());
    for (const auto& refusal : w.refusals) MESSAGE("not accepted: " << refusal);
    const auto status = nlohmann::json::parse(app.call_raw("sync.status", "{}").json);
    CHECK(status["pending"] == 0);
    CHECK_MESSAGE(status["failed"] == 0, status.dump());

    ApiClient direct(server);
    REQUIRE(direct.login_customer(w.msisdn).status == 201);
    std::map<std::string, int> tickets;
    const auto server_tickets = read_all(direct, kTicketRoute);
    for (const auto& t : server_tickets) ++tickets[t.value("description", "")];
    CHECK(server_tickets.size() == w.tickets_before + w.ticket_descriptions.size());
    int tickets_not_once = 0;
    for (const auto& d : w.ticket_descriptions) tickets_not_once += tickets[d] == 1 ? 0 : 1;
    CHECK(tickets_not_once == 0);

    std::map<std::string, int> orders;
    const auto server_orders = read_all(direct, kOrderRoute);
    for (const auto& o : server_orders) ++orders[o.value("quoteId", "")];
    CHECK(server_orders.size() == w.orders_before + w.quote_ids.size());
    int orders_not_once = 0;
    for (const auto& q : w.quote_ids) orders_not_once += orders[q] == 1 ? 0 : 1;
    CHECK(orders_not_once == 0);

    CHECK(read_all(direct, kRedemptionRoute).size() == w.redemptions_before + static_cast<std::size_t>(w.redemptions));
    CHECK(direct.get(kLoyaltyAccountRoute).body["points"] == w.points_before - kWorkloadRewardCost * w.redemptions);
}

}  // namespace selfcare::test
