// SPDX-License-Identifier: Apache-2.0
// Order and redeem (套餐办理 / 权益兑换): always quote -> confirm -> place. orders.quote is online
// only (prices must be current). orders.place and loyalty.redeem are written to the outbox with
// their idempotency key before the first send, so a retry after a crash, a timeout or an app kill
// can never order or deduct twice.
#pragma once

#include "flows/flow_context.hpp"
#include "flows/outbox_codec.hpp"
#include "store/outbox.hpp"

namespace selfcare::flows {

/// orders.quote {product_id}: price, effective date, eligibility and the quote id.
domain::Result<Json> quote(FlowContext& ctx, const Json& args);

/// orders.place {quote_id}: the order, or {"queued": true, ...} when the server cannot be reached.
domain::Result<Json> place_order(FlowContext& ctx, const Json& args, bool& queued);

/// orders.cancel {id}: asks the server to cancel; answers its verdict (a completed order cannot be
/// cancelled: "order.point_of_no_return").
domain::Result<Json> cancel_order(FlowContext& ctx, const Json& args);

/// loyalty.redeem {reward_id}: the voucher, or {"queued": true, ...} when offline.
domain::Result<Json> redeem(FlowContext& ctx, const Json& args, bool& queued);

/// Sends a queued orders.place / loyalty.redeem entry (decoded by decode_outbox_entry) with
/// its own idempotency key.
domain::Result<Json> send_keyed_write(FlowContext& ctx, const OutboxRequest& request);

}  // namespace selfcare::flows
