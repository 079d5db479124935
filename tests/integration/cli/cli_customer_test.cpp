// SPDX-License-Identifier: Apache-2.0
// A customer's session with the `selfcare` tool against the real server: signing in by piping
// the SMS code, the account and bills as aligned tables (Chinese text included), a fault report
// by flags and its timeline, an order and a redemption, --json and `call` for scripts. Nothing
// shown holds a full phone number, the code or a password.
#include <doctest/doctest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"
#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;

namespace {

// Terminal columns of UTF-8 text, counted independently of the tool: CJK ideographs, CJK
// punctuation and full-width forms take two columns, everything else one.
std::size_t columns_of(const std::string& text) {
    std::size_t columns = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        unsigned cp = len == 1 ? c : c & (0xFF >> (len + 1));
        for (std::size_t k = 1; k < len && i + k < text.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        const bool wide = (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF60);
        columns += wide ? 2 : 1;
        i += len;
    }
    return columns;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// The column at which `needle` ends on `line` (std::string::npos when it is not there).
std::size_t end_column(const std::string& line, const std::string& needle) {
    const auto at = line.find(needle);
    return at == std::string::npos ? at : columns_of(line.substr(0, at + needle.size()));
}

std::string first_match(const std::string& text, const std::string& pattern) {
    std::smatch m;
    return std::regex_search(text, m, std::regex(pattern)) ? m.str(0) : "";
}

}  // namespace

TEST_CASE("a customer signs in by piping the SMS code, then reads account and bills") {
    ServerProcess server;
    Cli cli(server.base_url());

    const auto login = cli.run({"login", kDemoCustomer}, std::string(kDemoOtp) + "\n");
    CAPTURE(login.err);
    CHECK(login.exit_code == 0);
    CHECK(login.out.find("Signed in as 138****8000") != std::string::npos);
    check_nothing_secret_shown(login);

    const auto account = cli.run({"account"});
    CHECK(account.exit_code == 0);
    CHECK(account.out.find("王秀兰") != std::string::npos);
    CHECK(account.out.find("畅享 58 元套餐") != std::string::npos);
    CHECK(account.out.find("¥46.50") != std::string::npos);
    CHECK(account.out.find("138****8000") != std::string::npos);
    check_nothing_secret_shown(account);

    const auto bills_json = cli.run({"--json", "bills"});
    CHECK(bills_json.exit_code == 0);
    const json bills = json_out(bills_json);
    REQUIRE(bills["items"].size() == 6);
    const std::string month = bills["items"][0]["billingPeriod"];
    const auto bills_table = cli.run({"bills"});
    CHECK(bills_table.exit_code == 0);
    CHECK(bills_table.out.find(month) != std::string::npos);
    CHECK(bills_table.out.find("套餐月费") != std::string::npos);

    const auto usage = cli.run({"bills", month});
    CHECK(usage.exit_code == 0);
    CHECK(usage.out.find("OTHER PARTY") != std::string::npos);
    CHECK(std::regex_search(usage.out, std::regex(R"(1[3-9]\d\*\*\*\*\d{4})")));  // masked, as the SDK gives them
    CHECK_FALSE(std::regex_search(usage.out, std::regex(R"(1[3-9]\d{9})")));
    CHECK(cli.run({"bills", "2026-13"}).exit_code == 2);
}

TEST_CASE("tables line up with Chinese names in them") {
    ServerProcess server;
    Cli cli(server.base_url());
    cli.sign_in_customer();
    const auto plans = cli.run({"plans"});
    REQUIRE(plans.exit_code == 0);
    // In the plans table the prices are right-aligned under PRICE, whatever the names before them.
    std::size_t header_end = std::string::npos;
    int rows = 0;
    for (const auto& line : lines_of(plans.out)) {
        if (line.find("PRICE") != std::string::npos && header_end == std::string::npos) {
            header_end = end_column(line, "PRICE");
            continue;
        }
        if (header_end == std::string::npos || line.empty()) continue;
        if (line.find("Add-ons") != std::string::npos) break;
        const std::string price = first_match(line, R"(¥\d+\.\d\d)");
        REQUIRE_FALSE(price.empty());
        CAPTURE(line);
        CHECK(end_column(line, price) == header_end);
        ++rows;
    }
    CHECK(rows >= 4);
    CHECK(plans.out.find("长辈关爱 19 元套餐") != std::string::npos);
}

TEST_CASE("a fault reported by flags, then followed as a timeline") {
    ServerProcess server;
    Cli cli(server.base_url());
    cli.sign_in_customer();

    const auto report = cli.run({"report", "--category", "network", "--subcategory", "broadbandDown", "--description",
                                 "命令行报障：宽带断网，光猫红灯闪", "--contact", kDemoCustomer, "--address", "幸福路 12 号 3 单元 501"});
    CAPTURE(report.err);
    REQUIRE(report.exit_code == 0);
    const std::string id = first_match(report.out, R"(TT-\d+)");
    REQUIRE_FALSE(id.empty());

    const auto timeline = cli.run({"ticket", id});
    CAPTURE(timeline.out);
    REQUIRE(timeline.exit_code == 0);
    CHECK(timeline.out.find("Ticket " + id) != std::string::npos);
    CHECK(timeline.out.find("Resolve by") != std::string::npos);
    CHECK(timeline.out.find("命令行报障") != std::string::npos);
    // A broadband fault at an address is dispatched at once: received, then being handled, and
    // an engineer's visit with its first step.
    const auto section = timeline.out.find("Timeline");
    REQUIRE(section != std::string::npos);
    const auto acknowledged = timeline.out.find("acknowledged", section);
    const auto in_progress = timeline.out.find("inProgress", section);
    CHECK(acknowledged != std::string::npos);
    CHECK(in_progress != std::string::npos);
    CHECK(acknowledged < in_progress);
    CHECK(timeline.out.find("Engineer visit WO-") != std::string::npos);
    CHECK(timeline.out.find("assigned") != std::string::npos);
    check_nothing_secret_shown(timeline);

    const json as_json = json_out(cli.run({"--json", "ticket", id}));
    CHECK(as_json["id"] == id);
    CHECK(as_json["contactNumber"] == "138****8000");

    const auto list = cli.run({"tickets"});
    CHECK(list.exit_code == 0);
    CHECK(list.out.find(id) != std::string::npos);
    CHECK(list.out.find("TT-DEMO-0001") != std::string::npos);

    // Without flags the report asks; from a pipe the answers come one per line.
    const auto asked = cli.run({"report"}, "business\nbillingDispute\n命令行逐项填写的投诉：话费异常\n" + std::string(kDemoCustomer) + "\n");
    CAPTURE(asked.err);
    CHECK(asked.exit_code == 0);
    CHECK(asked.out.find("Reported: TT-") != std::string::npos);

    const auto missing = cli.run({"ticket", "TT-0000000000"});
    CHECK(missing.exit_code == 7);
    CHECK(missing.err.find("not found") != std::string::npos);
}

TEST_CASE("an order confirmed with --yes and a redemption confirmed on stdin, each charged once") {
    ServerProcess server;
    Cli cli(server.base_url());
    cli.sign_in_customer();

    const auto declined = cli.run({"order", "P-39"}, "n\n");
    CHECK(declined.exit_code == 1);
    CHECK(declined.out.find("¥39.00") != std::string::npos);
    CHECK(declined.out.find("next billing cycle") != std::string::npos);
    CHECK(declined.err.find("Not ordered") != std::string::npos);

    const auto ordered = cli.run({"order", "A-DATA-10G", "--yes"});
    CAPTURE(ordered.err);
    CHECK(ordered.exit_code == 0);
    CHECK(ordered.out.find("¥30.00") != std::string::npos);
    CHECK(ordered.out.find("Ordered: PO-") != std::string::npos);

    const auto redeemed = cli.run({"redeem", "R-DATA-5G"}, "y\n");
    CAPTURE(redeemed.err);
    CHECK(redeemed.exit_code == 0);
    CHECK(redeemed.out.find("Voucher code") != std::string::npos);
    CHECK(std::regex_search(redeemed.out, std::regex(R"(Points left\s+2180)")));

    ApiClient direct(server);
    REQUIRE(direct.login_customer().status == 201);
    CHECK(direct.get("/tmf-api/productOrderingManagement/v4/productOrder").body.size() == 1);
    CHECK(direct.get("/selfcare/v1/account").body["balance"]["fen"] == 4650 - 3000);
    CHECK(direct.get("/tmf-api/loyalty/v4/loyaltyAccount").body["points"] == 2680 - 500);
}

TEST_CASE("scripts: --json output parses and `call` passes any command through") {
    ServerProcess server;
    Cli cli(server.base_url());
    cli.sign_in_customer();

    const auto account = cli.run({"--json", "account"});
    CHECK(account.exit_code == 0);
    const json summary = json_out(account);
    CHECK(summary["balance"]["fen"] == 4650);
    CHECK(summary["msisdn"] == "138****8000");  // the SDK's answer, with the number masked
    check_nothing_secret_shown(account);
    CHECK(json_out(cli.run({"rewards", "--json"}))["balance"]["points"] == 2680);

    const auto info = cli.run({"call", "sdk.info"});
    CHECK(info.exit_code == 0);
    CHECK(json_out(info)["abi_version"] == 1);

    const auto ticket = cli.run({"call", "tickets.get", R"({"id":"TT-DEMO-0001"})"});
    CHECK(ticket.exit_code == 0);
    CHECK(json_out(ticket)["workOrder"]["id"] == "WO-DEMO-0001");
    check_nothing_secret_shown(ticket);

    const auto from_stdin = cli.run({"call", "kb.search", "-"}, R"({"q":"光猫"})");
    CHECK(from_stdin.exit_code == 0);
    CHECK_FALSE(json_out(from_stdin)["items"].empty());

    const auto bad = cli.run({"call", "kb.search", R"({"q":""})"});
    CHECK(bad.exit_code == 2);
    CHECK(json_out(bad)["error"]["field"] == "q");
    CHECK(bad.err.find("q: ") != std::string::npos);

    const auto unknown = cli.run({"call", "no.such.command"});
    CHECK(unknown.exit_code == 2);
    CHECK(json_out(unknown)["error"]["code"] == "command.unknown");

    const auto signed_out = cli.run({"logout"});
    CHECK(signed_out.exit_code == 0);
    const auto denied = cli.run({"account"});
    CHECK(denied.exit_code == 3);
    CHECK(denied.err.find("auth.no_session") != std::string::npos);
    CHECK(denied.err.find("selfcare login") != std::string::npos);

    const auto wrong_code = cli.run({"login", kDemoCustomer}, "000000\n");
    CHECK(wrong_code.exit_code == 3);
    check_nothing_secret_shown(wrong_code);
    // Without the number on the command line it is asked for first, then the code.
    const auto asked = cli.run({"login"}, std::string(kDemoCustomer) + "\n" + kDemoOtp + "\n");
    CHECK(asked.exit_code == 0);
    check_nothing_secret_shown(asked);
    CHECK(cli.run({"account"}).exit_code == 0);
}
