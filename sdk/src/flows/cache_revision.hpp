// SPDX-License-Identifier: Apache-2.0
// Keeps a cached ticket or work order from going back in time. The server numbers each
// resource's recorded changes ("revision"). An answer fetched before a change can reach the
// cache after the change's own answer: the event poller refreshes a work order while the
// engineer's next update is being delivered, and the two writes race. Without this check the
// older copy would win, and the device would then refuse the engineer's next step as illegal.
#pragma once

#include <nlohmann/json.hpp>

#include "store/store.hpp"

namespace selfcare::flows {

/// True when `incoming` is older than `cached`: both carry an integer "revision" and the cached
/// one is higher. A copy without a revision (a local offline record, an older server) is never
/// older. Pure; thread-safe.
bool older_than(const nlohmann::json& incoming, const nlohmann::json& cached);

/// Stores `record` (whose payload is `doc`) in `store` unless the copy already cached under the
/// same id is newer by revision. The check and the write are one step under the store's lock, so
/// two threads caching the same resource cannot interleave; usable inside a store transaction.
/// Errors: the store's (storage.*). Thread-safe.
domain::Result<void> cache_unless_older(store::Store& store, store::RecordKind kind, const store::CachedRecord& record,
                                        const nlohmann::json& doc);

}  // namespace selfcare::flows
