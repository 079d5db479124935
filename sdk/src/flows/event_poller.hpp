// SPDX-License-Identifier: Apache-2.0
// Repair tracking in the background: a long-poll on the server's event feed
// (GET /selfcare/v1/events) for whoever is signed in. Each event refreshes the cached ticket or
// work order it names and is passed on to the listener ("ticket.updated", "workorder.updated"),
// so an app shows the engineer's ETA without asking. The feed cursor is kept in the store per
// user, so a restart neither misses nor repeats events.
#pragma once

#include <atomic>
#include <chrono>

#include "flows/flow_context.hpp"

namespace selfcare::flows {

/// Sets the signed-in user's cursor to the end of the feed: what happened before sign-in is
/// not news. Called at sign-in (so nothing after it is missed) and by poll_events() when a user
/// has no cursor yet. Errors: the network's and the store's. Thread-safe.
domain::Result<void> start_event_cursor(FlowContext& ctx);

/// One round: waits up to `wait` for new events for the signed-in user, applies and queues
/// them as listener events (delivered by the caller's flush_events()). Returns how many events
/// were applied; 0 when nobody is signed in. Errors: the network's (including
/// "network.cancelled" when `cancel` became true) and the store's. Thread-safe.
domain::Result<int> poll_events(FlowContext& ctx, std::chrono::seconds wait, const std::atomic<bool>* cancel);

}  // namespace selfcare::flows
