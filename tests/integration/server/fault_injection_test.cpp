// SPDX-License-Identifier: Apache-2.0
// The test-only --fault drop-response flag: a successful write commits and its answer never
// arrives; a refused request is answered as usual; a held answer does not keep SIGTERM from
// stopping the server cleanly; and the flag is refused unless the server listens on loopback.
#include <doctest/doctest.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

#include "support/server_process.hpp"

using namespace selfcare::test;

namespace {

constexpr const char* kRedemption = "/tmf-api/loyalty/v4/redemption";

bool wait_for_log(const ServerProcess& server, const std::string& text) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);  // a bound, not a measure
    while (server.log().find(text) == std::string::npos) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

}  // namespace

TEST_CASE("--fault drop-response: the write commits, its answer is withheld, the server still stops") {
    ServerProcess server({"--fault", std::string("drop-response:POST:") + kRedemption + ":1"});
    ApiClient api(server);
    REQUIRE(api.login_customer().status == 201);
    const auto points_before = api.get("/tmf-api/loyalty/v4/loyaltyAccount").body["points"].get<std::int64_t>();

    // A refusal is not a committed write: it is answered, and the fault stays armed.
    auto refused = api.post(kRedemption, {{"rewardId", "R-NO-SUCH"}}, {{"Idempotency-Key", "fault-k0"}});
    CHECK(refused.status == 404);

    httplib::Client impatient("127.0.0.1", server.port());
    impatient.set_read_timeout(1, 0);
    const httplib::Headers headers{{"Authorization", "Bearer " + api.token()}, {"Idempotency-Key", "fault-k1"}};
    const std::string body = R"({"rewardId":"R-DATA-5G"})";
    CHECK_FALSE(impatient.Post(kRedemption, headers, body, "application/json"));  // no answer came
    REQUIRE(wait_for_log(server, std::string("fault: dropped the answer to POST ") + kRedemption));

    // It committed: the redemption is there and the points are gone, once.
    const auto redemptions = api.get(kRedemption).body;
    REQUIRE(redemptions.size() == 1);
    const auto cost = redemptions[0]["points"].get<std::int64_t>();
    CHECK(api.get("/tmf-api/loyalty/v4/loyaltyAccount").body["points"] == points_before - cost);
    // The fault was for one answer: the resend with the same key gets the first result.
    auto resent = api.post(kRedemption, {{"rewardId", "R-DATA-5G"}}, {{"Idempotency-Key", "fault-k1"}});
    CHECK(resent.status == 201);
    CHECK(resent.body["id"] == redemptions[0]["id"]);

    // The withheld answer still occupies a worker: SIGTERM must release it and exit cleanly.
    CHECK(server.stop() == 0);
}

TEST_CASE("--fault is refused unless the server listens on a loopback address") {
    std::string why;
    try {
        ServerProcess refused({"--listen", "0.0.0.0:0", "--fault", std::string("drop-response:POST:") + kRedemption + ":1"});
    } catch (const std::runtime_error& e) {
        why = e.what();
    }
    CHECK(why.find("--fault is for tests only and needs a loopback --listen") != std::string::npos);
}
