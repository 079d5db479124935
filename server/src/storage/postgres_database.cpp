// SPDX-License-Identifier: Apache-2.0
// The scale-out backend: PostgreSQL through libpq. Several server processes share one database;
// transactions run SERIALIZABLE and are retried when PostgreSQL reports a serialization failure
// or a deadlock, which is what makes the conditional updates of the SLA sweep and the
// idempotency records safe across processes.
#include <libpq-fe.h>

#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "storage/database.hpp"
#include "storage/schema.hpp"

namespace selfcare::server {
namespace {

using domain::ErrorCode;
using domain::make_error;

constexpr int kPoolSize = 4;
constexpr int kMaxAttempts = 8;

// '?' placeholders become $1, $2, ... ('?' never appears inside our SQL string literals).
std::string to_dollar_params(std::string_view sql) {
    std::string out;
    int n = 0;
    for (char c : sql) {
        if (c == '?') out += "$" + std::to_string(++n);
        else out += c;
    }
    return out;
}

domain::Error pg_failure(const PGresult* res, PGconn* conn, std::string_view what) {
    const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    const std::string code = state != nullptr ? state : "";
    // The primary message only: PostgreSQL's DETAIL line can quote the offending values.
    const char* primary = res != nullptr ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const std::string msg = std::string(what) + ": " + (primary != nullptr ? primary : PQerrorMessage(conn));
    if (code == "23505") return make_error(ErrorCode::kConflict, "server.duplicate", msg);
    if (code == "40001" || code == "40P01") return make_error(ErrorCode::kServer, "server.busy", msg, true);
    if (code.rfind("08", 0) == 0 || PQstatus(conn) != CONNECTION_OK) {
        return make_error(ErrorCode::kServer, "server.db_unreachable", msg, true);
    }
    return make_error(ErrorCode::kInternal, "server.storage", msg);
}

class PgSql final : public Sql {
public:
    explicit PgSql(PGconn* conn) : conn_(conn) {}

    domain::Result<Rows> query(std::string_view sql, const SqlParams& params) override {
        auto res = run(sql, params);
        if (!res) return res.error();
        PGresult* r = *res;
        Rows rows;
        const int n = PQntuples(r), cols = PQnfields(r);
        rows.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            Row row;
            for (int c = 0; c < cols; ++c) {
                if (PQgetisnull(r, i, c)) row.cols.emplace_back(std::nullopt);
                else row.cols.emplace_back(std::string(PQgetvalue(r, i, c), static_cast<std::size_t>(PQgetlength(r, i, c))));
            }
            rows.push_back(std::move(row));
        }
        PQclear(r);
        return rows;
    }

    domain::Result<std::int64_t> execute(std::string_view sql, const SqlParams& params) override {
        auto res = run(sql, params);
        if (!res) return res.error();
        const char* tuples = PQcmdTuples(*res);
        const std::int64_t changed = tuples != nullptr && *tuples != '\0' ? std::atoll(tuples) : 0;
        PQclear(*res);
        return changed;
    }

    domain::Result<void> plain(const char* sql) {
        PGresult* r = PQexec(conn_, sql);
        const auto status = PQresultStatus(r);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            auto e = pg_failure(r, conn_, sql);
            PQclear(r);
            return e;
        }
        PQclear(r);
        return domain::success();
    }

private:
    domain::Result<PGresult*> run(std::string_view sql, const SqlParams& params) {
        const std::string text = to_dollar_params(sql);
        std::vector<std::string> values(params.size());
        std::vector<const char*> ptrs(params.size(), nullptr);
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
                values[i] = std::to_string(*n);
                ptrs[i] = values[i].c_str();
            } else if (const auto* s = std::get_if<std::string>(&params[i])) {
                ptrs[i] = s->c_str();
            }
        }
        PGresult* r = PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), nullptr, ptrs.data(),
                                   nullptr, nullptr, 0);
        const auto status = PQresultStatus(r);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            auto e = pg_failure(r, conn_, "query");
            PQclear(r);
            return e;
        }
        return r;
    }

    PGconn* conn_;
};

class PostgresDatabase final : public Database {
public:
    static domain::Result<std::unique_ptr<Database>> open(const std::string& url) {
        auto db = std::unique_ptr<PostgresDatabase>(new PostgresDatabase(url));
        for (int i = 0; i < kPoolSize; ++i) {
            PGconn* c = PQconnectdb(url.c_str());
            if (PQstatus(c) != CONNECTION_OK) {
                // libpq's message can contain the host and user but not the password; keep it short.
                std::string why = PQerrorMessage(c);
                PQfinish(c);
                return make_error(ErrorCode::kServer, "server.db_unreachable", "cannot connect to PostgreSQL: " + why, true);
            }
            db->idle_.push_back(c);
        }
        return std::unique_ptr<Database>(std::move(db));
    }

    ~PostgresDatabase() override {
        for (PGconn* c : idle_) PQfinish(c);
    }

    domain::Result<void> transaction(const std::function<domain::Result<void>(Sql&)>& body) override {
        for (int attempt = 1;; ++attempt) {
            auto r = attempt_transaction(body);
            if (r || r.error().id != "server.busy" || attempt >= kMaxAttempts) return r;
            // Back off a little so competing transactions do not collide again in lock step.
            std::this_thread::sleep_for(std::chrono::milliseconds(2 * attempt * attempt));
        }
    }

    domain::Result<void> read(const std::function<domain::Result<void>(Sql&)>& body) override {
        Lease lease(*this);
        PgSql sql(lease.conn);
        if (auto r = sql.plain("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !r) return r;
        auto result = body(sql);
        (void)sql.plain(result ? "COMMIT" : "ROLLBACK");
        return result;
    }

    domain::Result<Rows> query(std::string_view text, const SqlParams& params) override {
        Lease lease(*this);
        PgSql sql(lease.conn);
        return sql.query(text, params);
    }

    domain::Result<void> migrate() override {
        return transaction([](Sql& sql) -> domain::Result<void> {
            // One migrating process at a time when several servers start together.
            if (auto l = sql.execute("SELECT pg_advisory_xact_lock(7311)"); !l) return l.error();
            for (const std::string& stmt : schema_statements(SqlDialect::kPostgres)) {
                if (auto r = sql.execute(stmt); !r) return r.error();
            }
            return domain::success();
        });
    }

    std::string_view backend() const override { return "postgres"; }

private:
    explicit PostgresDatabase(std::string url) : url_(std::move(url)) {}

    domain::Result<void> attempt_transaction(const std::function<domain::Result<void>(Sql&)>& body) {
        Lease lease(*this);
        PgSql sql(lease.conn);
        if (auto r = sql.plain("BEGIN ISOLATION LEVEL SERIALIZABLE"); !r) return r;
        auto result = body(sql);
        if (!result) {
            (void)sql.plain("ROLLBACK");
            return result;
        }
        if (auto r = sql.plain("COMMIT"); !r) {
            (void)sql.plain("ROLLBACK");
            return r;
        }
        return domain::success();
    }

    // A connection borrowed from the pool; a broken one is reset before it goes back.
    struct Lease {
        explicit Lease(PostgresDatabase& d) : db(d) {
            std::unique_lock lock(db.mutex_);
            db.cv_.wait(lock, [&] { return !db.idle_.empty(); });
            conn = db.idle_.back();
            db.idle_.pop_back();
        }
        ~Lease() {
            if (PQstatus(conn) != CONNECTION_OK) PQreset(conn);
            {
                std::lock_guard lock(db.mutex_);
                db.idle_.push_back(conn);
            }
            db.cv_.notify_one();
        }
        PostgresDatabase& db;
        PGconn* conn = nullptr;
    };

    std::string url_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<PGconn*> idle_;
};

}  // namespace

domain::Result<std::unique_ptr<Database>> open_postgres_database(const std::string& url) {
    return PostgresDatabase::open(url);
}

}  // namespace selfcare::server
