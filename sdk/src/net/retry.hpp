// SPDX-License-Identifier: Apache-2.0
// Retries where they are safe: reads, and writes that carry an idempotency key (the server then
// answers a repeat with the first response). Exponential backoff with full jitter, so a fleet of
// kiosks coming back after an outage does not knock the server over in step.
#pragma once

#include <chrono>
#include <functional>
#include <random>

#include "net/http.hpp"

namespace selfcare::net {

struct RetryPolicy {
    int max_attempts = 4;
    std::chrono::milliseconds base_delay{200};
    std::chrono::milliseconds max_delay{10000};
};

/// The delay before retry number `attempt` (1 = the first retry): uniform in
/// [0, min(max_delay, base_delay * 2^(attempt-1))]. Thread-safe if `rng` is not shared.
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int attempt, std::mt19937_64& rng);

/// True when `request` may be sent again after `error`: the error is retryable and the request
/// is a GET/HEAD or carries an idempotency key.
bool may_retry(const HttpRequest& request, const domain::Error& error);

/// Sends `request`, retrying per `policy`. Returns the first 2xx response, or the last error
/// (transport errors and non-2xx responses alike, the latter via http_error()). `sleep` waits
/// between attempts (tests pass a recorder). Thread-safe.
domain::Result<HttpResponse> send_with_retry(
    HttpClient& client, const HttpRequest& request, const RetryPolicy& policy,
    const std::function<void(std::chrono::milliseconds)>& sleep);

}  // namespace selfcare::net
