// SPDX-License-Identifier: Apache-2.0
// The tool's contract with scripts and people who mistype: usage errors exit 2 and name the
// option; every subcommand has --help; the config file sets server and data folder, flags win
// over it, and the data folder is created private (0700).
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"
#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;

namespace {

// Nothing listens on port 1 of the loopback; usage errors never get that far anyway.
const std::string kNoServer = "http://127.0.0.1:1";

// The subcommand names `selfcare --help` lists.
std::vector<std::string> listed_subcommands(const std::string& help) {
    std::vector<std::string> names;
    std::istringstream in(help);
    bool listing = false;
    for (std::string line; std::getline(in, line);) {
        if (line == "Subcommands:") {
            listing = true;
            continue;
        }
        if (!listing) continue;
        if (line.rfind("  ", 0) != 0) break;
        names.push_back(line.substr(2, line.find(' ', 2) - 2));
    }
    return names;
}

void write_config(const Cli& cli, const json& doc) {
    std::filesystem::create_directories(cli.config_home() / "selfcare");
    std::ofstream(cli.config_home() / "selfcare" / "cli.json") << doc.dump();
}

}  // namespace

TEST_CASE("usage errors exit 2 and name the option or argument") {
    Cli cli(kNoServer);
    struct Case {
        std::vector<std::string> args;
        std::string named;
    };
    const std::vector<Case> cases{
        {{"report", "--category"}, "--category"},
        {{"bills", "--bogus"}, "--bogus"},
        {{"workorder", "update", "WO-1", "--status", "enRoute", "--eta", "soon"}, "--eta"},
        {{"workorder", "update", "WO-1", "--status", "enRoute", "--eta", "2000"}, "--eta"},
        {{"workorder", "update", "WO-1", "--status", "enRoute", "--lat", "39.9"}, "--lon"},
        {{"workorder", "update", "WO-1"}, "--status"},
        {{"workorder", "remove", "WO-1"}, "remove"},
        {{"ticket"}, "usage: selfcare ticket ID"},
        {{"account", "extra"}, "extra"},
        {{"logout", "--yes"}, "--yes"},
        {{"frobnicate"}, "frobnicate"},
        {{"report", "--category", "network"}, "--subcategory"},  // nothing on stdin to ask
    };
    for (const auto& c : cases) {
        const auto r = cli.run(c.args);
        CAPTURE(c.args.front());
        CAPTURE(r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(c.named) != std::string::npos);
        CHECK(r.out.empty());
    }
    const auto no_value = cli.run_bare({"--server"});
    CHECK(no_value.exit_code == 2);
    CHECK(no_value.err.find("--server") != std::string::npos);
    CHECK(cli.run_bare({}).exit_code == 2);
}

TEST_CASE("--help works for every subcommand and exits 0") {
    Cli cli(kNoServer);
    const auto help = cli.run_bare({"--help"});
    REQUIRE(help.exit_code == 0);
    CHECK(help.out.find("Exit codes:") != std::string::npos);
    const auto names = listed_subcommands(help.out);
    CHECK(names.size() == 17);
    for (const auto& name : names) {
        CAPTURE(name);
        const auto r = cli.run_bare({name, "--help"});
        CHECK(r.exit_code == 0);
        CHECK(r.out.rfind("usage: selfcare " + name, 0) == 0);
        CHECK(cli.run_bare({"help", name}).out == r.out);
    }
    // --help wins over anything else that is wrong, and touches no data folder.
    CHECK(cli.run({"report", "--bogus", "--help"}).exit_code == 0);
    CHECK_FALSE(std::filesystem::exists(cli.data_dir()));
}

TEST_CASE("the config file names server and data folder; flags win; the folder is created 0700") {
    ServerProcess server;
    Cli cli(server.base_url());
    write_config(cli, {{"server", server.base_url()}, {"data_dir", "device-data"}});
    const auto configured_dir = cli.config_home() / "selfcare" / "device-data";

    const auto info = cli.run_bare({"call", "sdk.info"});
    CAPTURE(info.err);
    REQUIRE(info.exit_code == 0);
    CHECK(json_out(info)["server"] == server.base_url());
    CHECK(std::filesystem::path(json_out(info)["data_dir"].get<std::string>()) == configured_dir);
    struct stat st {};
    REQUIRE(::stat(configured_dir.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);

    const auto other = cli.config_home() / "elsewhere";
    const auto flagged = cli.run_bare({"--data-dir", other.string(), "call", "sdk.info"});
    REQUIRE(flagged.exit_code == 0);
    CHECK(std::filesystem::path(json_out(flagged)["data_dir"].get<std::string>()) == other);

    write_config(cli, {{"server", 8443}});
    const auto bad = cli.run_bare({"status"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("\"server\"") != std::string::npos);
    CHECK(bad.err.find("cli.json") != std::string::npos);

    const auto missing = cli.run_bare({"--config", (cli.config_home() / "none.json").string(), "status"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("--config") != std::string::npos);
}
