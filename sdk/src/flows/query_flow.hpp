// SPDX-License-Identifier: Apache-2.0
// Query commands served from the server when reachable and from the encrypted cache when not:
// an offline answer is the cached value with "stale": true and its "fetched_at", never an error
// while a cached value exists.
#pragma once

#include "flows/flow_context.hpp"

namespace selfcare::flows {

/// account.summary: balance, plan, allowances, points.
domain::Result<Json> account_summary(FlowContext& ctx, const Json& args);
/// bills.list: monthly bills, newest first ({"items": [...]}).
domain::Result<Json> bills_list(FlowContext& ctx, const Json& args);
/// bills.get {month: "YYYY-MM"}: that month's itemised usage ({"month", "items": [...]}).
domain::Result<Json> bills_get(FlowContext& ctx, const Json& args);
/// catalog.plans / catalog.addons: what can be ordered ({"items": [...]}).
domain::Result<Json> catalog_plans(FlowContext& ctx, const Json& args);
domain::Result<Json> catalog_addons(FlowContext& ctx, const Json& args);
/// kb.search {q, locale?}: FAQ and troubleshooting articles. Works without a session.
domain::Result<Json> kb_search(FlowContext& ctx, const Json& args);
/// notices.list: notices for the customer's area.
domain::Result<Json> notices_list(FlowContext& ctx, const Json& args);
/// loyalty.balance / loyalty.catalog / loyalty.history.
domain::Result<Json> loyalty_balance(FlowContext& ctx, const Json& args);
domain::Result<Json> loyalty_catalog(FlowContext& ctx, const Json& args);
domain::Result<Json> loyalty_history(FlowContext& ctx, const Json& args);
/// orders.list / orders.get {id}.
domain::Result<Json> orders_list(FlowContext& ctx, const Json& args);
domain::Result<Json> orders_get(FlowContext& ctx, const Json& args);

}  // namespace selfcare::flows
