// SPDX-License-Identifier: Apache-2.0
#include "store/store.hpp"

#include <cstdlib>
#include <string_view>
#include <system_error>

#include "store/encryption.hpp"
#include "store/key_check.hpp"
#include "store/migrations.hpp"

namespace selfcare::store {
namespace fs = std::filesystem;
using domain::ErrorCode;
using domain::make_error;
using domain::Result;

namespace {

domain::Error storage(std::string id, std::string message) {
    return make_error(ErrorCode::kStorage, std::move(id), std::move(message));
}

// Obtains the key. A missing key is only replaced by a new one when there is no database that
// it could have belonged to.
Result<platform::SecretKey> obtain_key(platform::KeyStore& keys, bool database_exists) {
    auto key = keys.load();
    if (key || key.error().id != "storage.key_missing") return key;
    if (database_exists) {
        return make_error(ErrorCode::kStorage, "storage.key_unavailable",
                          "the database exists but its key is missing; a new key would not open it",
                          /*retryable=*/false);
    }
    auto created = keys.create();
    if (!created && created.error().id == "storage.key_exists") return keys.load();  // lost a race
    return created;
}

// The probe failed with a "not a database" class error: was it the key or the file?
domain::Error classify_unreadable(const fs::path& path, const platform::SecretKey& key,
                                  const domain::Error& original) {
    switch (verify_key_check(path, key)) {
        case KeyCheck::kDiffers:
            return storage("storage.wrong_key", "the key does not open this store");
        case KeyCheck::kMatches:
            return storage("storage.corrupt", "the store is damaged: " + original.message);
        case KeyCheck::kAbsent:
        case KeyCheck::kUnreadable:
            break;
    }
    return storage("storage.corrupt",
                   "the store cannot be read and its key check is missing, so a wrong key cannot "
                   "be ruled out: " + original.message);
}

// A connection to `path` keyed with `key`, the salt taken as `salt` says.
Result<Connection> open_keyed(const fs::path& path, bool create, const std::string& vfs,
                              const platform::SecretKey& key, SaltSource salt) {
    auto db = Connection::open(path, create, vfs);
    if (!db) return db.error();
    if (auto r = apply_key(*db, key, salt); !r) return r.error();
    return db;
}

// The SQLite result code in a check's report line about a page it could not read
// ("Page 7: unable to get the page. error code=266"), or 0.
int unreadable_page_code(const std::string& line) {
    static constexpr std::string_view kMark = "error code=";
    const auto at = line.find(kMark);
    if (at == std::string::npos) return 0;
    return std::atoi(line.c_str() + at + kMark.size());
}

Result<void> check_integrity(Connection& db, Verify how) {
    auto s = Statement::prepare(db, how == Verify::kFull ? "PRAGMA integrity_check" : "PRAGMA quick_check");
    if (!s) return s.error();
    bool sound = false;
    for (;;) {
        auto row = s->step("check store integrity");
        if (!row) return row.error();
        if (!*row) break;
        const std::string line = s->column_text(0);
        if (line == "ok") {
            sound = true;
            continue;
        }
        // The check reports a page it could not read as a line of its report, not as an error.
        // A failed read is the disk's trouble, not damage: it stays an I/O error, so an app does
        // not tell the user (or act as if) their data is broken over a passing fault.
        if (const int code = unreadable_page_code(line); code != 0) {
            auto err = sqlite_error(code, "check store integrity");
            if (err.id == "storage.io" || err.id == "storage.full") return err;
        }
    }
    if (!sound) return storage("storage.corrupt", "the store failed its integrity check");
    return domain::success();
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(const fs::path& path, platform::KeyStore& keys,
                                           const domain::Clock& clock, OpenOptions options,
                                           const std::string& vfs) {
    std::error_code ec;
    const bool exists = fs::exists(path, ec);
    if (ec) return storage("storage.io", "cannot look at the store file: " + ec.message());

    auto key = obtain_key(keys, exists);
    if (!key) return key.error();
    if (!exists) {
        // The key check goes first, so a store on disk always has one.
        if (auto r = write_key_check(path, *key); !r) return r.error();
    }

    auto db = open_keyed(path, !exists, vfs, *key, SaltSource::kFromKey);
    if (!db) return db.error();
    if (auto r = probe_readable(*db); !r) {
        if (r.error().id != "storage.corrupt") return r.error();
        if (!exists) return classify_unreadable(path, *key, r.error());
        // A store created before its salt came from the key keeps its salt in the file.
        auto legacy = open_keyed(path, false, vfs, *key, SaltSource::kFromFile);
        if (!legacy) return legacy.error();
        if (auto again = probe_readable(*legacy); !again) {
            if (again.error().id == "storage.corrupt") return classify_unreadable(path, *key, r.error());
            return again.error();
        }
        db = std::move(legacy);
    }
    if (exists && options.verify != Verify::kNone) {
        if (auto r = check_integrity(*db, options.verify); !r) return r.error();
    }
    if (auto r = configure_connection(*db); !r) return r.error();
    if (auto r = migrate(*db, clock.now(), options.schema_version); !r) return r.error();
    if (verify_key_check(path, *key) != KeyCheck::kMatches) {
        // Opened fine with this key, so record it (a store from before key checks existed).
        if (auto r = write_key_check(path, *key); !r) return r.error();
    }
    auto version = schema_version(*db);
    if (!version) return version.error();

    StoreInfo info{path, !exists, *version};
    return std::unique_ptr<Store>(new Store(std::move(db).value(), std::move(info), keys, clock));
}

Result<void> Store::wipe(const fs::path& path, platform::KeyStore& keys) {
    std::string failures;
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".keycheck"}) {
        fs::path p = path;
        p += suffix;
        std::error_code ec;
        fs::remove(p, ec);
        if (ec) failures += std::string(failures.empty() ? "" : "; ") + p.filename().string() + ": " + ec.message();
    }
    if (auto r = keys.destroy(); !r) {
        failures += std::string(failures.empty() ? "" : "; ") + "key: " + r.error().message;
    }
    if (!failures.empty()) return storage("storage.io", "wipe incomplete: " + failures);
    return domain::success();
}

Store::Store(Connection db, StoreInfo info, platform::KeyStore& keys, const domain::Clock& clock)
    : db_(std::move(db)), info_(std::move(info)), keys_(keys), clock_(clock) {}

Store::~Store() = default;

template <class Fn>
auto Store::locked(Fn&& fn) -> decltype(fn(std::declval<Connection&>())) {
    std::lock_guard lock(mutex_);
    if (!db_) return storage("storage.io", "the store was wiped");
    return fn(*db_);
}

Result<void> Store::transaction(const std::function<Result<void>()>& body) {
    return locked([&](Connection& db) -> Result<void> {
        if (auto r = db.exec("BEGIN IMMEDIATE", "begin transaction"); !r) return r;
        auto result = body();
        if (!result) {
            (void)db.exec("ROLLBACK", "roll back transaction");
            return result;
        }
        if (auto r = db.exec("COMMIT", "commit transaction"); !r) {
            (void)db.exec("ROLLBACK", "roll back transaction");
            return r;
        }
        return domain::success();
    });
}

Result<void> Store::put_record(RecordKind kind, const CachedRecord& record) {
    return locked([&](Connection& db) { return store::put_record(db, kind, record); });
}
Result<bool> Store::put_record_unless(RecordKind kind, const CachedRecord& record,
                                     const std::function<bool(const CachedRecord&)>& keep_cached) {
    return locked([&](Connection& db) -> Result<bool> {
        auto cached = store::get_record(db, kind, record.id);
        if (!cached) return cached.error();
        if (*cached && keep_cached(**cached)) return false;
        if (auto put = store::put_record(db, kind, record); !put) return put.error();
        return true;
    });
}

Result<std::optional<CachedRecord>> Store::get_record(RecordKind kind, std::string_view id) {
    return locked([&](Connection& db) { return store::get_record(db, kind, id); });
}
Result<std::vector<CachedRecord>> Store::list_records(RecordKind kind, const RecordQuery& q) {
    return locked([&](Connection& db) { return store::list_records(db, kind, q); });
}
Result<void> Store::remove_record(RecordKind kind, std::string_view id) {
    return locked([&](Connection& db) { return store::remove_record(db, kind, id); });
}
Result<std::int64_t> Store::count_records(RecordKind kind) {
    return locked([&](Connection& db) { return store::count_records(db, kind); });
}
Result<void> Store::put_cache_entry(std::string_view key, std::string_view payload,
                                    domain::Instant fetched_at) {
    return locked([&](Connection& db) { return store::put_cache_entry(db, key, payload, fetched_at); });
}
Result<std::optional<CacheEntry>> Store::get_cache_entry(std::string_view key) {
    return locked([&](Connection& db) { return store::get_cache_entry(db, key); });
}

Result<OutboxEntry> Store::enqueue(std::string_view command, std::string_view payload) {
    return locked([&](Connection& db) { return outbox_enqueue(db, command, payload, clock_.now()); });
}
Result<std::vector<OutboxEntry>> Store::outbox() {
    return locked([&](Connection& db) { return outbox_list(db); });
}
Result<std::vector<OutboxEntry>> Store::outbox_due(std::int64_t limit) {
    return locked([&](Connection& db) { return store::outbox_due(db, clock_.now(), limit); });
}
Result<std::vector<OutboxEntry>> Store::outbox_pending_through(std::int64_t seq, std::int64_t limit) {
    return locked([&](Connection& db) { return store::outbox_pending_through(db, seq, limit); });
}
Result<void> Store::outbox_retry_later(std::int64_t seq, std::string_view error_id,
                                       domain::Instant retry_at) {
    return locked([&](Connection& db) {
        return outbox_record_attempt(db, seq, clock_.now(), error_id, retry_at);
    });
}
Result<void> Store::outbox_mark_failed(std::int64_t seq, std::string_view error_id) {
    return locked([&](Connection& db) { return store::outbox_mark_failed(db, seq, clock_.now(), error_id); });
}
Result<void> Store::outbox_remove(std::int64_t seq) {
    return locked([&](Connection& db) { return store::outbox_remove(db, seq); });
}
Result<std::int64_t> Store::outbox_pending_count() {
    return locked([&](Connection& db) { return store::outbox_pending_count(db); });
}

Result<void> Store::wipe() {
    std::lock_guard lock(mutex_);
    db_.reset();  // close first so no -wal or -shm is rewritten after removal
    return wipe(info_.path, keys_);
}

}  // namespace selfcare::store
