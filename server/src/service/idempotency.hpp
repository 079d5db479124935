// SPDX-License-Identifier: Apache-2.0
// Idempotency-Key on writes that move money or points (order placement, redemption), with the
// semantics of the IETF httpapi draft: a missing key is 400; the same key with the same body
// replays the first response byte for byte; the same key with another body is 422; the same key
// while the first request still runs is 409. Keys are kept for at least 30 days.
#pragma once

#include <functional>
#include <string>

#include "http/reply.hpp"

namespace selfcare::server {

/// Runs `effect` at most once per (caller, key). The key's claim, `effect` and its recorded
/// response are one transaction: they commit together, and a process that dies mid-request
/// leaves nothing that would hold the key.
Result with_idempotency(Context& ctx, const httplib::Request& req, const Principal& who, const std::string& route_name,
                        const std::function<Result(Sql&)>& effect);

}  // namespace selfcare::server
