// SPDX-License-Identifier: Apache-2.0
#include "store/records.hpp"

namespace selfcare::store {
namespace {

std::int64_t seconds(domain::Instant t) { return t.time_since_epoch().count(); }
domain::Instant instant(std::int64_t s) { return domain::Instant{domain::Duration{s}}; }

CachedRecord read_record(const Statement& s) {
    return CachedRecord{s.column_text(0), s.column_text(1), instant(s.column_int(2)),
                        s.column_text(3), instant(s.column_int(4))};
}

}  // namespace

domain::Result<void> put_record(Connection& db, RecordKind kind, const CachedRecord& record) {
    // UPDATE, then INSERT when nothing was there, instead of INSERT OR REPLACE: REPLACE makes
    // SQLite keep a statement journal, and under SQLCipher every page written to it is encrypted,
    // which made bulk caching four times slower. Each path is a single write statement, and the
    // Store's lock keeps another writer from slipping in between.
    auto update = Statement::prepare(db,
                                     "UPDATE records SET status = ?3, sort_time = ?4, payload = ?5,"
                                     " fetched_at = ?6 WHERE kind = ?1 AND id = ?2");
    if (!update) return update.error();
    update->bind(1, domain::to_string(kind))
        .bind(2, record.id)
        .bind(3, record.status)
        .bind(4, seconds(record.sort_time))
        .bind(5, record.payload)
        .bind(6, seconds(record.fetched_at));
    if (auto r = update->run("save cached record"); !r) return r;
    if (sqlite_changes(db) > 0) return domain::success();
    auto insert = Statement::prepare(db,
                                     "INSERT INTO records"
                                     " (kind, id, status, sort_time, payload, fetched_at)"
                                     " VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert) return insert.error();
    insert->bind(1, domain::to_string(kind))
        .bind(2, record.id)
        .bind(3, record.status)
        .bind(4, seconds(record.sort_time))
        .bind(5, record.payload)
        .bind(6, seconds(record.fetched_at));
    return insert->run("save cached record");
}

domain::Result<std::optional<CachedRecord>> get_record(Connection& db, RecordKind kind,
                                                       std::string_view id) {
    auto s = Statement::prepare(db,
                                "SELECT id, status, sort_time, payload, fetched_at FROM records"
                                " WHERE kind = ? AND id = ?");
    if (!s) return s.error();
    s->bind(1, domain::to_string(kind)).bind(2, id);
    auto row = s->step("read cached record");
    if (!row) return row.error();
    if (!*row) return std::optional<CachedRecord>{};
    return std::optional<CachedRecord>{read_record(*s)};
}

domain::Result<std::vector<CachedRecord>> list_records(Connection& db, RecordKind kind,
                                                       const RecordQuery& query) {
    auto s = Statement::prepare(
        db, query.status
                ? "SELECT id, status, sort_time, payload, fetched_at FROM records"
                  " WHERE kind = ?1 AND status = ?2 ORDER BY sort_time DESC, id LIMIT ?3 OFFSET ?4"
                : "SELECT id, status, sort_time, payload, fetched_at FROM records"
                  " WHERE kind = ?1 ORDER BY sort_time DESC, id LIMIT ?3 OFFSET ?4");
    if (!s) return s.error();
    s->bind(1, domain::to_string(kind)).bind(3, query.limit).bind(4, query.offset);
    if (query.status) s->bind(2, *query.status);
    std::vector<CachedRecord> out;
    for (;;) {
        auto row = s->step("list cached records");
        if (!row) return row.error();
        if (!*row) break;
        out.push_back(read_record(*s));
    }
    return out;
}

domain::Result<void> remove_record(Connection& db, RecordKind kind, std::string_view id) {
    auto s = Statement::prepare(db, "DELETE FROM records WHERE kind = ? AND id = ?");
    if (!s) return s.error();
    s->bind(1, domain::to_string(kind)).bind(2, id);
    return s->run("remove cached record");
}

domain::Result<std::int64_t> count_records(Connection& db, RecordKind kind) {
    auto s = Statement::prepare(db, "SELECT count(*) FROM records WHERE kind = ?");
    if (!s) return s.error();
    s->bind(1, domain::to_string(kind));
    auto row = s->step("count cached records");
    if (!row) return row.error();
    return s->column_int(0);
}

domain::Result<void> put_cache_entry(Connection& db, std::string_view key, std::string_view payload,
                                     domain::Instant fetched_at) {
    auto s = Statement::prepare(
        db, "INSERT OR REPLACE INTO cache_entries (key, payload, fetched_at) VALUES (?, ?, ?)");
    if (!s) return s.error();
    s->bind(1, key).bind(2, payload).bind(3, seconds(fetched_at));
    return s->run("save cache entry");
}

domain::Result<std::optional<CacheEntry>> get_cache_entry(Connection& db, std::string_view key) {
    auto s = Statement::prepare(db, "SELECT payload, fetched_at FROM cache_entries WHERE key = ?");
    if (!s) return s.error();
    s->bind(1, key);
    auto row = s->step("read cache entry");
    if (!row) return row.error();
    if (!*row) return std::optional<CacheEntry>{};
    return std::optional<CacheEntry>{CacheEntry{s->column_text(0), instant(s->column_int(1))}};
}

}  // namespace selfcare::store
