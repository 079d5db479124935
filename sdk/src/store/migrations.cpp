// SPDX-License-Identifier: Apache-2.0
#include "store/migrations.hpp"

#include <string>

namespace selfcare::store {

int latest_schema_version() { return static_cast<int>(all_migrations().size()); }

domain::Result<int> schema_version(Connection& db) {
    auto v = db.query_int("PRAGMA user_version", "read schema version");
    if (!v) return v.error();
    return static_cast<int>(*v);
}

domain::Result<void> migrate(Connection& db, domain::Instant now, int target) {
    const int latest = latest_schema_version();
    if (target < 0) target = latest;
    auto current = schema_version(db);
    if (!current) return current.error();
    if (*current > latest) {
        return domain::make_error(domain::ErrorCode::kStorage, "storage.too_new",
                                  "the store has schema version " + std::to_string(*current) +
                                      "; this build knows up to " + std::to_string(latest));
    }
    if (auto r = db.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                         " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                         " applied_at INTEGER NOT NULL)",
                         "create schema_migrations");
        !r) {
        return r;
    }
    for (const Migration& m : all_migrations()) {
        if (m.version <= *current || m.version > target) continue;
        const std::string context = "apply migration " + std::string(m.name);
        if (auto r = db.exec("BEGIN IMMEDIATE", context); !r) return r;
        auto step = [&]() -> domain::Result<void> {
            if (auto r = db.exec(m.sql, context); !r) return r;
            auto ins = Statement::prepare(
                db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
            if (!ins) return ins.error();
            ins->bind(1, std::int64_t{m.version}).bind(2, m.name).bind(3, now.time_since_epoch().count());
            if (auto r = ins->run(context); !r) return r;
            return db.exec("PRAGMA user_version = " + std::to_string(m.version), context);
        }();
        if (!step) {
            (void)db.exec("ROLLBACK", "roll back migration");
            return step;
        }
        if (auto r = db.exec("COMMIT", context); !r) {
            (void)db.exec("ROLLBACK", "roll back migration");
            return r;
        }
    }
    return domain::success();
}

}  // namespace selfcare::store
