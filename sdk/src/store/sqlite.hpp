// SPDX-License-Identifier: Apache-2.0
// A thin RAII layer over the SQLite C API (as built into SQLCipher): one connection, prepared
// statements, and the mapping of SQLite result codes to the store's error ids.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace selfcare::store {

/// Maps a SQLite result code to a store error: SQLITE_FULL -> "storage.full";
/// SQLITE_CORRUPT / SQLITE_NOTADB -> "storage.corrupt"; I/O, permission, read-only, can't-open
/// -> "storage.io"; busy/locked -> "storage.io" (retryable); anything else -> kInternal
/// "storage.sql". `context` says what was being done; it must hold no personal data.
domain::Error sqlite_error(int rc, std::string_view context);

class Connection;

/// The rowid of the last row inserted on `db`.
std::int64_t sqlite_last_insert_rowid(const Connection& db);

/// Rows changed by the last INSERT, UPDATE or DELETE on `db`.
int sqlite_changes(const Connection& db);

/// One open database connection. Move-only; closes on destruction.
/// Thread-safety: none of its own; the Store serialises access with a mutex.
class Connection {
public:
    /// Opens (never creates unless `create`) the file at `path` read-write, through the SQLite
    /// VFS named `vfs` (empty: the default one; tests register VFSes that simulate power loss
    /// and I/O errors). Errors: see sqlite_error(); a missing file without `create` is "storage.io".
    static domain::Result<Connection> open(const std::filesystem::path& path, bool create,
                                           const std::string& vfs = {});

    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    /// Runs one or more statements that return no rows. The SQL text is never put in the error
    /// (it may hold a key); `context` is.
    domain::Result<void> exec(std::string_view sql, std::string_view context);

    /// Runs a query expected to return one integer in its first row ("PRAGMA user_version").
    domain::Result<std::int64_t> query_int(std::string_view sql, std::string_view context);

    /// The raw handle, for Statement. Owned by this object.
    sqlite3* handle() const { return db_; }

private:
    explicit Connection(sqlite3* db) : db_(db) {}
    sqlite3* db_ = nullptr;
};

/// A prepared statement. Binding indexes start at 1, column indexes at 0.
/// Thread-safety: none; use under the owner's lock.
class Statement {
public:
    /// Prepares `sql`. Errors: see sqlite_error().
    static domain::Result<Statement> prepare(const Connection& db, std::string_view sql);

    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind_null(int index);

    /// Steps once. Returns true when a row is available, false when done.
    /// Errors: see sqlite_error() with `context`.
    domain::Result<bool> step(std::string_view context);
    /// Steps to the end of a statement that returns no rows.
    domain::Result<void> run(std::string_view context);
    /// Resets the statement and clears its bindings so it can be run again.
    void reset();

    std::int64_t column_int(int index) const;
    std::string column_text(int index) const;
    bool column_is_null(int index) const;

private:
    explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace selfcare::store
