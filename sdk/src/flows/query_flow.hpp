// SPDX-License-Identifier: Apache-2.0
// Query commands served from the server when reachable and from the encrypted cache when not:
// an offline answer is the cached value with "stale": true and its "fetched_at", never an error
// while a cached value exists.
#pragma once

#include "flows/flow_context.hpp"

namespace selfcare::flows {

/// account.summary: balance, plan, allowances, points.
domain::Result<Json> account_summary(FlowContext& ctx, const Json& args);

}  // namespace selfcare::flows
