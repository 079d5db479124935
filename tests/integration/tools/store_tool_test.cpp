// SPDX-License-Identifier: Apache-2.0
// selfcare-store, run as staff run it: reports a store's state and its problems by error id, and
// never prints what the store holds.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include "platform_default/file_key_store.hpp"
#include "platform_default/system_clock.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

using namespace selfcare;

namespace {

struct Run {
    int exit_code = -1;
    std::string output;
};

Run run_tool(const std::string& args) {
    Run r;
    const std::string cmd = std::string(SC_STORE_TOOL) + " " + args + " 2>&1";
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), buf.size(), p) != nullptr) r.output += buf.data();
    const int status = ::pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

}  // namespace

TEST_CASE("info creates a store on first run and reports counts, never content") {
    test::TempDir dir;
    const auto db = (dir / "selfcare.db").string();
    auto first = run_tool("info --db " + db);
    CHECK(first.exit_code == 0);
    CHECK(first.output.find("created now: yes") != std::string::npos);

    {
        platform_default::FileKeyStore keys(dir / "keys" / "store.key");
        const platform_default::SystemClock clock;
        auto s = store::Store::open(dir / "selfcare.db", keys, clock);
        REQUIRE(s.ok());
        REQUIRE((*s)->enqueue("ticket.create", R"({"contact":"13912345678"})").ok());
    }
    auto check = run_tool("check --db " + db);
    CHECK(check.exit_code == 0);
    CHECK(check.output.find("integrity: checked, sound") != std::string::npos);
    CHECK(check.output.find("outbox: 1 waiting to be sent") != std::string::npos);
    CHECK(check.output.find("13912345678") == std::string::npos);
}

TEST_CASE("a wrong key is reported by id and exit code 1; wipe removes everything") {
    test::TempDir dir;
    const auto db = (dir / "selfcare.db").string();
    REQUIRE(run_tool("info --db " + db).exit_code == 0);
    platform_default::FileKeyStore keys(dir / "keys" / "store.key");
    REQUIRE(keys.destroy().ok());
    REQUIRE(keys.create().ok());
    auto r = run_tool("check --db " + db);
    CHECK(r.exit_code == 1);
    CHECK(r.output.find("error: storage.wrong_key") != std::string::npos);

    CHECK(run_tool("wipe --db " + db).exit_code == 0);
    CHECK(test::files_under(dir.path()).empty());
}

TEST_CASE("bad usage exits 2 with the usage text") {
    auto r = run_tool("frobnicate");
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("unknown command") != std::string::npos);
    CHECK(run_tool("info --colour").exit_code == 2);
}
