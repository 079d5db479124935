// SPDX-License-Identifier: Apache-2.0
// Every route the server registers is described in server/openapi.yaml, which it also serves.
#include <doctest/doctest.h>

#include <cstdio>
#include <regex>

#include "support/server_process.hpp"

using namespace selfcare::test;

TEST_CASE("every registered route is in the OpenAPI document") {
    ServerProcess server;
    ApiClient c(server);
    auto doc = c.get("/openapi.yaml");
    REQUIRE(doc.status == 200);
    const std::string yaml = doc.raw;
    CHECK(yaml.rfind("openapi: 3", 0) == 0);

    FILE* p = ::popen((std::string(SC_SERVER_BINARY) + " --list-routes").c_str(), "r");
    REQUIRE(p != nullptr);
    char line[512];
    int routes = 0;
    while (std::fgets(line, sizeof line, p) != nullptr) {
        std::string s(line);
        s.erase(s.find_last_not_of("\r\n") + 1);
        const auto space = s.find(' ');
        std::string method = s.substr(0, space);
        std::string path = std::regex_replace(s.substr(space + 1), std::regex(R"(\(\[A-Za-z0-9-\]\{1,40\}\))"), "{id}");
        for (auto& ch : method) ch = static_cast<char>(std::tolower(ch));
        CAPTURE(s);
        const auto at = yaml.find("\n  " + path + ":\n");
        REQUIRE(at != std::string::npos);
        const auto next = yaml.find("\n  /", at + 1);
        const std::string block = yaml.substr(at, next == std::string::npos ? std::string::npos : next - at);
        CHECK(block.find("\n    " + method + ":") != std::string::npos);
        ++routes;
    }
    ::pclose(p);
    CHECK(routes >= 30);
}

TEST_CASE("health answers 200 and names the backend this suite runs on") {
    ServerProcess server;
    ApiClient c(server);
    auto r = c.get("/health");
    REQUIRE(r.status == 200);
    CHECK(r.body["database"] == (std::getenv("SC_TEST_PG_STATE") ? "postgres" : "sqlite"));
    CHECK(server.stop() == 0);
}
