// SPDX-License-Identifier: Apache-2.0
// Field engineers' work orders (TMF697). An update is checked on the device against the
// work-order lifecycle, stamped with the device's time, written to the outbox and sent at once
// when the server answers; offline it waits in the outbox and is replayed in order. The cache
// holds what the server last said; updates still waiting in the outbox are laid over it when
// answering, so the engineer sees the state they moved the order to.
#pragma once

#include "flows/flow_context.hpp"
#include "flows/outbox_codec.hpp"
#include "store/outbox.hpp"

namespace selfcare::flows {

/// workorders.list {state?}: the signed-in engineer's work orders by appointment time
/// (unscheduled last). Each item is the server's TMF697 work order; an item with updates still
/// queued carries "pending_sync": true and the state it was moved to; one whose last queued
/// update the server refused carries "sync_failed": {"code", "state"}. Offline: the cached list
/// with "stale": true. Errors: auth.no_session (no engineer signed in), validation.enum (state).
domain::Result<Json> list_work_orders(FlowContext& ctx, const Json& args);

/// workorders.update {id, status, location? {latitude, longitude}, eta? (minutes from now,
/// 0-1440), note?}. Checks, in order: the arguments (field errors), that the work order is
/// known (cached, or fetched when online; kNotFound "workorder.not_cached" otherwise), that
/// the signed-in engineer is its assignee, and the lifecycle from the state the order is in
/// on this device (kConflict "workorder.illegal_transition"). Sets `queued` when the update
/// was accepted locally but not yet delivered; the result is then the work order as it will
/// be. A refusal by the server is returned as its error and the update stays in the outbox,
/// marked failed.
domain::Result<Json> update_work_order(FlowContext& ctx, const Json& args, bool& queued);

/// Sends one queued workorders.update (PATCH with the entry's idempotency key) and caches the
/// server's answer.
domain::Result<Json> send_work_order_update(FlowContext& ctx, const OutboxRequest& request);

/// Re-reads one work order from the server into the cache (after the server refused a queued
/// update, so the device shows the truth). Errors are the server's or the network's.
domain::Result<void> refresh_work_order(FlowContext& ctx, const std::string& id);

}  // namespace selfcare::flows
