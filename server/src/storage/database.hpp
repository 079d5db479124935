// SPDX-License-Identifier: Apache-2.0
// The server's storage interface: parameterised SQL over a backend (SQLite file or PostgreSQL),
// so every route's SQL is written once. The server is stateless: everything that matters is here.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/result.hpp"

namespace selfcare::server {

/// A bound parameter: NULL, an integer or text. SQL uses '?' placeholders; backends translate.
using SqlValue = std::variant<std::nullptr_t, std::int64_t, std::string>;
using SqlParams = std::vector<SqlValue>;

/// One result row; columns are text or NULL (integers come back as decimal text).
struct Row {
    std::vector<std::optional<std::string>> cols;

    const std::string& text(std::size_t i) const;  ///< "" for NULL
    std::int64_t integer(std::size_t i) const;     ///< 0 for NULL
    bool is_null(std::size_t i) const { return !cols.at(i).has_value(); }
};
using Rows = std::vector<Row>;

/// A connection inside a transaction (or a single autocommit statement).
class Sql {
public:
    virtual ~Sql() = default;
    /// Runs a query and returns its rows. Errors: kInternal "server.storage" (message without
    /// parameter values), kConflict "server.duplicate" on a unique-constraint violation,
    /// kServer "server.busy" (retryable) when the database is locked or a serialization failed.
    virtual domain::Result<Rows> query(std::string_view sql, const SqlParams& params = {}) = 0;
    /// Runs a statement; returns the number of rows changed.
    virtual domain::Result<std::int64_t> execute(std::string_view sql, const SqlParams& params = {}) = 0;
};

/// A database. Thread-safe: any number of threads may run transactions at once.
class Database {
public:
    virtual ~Database() = default;

    /// Runs `body` in one serialisable transaction; commits when it returns success, rolls back
    /// otherwise. A transaction that loses a write conflict is retried (a few times) when
    /// `body` is idempotent up to its writes, which every caller guarantees by reading inside it.
    virtual domain::Result<void> transaction(const std::function<domain::Result<void>(Sql&)>& body) = 0;

    /// Runs `body` in a read-only transaction: a consistent snapshot that does not wait for, or
    /// hold up, writers (SQLite: deferred BEGIN in WAL mode; PostgreSQL: REPEATABLE READ READ ONLY).
    virtual domain::Result<void> read(const std::function<domain::Result<void>(Sql&)>& body) = 0;

    /// Runs one read-only query outside an explicit transaction.
    virtual domain::Result<Rows> query(std::string_view sql, const SqlParams& params = {}) = 0;

    /// Applies the schema (idempotent).
    virtual domain::Result<void> migrate() = 0;

    /// "sqlite" or "postgres".
    virtual std::string_view backend() const = 0;
};

/// Opens "sqlite:PATH" (the file is created if missing). Errors: kInvalidArgument on field "db"
/// for an unknown scheme; storage errors otherwise.
domain::Result<std::unique_ptr<Database>> open_database(std::string_view url);

}  // namespace selfcare::server
