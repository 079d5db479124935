// SPDX-License-Identifier: Apache-2.0
// The canary sweep (RELIABILITY.md item 6), for the server and the `selfcare` tool: canary
// numbers, a name-bearing description, an address, a note, codes, passwords and live tokens go
// through the customer's and the engineer's flows, by the tool and straight over HTTP. Then:
// - the server's log (its stdout and stderr) holds none of them;
// - the server's database holds no secret in clear (codes, passwords, tokens, device secret);
//   the personal data there is the system of record and is expected;
// - the tool's data and config folders hold none of them (the store is encrypted), its stderr
//   none, and its stdout no number in full, no code, password or token (a customer's own
//   description and address are shown back to them, as they should be).
// The SDK's own sweep of its files and log is integration/sdk/canary_test.cpp; the kiosk's is
// ui/kiosk_canary_test.cpp.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "integration/cli/cli_fixture.hpp"
#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kContact = "13967452301";
const std::string kDescription = "金丝雀描述SWP4R8：宽带每晚八点断线";
const std::string kAddress = "金丝雀路SWEEP77号";
const std::string kNote = "金丝雀备注NT63：已更换光猫";
const std::string kServicePassword = "135790";  // the demo customer's service password
const std::string kWrongPassword = "wrongpw-CANARY-5521";
const std::string kKioskSecret = "demo-kiosk-secret-0001";

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// "where: canary; ..." for every canary found in `bytes` ("" for none).
std::string hits_in(const std::string& where, const std::string& bytes, const std::vector<std::string>& canaries) {
    std::string hits;
    for (const auto& c : canaries) {
        if (!c.empty() && bytes.find(c) != std::string::npos) hits += where + ": " + c + "; ";
    }
    return hits;
}

// The same for every file under `root` (the database's -wal, -shm and journal files included).
std::string hits_under(const fs::path& root, const std::vector<std::string>& canaries) {
    std::string hits;
    if (!fs::exists(root)) return hits;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file()) hits += hits_in(entry.path().filename().string(), read_all(entry.path()), canaries);
    }
    return hits;
}

}  // namespace

TEST_CASE("canaries through the tool and the server: not in logs, not shown in full, no secret at rest") {
    TempDir server_files;  // SQLite always: its files are what is scanned
    ServerProcess server({}, "sqlite:" + (server_files.path() / "server.db").string());

    // A customer, with the tool: sign in by code, report with the canaries, read it back, and
    // sign in once more with the service password; then sign out.
    Cli customer(server.base_url());
    std::vector<ProgramRun> customer_runs;
    customer_runs.push_back(customer.run({"login", kDemoCustomer}, std::string(kDemoOtp) + "\n"));
    REQUIRE(customer_runs.back().exit_code == 0);
    customer_runs.push_back(customer.run({"report", "--category", "network", "--subcategory", "broadbandDown",
                                          "--description", kDescription, "--contact", kContact, "--address", kAddress}));
    CAPTURE(customer_runs.back().err);
    REQUIRE(customer_runs.back().exit_code == 0);
    customer_runs.push_back(customer.run({"tickets"}));
    customer_runs.push_back(customer.run({"--json", "tickets"}));
    const json tickets = json_out(customer_runs.back());
    REQUIRE(tickets["items"].is_array());
    std::string id;
    for (const auto& t : tickets["items"]) {
        if (t.value("description", "").find("SWP4R8") != std::string::npos) id = t.value("id", "");
    }
    REQUIRE_FALSE(id.empty());
    customer_runs.push_back(customer.run({"ticket", id}));
    customer_runs.push_back(customer.run({"--json", "ticket", id}));
    customer_runs.push_back(customer.run({"logout"}));
    customer_runs.push_back(customer.run({"login", kDemoCustomer, "--service-password"}, kServicePassword + "\n"));
    CAPTURE(customer_runs.back().err);
    CHECK(customer_runs.back().exit_code == 0);
    customer_runs.push_back(customer.run({"logout"}));
    // The description came back to its owner: the sweep below is not vacuous.
    CHECK(shown(customer_runs[4]).find("SWP4R8") != std::string::npos);

    // An engineer, with the tool: a wrong password first, then the right one and a note.
    Cli engineer(server.base_url());
    std::vector<ProgramRun> engineer_runs;
    engineer_runs.push_back(engineer.run({"login-staff", kDemoEngineer}, kWrongPassword + "\n"));
    CHECK(engineer_runs.back().exit_code != 0);
    engineer_runs.push_back(engineer.run({"login-staff", kDemoEngineer}, std::string(kDemoEngineerPassword) + "\n"));
    REQUIRE(engineer_runs.back().exit_code == 0);
    engineer_runs.push_back(engineer.run({"workorders"}));
    engineer_runs.push_back(engineer.run({"workorder", "update", "WO-DEMO-0001", "--status", "accepted", "--note", kNote}));
    CAPTURE(engineer_runs.back().err);
    CHECK(engineer_runs.back().exit_code == 0);
    engineer_runs.push_back(engineer.run({"logout"}));

    // Straight over HTTP, with live tokens the test can see: a customer, a kiosk, a bad sign-in.
    ApiClient http(server);
    REQUIRE(http.login_customer().status == 201);
    const std::string customer_token = http.token();
    CHECK(http.get("/selfcare/v1/account").status == 200);
    CHECK(http.get("/tmf-api/troubleTicket/v4/troubleTicket/" + id).status == 200);
    ApiClient kiosk(server);
    const auto k = kiosk.post("/auth/token", {{"device_id", "K-DC01"}, {"device_secret", kKioskSecret}});
    REQUIRE(k.status == 201);
    const std::string kiosk_token = k.body.value("access_token", k.body.value("token", ""));
    REQUIRE_FALSE(kiosk_token.empty());
    ApiClient stranger(server);
    CHECK(stranger.post("/auth/token", {{"staff_id", kDemoEngineer}, {"password", kWrongPassword}}).status == 401);
    CHECK(stranger.post("/auth/token", {{"msisdn", kContact}, {"otp", "13579"}}).status == 400);

    REQUIRE(server.stop() == 0);  // everything written and flushed

    const std::vector<std::string> secrets{kDemoOtp, kDemoEngineerPassword, kServicePassword, kWrongPassword,
                                           kKioskSecret, customer_token, kiosk_token};
    std::vector<std::string> personal{kDemoCustomer, kContact, kDescription, kAddress, kNote, "SWP4R8", "SWEEP77", "NT63"};
    std::vector<std::string> everything = secrets;
    everything.insert(everything.end(), personal.begin(), personal.end());

    CHECK(hits_in("server log", server.log(), everything) == "");
    CHECK(server.log().find("138****8000") != std::string::npos);  // the log does say who, masked
    CHECK(hits_under(server_files.path(), secrets) == "");
    CHECK(read_all(server_files.path() / "server.db").find("SWP4R8") != std::string::npos);  // the record is there

    for (const Cli* cli : {&customer, &engineer}) {
        CHECK(hits_under(cli->data_dir(), everything) == "");
        CHECK(hits_under(cli->config_home(), everything) == "");
    }
    const std::vector<std::string> never_shown{kDemoOtp, kDemoEngineerPassword, kServicePassword, kWrongPassword,
                                               kDemoCustomer, kContact, customer_token, kiosk_token};
    for (const auto* runs : {&customer_runs, &engineer_runs}) {
        for (const auto& r : *runs) {
            CHECK(hits_in("stderr", r.err, everything) == "");
            CHECK(hits_in("stdout", r.out, never_shown) == "");
        }
    }
}
