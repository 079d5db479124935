// SPDX-License-Identifier: Apache-2.0
// A fresh PostgreSQL database per test server, in the throwaway cluster that ctest's `pg`
// fixture starts (scripts/pg_cluster.sh). Tests pick PostgreSQL when SC_TEST_PG_STATE is set.
#pragma once

#include <libpq-fe.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>

#include "support/temp_dir.hpp"

namespace selfcare::test {

/// The URL of a new, empty database, or std::nullopt when the tests run on SQLite.
inline std::optional<std::string> fresh_pg_database() {
    const char* state = std::getenv("SC_TEST_PG_STATE");
    if (state == nullptr || *state == '\0') return std::nullopt;
    std::ifstream in(state);
    std::string admin_url;
    if (!std::getline(in, admin_url)) throw std::runtime_error("no PostgreSQL cluster state in SC_TEST_PG_STATE");
    static int counter = 0;
    const std::string name = "selfcare_t" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    PGconn* c = PQconnectdb(admin_url.c_str());
    if (PQstatus(c) != CONNECTION_OK) {
        PQfinish(c);
        throw std::runtime_error("cannot reach the test PostgreSQL cluster");
    }
    PGresult* r = PQexec(c, ("CREATE DATABASE " + name).c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    PQfinish(c);
    if (!ok) throw std::runtime_error("cannot create a test database");
    return admin_url.substr(0, admin_url.rfind('/') + 1) + name;
}

}  // namespace selfcare::test
