// SPDX-License-Identifier: Apache-2.0
// When the outbox may be sent without the user asking. Entries go to the server in the order
// they were accepted, so the first pending entry decides for all of them: while it waits out
// the backoff of a failed attempt, nothing behind it goes either (a new report behind a
// failing one must not turn the background drain into a retry of the failing one every few
// seconds). sync.now is the user asking and ignores this.
#pragma once

#include <cstddef>
#include <vector>

#include "domain/clock.hpp"
#include "store/outbox.hpp"

namespace selfcare::flows {

/// True when `e` failed an attempt and its next attempt is still in the future.
/// Pure; thread-safe.
bool waiting_out_backoff(const store::OutboxEntry& e, domain::Instant now);

/// How many entries at the front of `outbox` (in seq order, as the store lists it) the
/// background drain may send now: the pending ones up to the first that is waiting out its
/// backoff. Failed entries (kept for the user to see) are counted as passed over, never sent.
/// Pure; thread-safe.
std::size_t sendable_in_background(const std::vector<store::OutboxEntry>& outbox, domain::Instant now);

}  // namespace selfcare::flows
