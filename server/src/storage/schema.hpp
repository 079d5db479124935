// SPDX-License-Identifier: Apache-2.0
// The server schema, one list of statements per SQL dialect (they differ only in how an
// auto-increasing key is spelled). Every statement is idempotent (IF NOT EXISTS).
#pragma once

#include <string>
#include <vector>

namespace selfcare::server {

enum class SqlDialect { kSqlite, kPostgres };

/// The statements that create the schema, in order.
std::vector<std::string> schema_statements(SqlDialect dialect);

}  // namespace selfcare::server
