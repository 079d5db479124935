// SPDX-License-Identifier: Apache-2.0
#include "store/sqlite.hpp"

#include <sqlite3.h>

#include <string>
#include <utility>

namespace selfcare::store {

using domain::ErrorCode;
using domain::make_error;

domain::Error sqlite_error(int rc, std::string_view context) {
    const int primary = rc & 0xFF;
    const std::string what = std::string(context) + ": " + sqlite3_errstr(rc);
    switch (primary) {
        case SQLITE_FULL:
            return make_error(ErrorCode::kStorage, "storage.full", what);
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            return make_error(ErrorCode::kStorage, "storage.corrupt", what);
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_AUTH:
            return make_error(ErrorCode::kStorage, "storage.io", what);
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return make_error(ErrorCode::kStorage, "storage.io", what, /*retryable=*/true);
        default:
            return make_error(ErrorCode::kInternal, "storage.sql", what);
    }
}

std::int64_t sqlite_last_insert_rowid(const Connection& db) {
    return sqlite3_last_insert_rowid(db.handle());
}

int sqlite_changes(const Connection& db) { return sqlite3_changes(db.handle()); }

domain::Result<Connection> Connection::open(const std::filesystem::path& path, bool create,
                                            const std::string& vfs) {
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, vfs.empty() ? nullptr : vfs.c_str());
    if (rc != SQLITE_OK) {
        sqlite3_close_v2(db);
        return sqlite_error(rc, "open database");
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    return Connection(db);
}

Connection::Connection(Connection&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
    if (this != &other) {
        if (db_ != nullptr) sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
    }
    return *this;
}

Connection::~Connection() {
    if (db_ != nullptr) sqlite3_close_v2(db_);
}

domain::Result<void> Connection::exec(std::string_view sql, std::string_view context) {
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return sqlite_error(sqlite3_extended_errcode(db_), context);
    return domain::success();
}

domain::Result<std::int64_t> Connection::query_int(std::string_view sql, std::string_view context) {
    auto stmt = Statement::prepare(*this, sql);
    if (!stmt) return stmt.error();
    auto row = stmt->step(context);
    if (!row) return row.error();
    if (!*row) return make_error(ErrorCode::kInternal, "storage.sql", std::string(context) + ": no row");
    return stmt->column_int(0);
}

domain::Result<Statement> Statement::prepare(const Connection& db, std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt,
                                      nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return sqlite_error(sqlite3_extended_errcode(db.handle()), "prepare statement");
    }
    return Statement(stmt);
}

Statement::Statement(Statement&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        stmt_ = std::exchange(other.stmt_, nullptr);
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

domain::Result<bool> Statement::step(std::string_view context) {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return sqlite_error(sqlite3_extended_errcode(sqlite3_db_handle(stmt_)), context);
}

domain::Result<void> Statement::run(std::string_view context) {
    for (;;) {
        auto row = step(context);
        if (!row) return row.error();
        if (!*row) return domain::success();
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }

std::string Statement::column_text(int index) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
    const int n = sqlite3_column_bytes(stmt_, index);
    return p == nullptr ? std::string() : std::string(p, static_cast<std::size_t>(n));
}

bool Statement::column_is_null(int index) const {
    return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

}  // namespace selfcare::store
