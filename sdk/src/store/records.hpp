// SPDX-License-Identifier: Apache-2.0
// Cached tickets, orders and work orders: what the customer saw last, readable offline, each
// with the time it was fetched. Functions on a Connection so the Store and the benchmark run the
// very same SQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"
#include "domain/enum_names.hpp"
#include "domain/result.hpp"
#include "store/sqlite.hpp"

namespace selfcare::store {

/// Which resource a record caches.
enum class RecordKind { kTicket, kOrder, kWorkOrder };

}  // namespace selfcare::store

template <>
struct selfcare::domain::EnumNames<selfcare::store::RecordKind> {
    static constexpr std::array<std::pair<selfcare::store::RecordKind, std::string_view>, 3> names{{
        {selfcare::store::RecordKind::kTicket, "ticket"},
        {selfcare::store::RecordKind::kOrder, "order"},
        {selfcare::store::RecordKind::kWorkOrder, "workOrder"},
    }};
};

namespace selfcare::store {

/// One cached resource.
struct CachedRecord {
    std::string id;
    std::string status;     ///< wire status name, e.g. "inProgress"
    domain::Instant sort_time;  ///< creation or appointment time; lists are newest first
    std::string payload;    ///< the resource's JSON as the server sent it
    domain::Instant fetched_at;
};

/// A page of a list query.
struct RecordQuery {
    std::optional<std::string> status;  ///< only this status when set
    std::int64_t limit = 50;
    std::int64_t offset = 0;
};

/// Inserts or replaces the record (kind, record.id).
domain::Result<void> put_record(Connection& db, RecordKind kind, const CachedRecord& record);
/// The record, or std::nullopt when it is not cached.
domain::Result<std::optional<CachedRecord>> get_record(Connection& db, RecordKind kind,
                                                       std::string_view id);
/// Records of `kind`, newest sort_time first, filtered and paged by `query`.
domain::Result<std::vector<CachedRecord>> list_records(Connection& db, RecordKind kind,
                                                       const RecordQuery& query);
/// Removes one record; removing a missing one succeeds.
domain::Result<void> remove_record(Connection& db, RecordKind kind, std::string_view id);
/// Number of records of `kind`.
domain::Result<std::int64_t> count_records(Connection& db, RecordKind kind);

/// Inserts or replaces a single cached document under `key` ("account.summary").
domain::Result<void> put_cache_entry(Connection& db, std::string_view key, std::string_view payload,
                                     domain::Instant fetched_at);
/// A cached document and when it was fetched.
struct CacheEntry {
    std::string payload;
    domain::Instant fetched_at;
};
domain::Result<std::optional<CacheEntry>> get_cache_entry(Connection& db, std::string_view key);

}  // namespace selfcare::store
