// SPDX-License-Identifier: Apache-2.0
// The outbox: commands accepted while the server was unreachable (or not yet confirmed), kept in
// order until delivered. Functions on a Connection; the Store wraps them with its lock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "store/sqlite.hpp"

namespace selfcare::store {

/// `pending` waits for (another) attempt; `failed` was refused for good by the server and waits
/// for the user to see it. A delivered entry is removed.
enum class OutboxState { kPending, kFailed };

/// One queued command.
struct OutboxEntry {
    std::int64_t seq = 0;  ///< send order
    std::string command;
    std::string payload;
    std::string idempotency_key;  ///< UUID v4, fixed at enqueue; every retry sends the same one
    OutboxState state = OutboxState::kPending;
    domain::Instant created_at;
    std::int64_t attempts = 0;
    std::optional<domain::Instant> last_attempt_at;
    domain::Instant next_attempt_at;
    std::string last_error;  ///< an error id, never a message carrying data
};

/// A random UUID v4 ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx") from OpenSSL's CSPRNG.
/// Errors: kInternal "storage.random" if the generator fails. Thread-safe.
domain::Result<std::string> new_idempotency_key();

/// Appends a command; it is due at once. `command` and `payload` must be non-empty
/// (kInvalidArgument naming the field). The caller's synchronous=FULL makes the row durable
/// when this returns.
domain::Result<OutboxEntry> outbox_enqueue(Connection& db, std::string_view command,
                                           std::string_view payload, domain::Instant now);
/// Every entry, in send order.
domain::Result<std::vector<OutboxEntry>> outbox_list(Connection& db);
/// Pending entries due at `now`, in send order, at most `limit`.
domain::Result<std::vector<OutboxEntry>> outbox_due(Connection& db, domain::Instant now,
                                                    std::int64_t limit);
/// Pending entries up to and including `seq`, in send order, at most `limit` (what must be sent
/// before `seq`, and `seq` itself).
domain::Result<std::vector<OutboxEntry>> outbox_pending_through(Connection& db, std::int64_t seq,
                                                                std::int64_t limit);
/// Records a failed attempt that will be retried at `retry_at`.
domain::Result<void> outbox_record_attempt(Connection& db, std::int64_t seq, domain::Instant now,
                                           std::string_view error_id, domain::Instant retry_at);
/// Marks an entry as refused for good (the server answered 4xx): it stays, visible, not resent.
domain::Result<void> outbox_mark_failed(Connection& db, std::int64_t seq, domain::Instant now,
                                        std::string_view error_id);
/// Removes a delivered (or user-discarded) entry.
domain::Result<void> outbox_remove(Connection& db, std::int64_t seq);
/// Number of pending entries.
domain::Result<std::int64_t> outbox_pending_count(Connection& db);

}  // namespace selfcare::store
