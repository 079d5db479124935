// SPDX-License-Identifier: Apache-2.0
// The embedded backend: one SQLite file in WAL mode, a small pool of connections, writers
// serialised by BEGIN IMMEDIATE. Plain libsqlite3 (never SQLCipher: both export sqlite3_*).
#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "storage/database.hpp"
#include "storage/schema.hpp"

namespace selfcare::server {
namespace {

using domain::ErrorCode;
using domain::make_error;

domain::Error sqlite_failure(sqlite3* db, int rc, std::string_view what) {
    const int primary = rc & 0xFF;
    const std::string msg = std::string(what) + ": " + sqlite3_errstr(rc);
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        return make_error(ErrorCode::kServer, "server.busy", msg, true);
    }
    if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return make_error(ErrorCode::kConflict, "server.duplicate", msg);
    }
    (void)db;
    return make_error(ErrorCode::kInternal, "server.storage", msg);
}

// Prepared statements of one connection, kept across requests: preparing is a large part of a
// short query's cost, and the server runs the same few dozen statements all day.
struct StatementCache {
    std::unordered_map<std::string, sqlite3_stmt*> statements;
    ~StatementCache() {
        for (auto& [sql, stmt] : statements) sqlite3_finalize(stmt);
    }
};

class SqliteSql final : public Sql {
public:
    explicit SqliteSql(sqlite3* db, StatementCache* cache = nullptr) : db_(db), cache_(cache) {}

    domain::Result<Rows> query(std::string_view sql, const SqlParams& params) override {
        sqlite3_stmt* stmt = nullptr;
        int rc = SQLITE_OK;
        const bool cached = cache_ != nullptr && cache_->statements.size() < 256;
        if (cache_ != nullptr) {
            if (auto it = cache_->statements.find(std::string(sql)); it != cache_->statements.end()) stmt = it->second;
        }
        if (stmt == nullptr) {
            rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    cached ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr);
            if (rc != SQLITE_OK) {
                sqlite3_finalize(stmt);
                return sqlite_failure(db_, sqlite3_extended_errcode(db_), "prepare");
            }
            if (cached) cache_->statements.emplace(std::string(sql), stmt);
        }
        const bool keep = cache_ != nullptr && cache_->statements.count(std::string(sql)) == 1;
        // Statements stay in the cache reset and unbound; one-off statements are finalised.
        const auto release = [&] {
            if (keep) {
                sqlite3_reset(stmt);
                sqlite3_clear_bindings(stmt);
            } else {
                sqlite3_finalize(stmt);
            }
        };
        for (std::size_t i = 0; i < params.size(); ++i) {
            const int idx = static_cast<int>(i) + 1;
            if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
                sqlite3_bind_int64(stmt, idx, *n);
            } else if (const auto* s = std::get_if<std::string>(&params[i])) {
                sqlite3_bind_text(stmt, idx, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
            } else {
                sqlite3_bind_null(stmt, idx);
            }
        }
        Rows rows;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            Row row;
            const int n = sqlite3_column_count(stmt);
            row.cols.reserve(static_cast<std::size_t>(n));
            for (int c = 0; c < n; ++c) {
                if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
                    row.cols.emplace_back(std::nullopt);
                } else {
                    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                    row.cols.emplace_back(std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
                }
            }
            rows.push_back(std::move(row));
        }
        const int ext = sqlite3_extended_errcode(db_);
        release();
        if (rc != SQLITE_DONE) return sqlite_failure(db_, ext, "step");
        return rows;
    }

    domain::Result<std::int64_t> execute(std::string_view sql, const SqlParams& params) override {
        auto r = query(sql, params);
        if (!r) return r.error();
        return static_cast<std::int64_t>(sqlite3_changes(db_));
    }

    domain::Result<void> exec_plain(const char* sql) {
        const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) return sqlite_failure(db_, sqlite3_extended_errcode(db_), sql);
        return domain::success();
    }

private:
    sqlite3* db_;
    StatementCache* cache_;
};

class SqliteDatabase final : public Database {
public:
    static constexpr int kPoolSize = 8;

    static domain::Result<std::unique_ptr<Database>> open(const std::string& path) {
        auto db = std::unique_ptr<SqliteDatabase>(new SqliteDatabase());
        for (int i = 0; i < kPoolSize; ++i) {
            sqlite3* h = nullptr;
            const int rc = sqlite3_open_v2(path.c_str(), &h,
                                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                           nullptr);
            if (rc != SQLITE_OK) {
                auto e = sqlite_failure(h, rc, "open database");
                sqlite3_close_v2(h);
                return e;
            }
            sqlite3_extended_result_codes(h, 1);
            sqlite3_busy_timeout(h, 10000);
            SqliteSql s(h);
            if (auto r = s.exec_plain("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                                      "PRAGMA foreign_keys=ON;");
                !r) {
                sqlite3_close_v2(h);
                return r.error();
            }
            db->idle_.push_back(h);
            db->caches_[h] = std::make_unique<StatementCache>();
        }
        return std::unique_ptr<Database>(std::move(db));
    }

    ~SqliteDatabase() override {
        caches_.clear();  // finalise statements before closing their connections
        for (sqlite3* h : idle_) sqlite3_close_v2(h);
    }

    domain::Result<void> transaction(const std::function<domain::Result<void>(Sql&)>& body) override {
        Lease lease(*this);
        SqliteSql sql(lease.handle, caches_.at(lease.handle).get());
        if (auto r = sql.exec_plain("BEGIN IMMEDIATE"); !r) return r;
        auto result = body(sql);
        if (!result) {
            (void)sql.exec_plain("ROLLBACK");
            return result;
        }
        if (auto r = sql.exec_plain("COMMIT"); !r) {
            (void)sql.exec_plain("ROLLBACK");
            return r;
        }
        return domain::success();
    }

    domain::Result<void> read(const std::function<domain::Result<void>(Sql&)>& body) override {
        Lease lease(*this);
        SqliteSql sql(lease.handle, caches_.at(lease.handle).get());
        if (auto r = sql.exec_plain("BEGIN"); !r) return r;
        auto result = body(sql);
        (void)sql.exec_plain(result ? "COMMIT" : "ROLLBACK");
        return result;
    }

    domain::Result<Rows> query(std::string_view text, const SqlParams& params) override {
        Lease lease(*this);
        SqliteSql sql(lease.handle, caches_.at(lease.handle).get());
        return sql.query(text, params);
    }

    domain::Result<void> migrate() override {
        return transaction([](Sql& sql) -> domain::Result<void> {
            for (std::string_view stmt : schema_statements(SqlDialect::kSqlite)) {
                if (auto r = sql.execute(stmt); !r) return r.error();
            }
            return domain::success();
        });
    }

    std::string_view backend() const override { return "sqlite"; }

private:
    SqliteDatabase() = default;

    // A connection borrowed from the pool for one transaction or query.
    struct Lease {
        explicit Lease(SqliteDatabase& d) : db(d) {
            std::unique_lock lock(db.mutex_);
            db.cv_.wait(lock, [&] { return !db.idle_.empty(); });
            handle = db.idle_.back();
            db.idle_.pop_back();
        }
        ~Lease() {
            {
                std::lock_guard lock(db.mutex_);
                db.idle_.push_back(handle);
            }
            db.cv_.notify_one();
        }
        SqliteDatabase& db;
        sqlite3* handle = nullptr;
    };

    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<sqlite3*> idle_;
    std::unordered_map<sqlite3*, std::unique_ptr<StatementCache>> caches_;  // fixed after open
};

}  // namespace

domain::Result<std::unique_ptr<Database>> open_sqlite_database(const std::string& path) {
    return SqliteDatabase::open(path);
}

}  // namespace selfcare::server
