// SPDX-License-Identifier: Apache-2.0
// Store: the SDK's encrypted local storage (SQLCipher). Holds cached server data and the outbox.
// Opening never destroys anything: a key that cannot be obtained or does not open the file is an
// error the caller can act on, and a new empty store is created only where no database exists.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "platform/key_store.hpp"
#include "store/outbox.hpp"
#include "store/records.hpp"
#include "store/sqlite.hpp"

namespace selfcare::store {

/// How thoroughly open() checks the file.
enum class Verify {
    kQuick,  ///< PRAGMA quick_check: every page is read, so damage anywhere is found at open
    kFull,   ///< PRAGMA integrity_check: quick_check plus every index against its table (slower)
    kNone,   ///< only the schema page (faster open for large stores; damage surfaces on use)
};

/// Options of Store::open().
struct OpenOptions {
    Verify verify = Verify::kQuick;
    /// Schema version to migrate to; -1 means the newest. Tests use it to build old stores.
    int schema_version = -1;
};

/// What open() found and did, for diagnostics ("sdk.info").
struct StoreInfo {
    std::filesystem::path path;
    bool created = false;  ///< true when this open created the database (and its key)
    int schema_version = 0;
};

/// The encrypted store. Create with open(); all methods are thread-safe (one mutex serialises
/// them; a transaction holds it for its whole duration, on one thread).
///
/// Error ids (code kStorage unless noted):
///   storage.key_unavailable  the key store cannot give the key (also: database present but its
///                            key missing — never answered with a new key)
///   storage.wrong_key        the key does not open this database (file bytes left untouched)
///   storage.corrupt          the file is damaged (bit flips, truncation); nothing is deleted
///   storage.full             the disk is full
///   storage.io               any other I/O failure, or the store was wiped
///   storage.too_new          the file was written by a newer schema than this build knows
class Store {
public:
    /// Opens the database at `path` with the key from `keys`, creating both when no database
    /// exists (the folder must exist). Runs pending migrations. `clock` stamps migrations and is
    /// kept for the store's own timestamps; it must outlive the Store.
    /// `vfs` names the SQLite VFS to open through (empty: the default). It is internal to the
    /// store layer and its tests, where a test VFS simulates power loss and I/O errors; the
    /// C ABI never sets it.
    static domain::Result<std::unique_ptr<Store>> open(const std::filesystem::path& path,
                                                       platform::KeyStore& keys,
                                                       const domain::Clock& clock,
                                                       OpenOptions options = {},
                                                       const std::string& vfs = {});

    /// Removes the database at `path`, its -wal/-shm/-journal files, its key check and its key
    /// (via `keys.destroy()`), without opening it: also works on a damaged store.
    /// Errors: "storage.io" when a file cannot be removed (the others are still attempted).
    static domain::Result<void> wipe(const std::filesystem::path& path, platform::KeyStore& keys);

    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const StoreInfo& info() const { return info_; }

    /// Runs `body` in one IMMEDIATE transaction: committed when it returns success, rolled back
    /// when it returns an error (which is passed on). Other threads wait until it ends. `body`
    /// may call any Store method on this thread.
    domain::Result<void> transaction(const std::function<domain::Result<void>()>& body);

    // Cached server data (see records.hpp).
    domain::Result<void> put_record(RecordKind kind, const CachedRecord& record);
    /// Stores `record` unless `keep_cached(the record cached under the same id)` says the cached
    /// one stays (returns true); it is not called when nothing is cached. The read, the decision
    /// and the write happen under the store's lock, so no other thread's write falls between
    /// them; usable inside transaction(). Returns whether `record` was written. Errors: storage.*.
    domain::Result<bool> put_record_unless(RecordKind kind, const CachedRecord& record,
                                           const std::function<bool(const CachedRecord&)>& keep_cached);
    domain::Result<std::optional<CachedRecord>> get_record(RecordKind kind, std::string_view id);
    domain::Result<std::vector<CachedRecord>> list_records(RecordKind kind, const RecordQuery& q);
    domain::Result<void> remove_record(RecordKind kind, std::string_view id);
    domain::Result<std::int64_t> count_records(RecordKind kind);
    domain::Result<void> put_cache_entry(std::string_view key, std::string_view payload,
                                         domain::Instant fetched_at);
    domain::Result<std::optional<CacheEntry>> get_cache_entry(std::string_view key);

    // Outbox (see outbox.hpp); timestamps come from the store's clock.
    domain::Result<OutboxEntry> enqueue(std::string_view command, std::string_view payload);
    domain::Result<std::vector<OutboxEntry>> outbox();
    domain::Result<std::vector<OutboxEntry>> outbox_due(std::int64_t limit);
    domain::Result<std::vector<OutboxEntry>> outbox_pending_through(std::int64_t seq, std::int64_t limit);
    domain::Result<void> outbox_retry_later(std::int64_t seq, std::string_view error_id,
                                            domain::Instant retry_at);
    domain::Result<void> outbox_mark_failed(std::int64_t seq, std::string_view error_id);
    domain::Result<void> outbox_remove(std::int64_t seq);
    domain::Result<std::int64_t> outbox_pending_count();

    /// Closes the store and removes everything wipe(path, keys) removes. The Store is unusable
    /// afterwards (every call answers "storage.io"). A kiosk calls this when a customer leaves.
    domain::Result<void> wipe();

private:
    Store(Connection db, StoreInfo info, platform::KeyStore& keys, const domain::Clock& clock);

    // Runs `fn(connection)` under the lock, or fails with storage.io once wiped.
    template <class Fn>
    auto locked(Fn&& fn) -> decltype(fn(std::declval<Connection&>()));

    mutable std::recursive_mutex mutex_;
    std::optional<Connection> db_;
    StoreInfo info_;
    platform::KeyStore& keys_;
    const domain::Clock& clock_;
};

}  // namespace selfcare::store
