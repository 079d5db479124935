// SPDX-License-Identifier: Apache-2.0
// A field engineer without the app, on the `selfcare` tool: signs in (the password piped, never
// shown), lists the day's work orders and moves the demo visit through its lifecycle; a step the
// lifecycle forbids and a missing ETA are refused with the flag named. The customer's timeline
// then shows every step with the ETA given.
#include <doctest/doctest.h>

#include <regex>
#include <string>

#include "cli_fixture.hpp"
#include "support/server_process.hpp"

using namespace selfcare::test;

namespace {

const std::string kWo = "WO-DEMO-0001";

// The index in `text` of the first line after `from` that holds all of `words`.
std::size_t line_with(const std::string& text, std::size_t from, const std::vector<std::string>& words) {
    for (std::size_t at = from; at < text.size();) {
        const auto end = text.find('\n', at);
        const std::string line = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
        bool all = true;
        for (const auto& w : words) all = all && line.find(w) != std::string::npos;
        if (all) return at;
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return std::string::npos;
}

}  // namespace

TEST_CASE("an engineer signs in, lists work orders and completes a visit step by step") {
    ServerProcess server;
    Cli engineer(server.base_url());

    const auto login = engineer.run({"login-staff", kDemoEngineer}, std::string(kDemoEngineerPassword) + "\n");
    CAPTURE(login.err);
    REQUIRE(login.exit_code == 0);
    CHECK(login.out.find("Signed in as E1001 (engineer)") != std::string::npos);
    check_nothing_secret_shown(login);

    const auto list = engineer.run({"workorders"});
    REQUIRE(list.exit_code == 0);
    const auto row = line_with(list.out, 0, {kWo, "assigned", "幸福路 12 号 3 单元 501", "TT-DEMO-0001"});
    CHECK(row != std::string::npos);

    // Refused on the device, naming what is wrong.
    const auto jump = engineer.run({"workorder", "update", kWo, "--status", "completed"});
    CHECK(jump.exit_code == 7);
    CHECK(jump.err.find("workorder.illegal_transition") != std::string::npos);
    const auto no_eta = engineer.run({"workorder", "update", kWo, "--status", "enRoute"});
    CHECK(no_eta.exit_code == 2);
    CHECK(no_eta.err.find("--eta") != std::string::npos);
    CHECK(no_eta.err.find("--lat/--lon") != std::string::npos);

    CHECK(engineer.run({"workorder", "update", kWo, "--status", "accepted"}).out.find("is now accepted") != std::string::npos);
    const auto en_route =
        engineer.run({"workorder", "update", kWo, "--status", "enRoute", "--eta", "25", "--lat", "39.91", "--lon", "116.40"});
    CAPTURE(en_route.err);
    CHECK(en_route.exit_code == 0);
    CHECK(en_route.out.find("is now enRoute (arrives about ") != std::string::npos);
    CHECK(engineer.run({"workorder", "update", kWo, "--status", "onSite"}).exit_code == 0);
    const auto done = engineer.run({"workorder", "update", kWo, "--status", "completed", "--note", "更换光猫"});
    CAPTURE(done.err);
    CHECK(done.exit_code == 0);
    CHECK(done.out.find("is now completed") != std::string::npos);
    CHECK(line_with(engineer.run({"workorders"}).out, 0, {kWo, "completed"}) != std::string::npos);
    CHECK(engineer.run({"status"}).out.find("Waiting to send  0") != std::string::npos);

    // What the customer sees of it.
    Cli customer(server.base_url());
    customer.sign_in_customer();
    const auto ticket = customer.run({"ticket", "TT-DEMO-0001"});
    CAPTURE(ticket.out);
    REQUIRE(ticket.exit_code == 0);
    CHECK(ticket.out.find("resolved") != std::string::npos);
    const auto visit = ticket.out.find("Engineer visit " + kWo);
    REQUIRE(visit != std::string::npos);
    std::size_t at = visit;
    for (const char* step : {"assigned", "accepted", "enRoute", "onSite", "completed"}) {
        CAPTURE(step);
        const auto next = line_with(ticket.out, at, {step});
        REQUIRE(next != std::string::npos);
        at = next + 1;  // each step after the one before
    }
    // The en-route step carries the ETA given then (a second time on the same line).
    const auto en_route_line = line_with(ticket.out, visit, {"enRoute"});
    const std::string line = ticket.out.substr(en_route_line, ticket.out.find('\n', en_route_line) - en_route_line);
    CHECK(std::regex_search(line, std::regex(R"(\d\d:\d\d .*enRoute\s+\d{4}-\d\d-\d\d \d\d:\d\d)")));
    CHECK(ticket.out.find("更换光猫") != std::string::npos);
}
