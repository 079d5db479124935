// SPDX-License-Identifier: Apache-2.0
// Schema migrations: numbered SQL files under store/migrations/, embedded at build time. Each is
// applied in its own transaction together with the new user_version and a schema_migrations row,
// so a crash leaves the schema at a whole version.
#pragma once

#include <span>
#include <string_view>

#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "store/sqlite.hpp"

namespace selfcare::store {

/// One migration: its version (1, 2, ...), file name and SQL text.
struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

/// All migrations in version order; versions are 1..N without gaps (checked by the build script).
std::span<const Migration> all_migrations();

/// The newest schema version this build knows.
int latest_schema_version();

/// Reads PRAGMA user_version.
domain::Result<int> schema_version(Connection& db);

/// Applies every migration above the current version up to `target` (default: latest).
/// Errors: "storage.too_new" (kStorage) when the file is newer than this build; SQLite errors
/// as in sqlite_error(), after which the failed migration is rolled back.
domain::Result<void> migrate(Connection& db, domain::Instant now, int target = -1);

}  // namespace selfcare::store
