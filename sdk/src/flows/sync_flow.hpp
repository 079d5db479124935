// SPDX-License-Identifier: Apache-2.0
// The outbox drain: queued commands go to the server one at a time, in the order they were
// accepted, each with the idempotency key it got when it was written. A retryable failure stops
// the drain (order is kept) and schedules a retry with backoff; a refusal (4xx) marks the entry
// failed, keeps it, and raises "sync.failed" — nothing is dropped silently.
#pragma once

#include "flows/flow_context.hpp"

namespace selfcare::flows {

/// Sends outbox entry `seq` now (used right after a command is accepted). Returns the server's
/// answer, or the error (the entry is then rescheduled or marked failed as above).
domain::Result<Json> deliver(FlowContext& ctx, std::int64_t seq);

/// sync.now: drains what is due. Result {sent, failed, pending}.
domain::Result<Json> sync_now(FlowContext& ctx, const Json& args);

/// The background drain: sends the pending entries in order, stopping at the first one that is
/// waiting out its backoff (flows/outbox_schedule.hpp) or that fails again. Result {sent, failed}.
/// Takes the sync lock; any thread.
domain::Result<Json> drain_due(FlowContext& ctx);

/// sync.status: {pending, pending_by_command {command: count}, failed, oldest_pending_seconds,
/// last_success, last_error, online, items: [...]}.
domain::Result<Json> sync_status(FlowContext& ctx, const Json& args);

/// Kiosk: a customer is leaving with commands still queued. Fault reports stay pending (the
/// kiosk delivers them for the customer); orders and redemptions need the customer's own
/// session, so they are marked failed ("kiosk.customer_left"), kept for staff to see, and
/// announced with "sync.failed". Returns how many reports remain queued for delivery.
domain::Result<std::int64_t> settle_departed_customer(FlowContext& ctx);

}  // namespace selfcare::flows
