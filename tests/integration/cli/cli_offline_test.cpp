// SPDX-License-Identifier: Apache-2.0
// The tool out of coverage: with the server stopped, a fault report is saved on the device and
// the tool says so with exit code 4; `status` shows it waiting; once the server is back in the
// same place, `sync` sends everything (with progress on stderr for more than a handful) and the
// server holds each report exactly once.
#include <doctest/doctest.h>

#include <string>

#include "cli_fixture.hpp"
#include "support/server_process.hpp"

using namespace selfcare::test;

namespace {

std::vector<std::string> report(int n) {
    return {"report",        "--category", "business",  "--subcategory", "billingDispute",
            "--description", "离线命令行投诉第 " + std::to_string(n) + " 张：话费异常", "--contact", kDemoCustomer};
}

}  // namespace

TEST_CASE("offline, reports are saved with exit code 4 and `sync` sends them when the server is back") {
    ServerProcess server;
    Cli cli(server.base_url());
    cli.sign_in_customer();
    REQUIRE(server.stop() == 0);

    constexpr int kReports = 6;  // more than a handful: progress is shown although stderr is a pipe
    for (int i = 1; i <= kReports; ++i) {
        const auto saved = cli.run(report(i));
        CAPTURE(saved.err);
        CHECK(saved.exit_code == 4);
        CHECK(saved.out.find("Saved as L-") != std::string::npos);
        CHECK(saved.err.find("Saved on this device") != std::string::npos);
    }
    const auto waiting = cli.run({"status"});
    CHECK(waiting.exit_code == 0);
    CHECK(waiting.out.find("Waiting to send  6: tickets.create 6") != std::string::npos);
    CHECK(cli.run({"tickets"}).out.find("(not sent yet)") != std::string::npos);

    const auto still_down = cli.run({"sync"});
    CHECK(still_down.exit_code == 5);
    CHECK(still_down.err.find("6 still waiting") != std::string::npos);

    server.restart();
    const auto sent = cli.run({"sync"});
    CAPTURE(sent.err);
    CHECK(sent.exit_code == 0);
    CHECK(sent.out.find("still waiting 0") != std::string::npos);
    CHECK(sent.err.find("sync: 6 of 6 sent") != std::string::npos);
    CHECK(cli.run({"status"}).out.find("Waiting to send  0") != std::string::npos);

    ApiClient direct(server);
    REQUIRE(direct.login_customer().status == 201);
    int arrived = 0;
    for (const auto& t : direct.get("/tmf-api/troubleTicket/v4/troubleTicket?limit=100").body) {
        if (t.value("description", "").rfind("离线命令行投诉", 0) == 0) ++arrived;
    }
    CHECK(arrived == kReports);
    CHECK(cli.run({"sync"}).out.find("Sent 0") != std::string::npos);  // nothing twice
}
