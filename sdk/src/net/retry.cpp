// SPDX-License-Identifier: Apache-2.0
#include "net/retry.hpp"

#include <algorithm>

namespace selfcare::net {

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int attempt, std::mt19937_64& rng) {
    const int shift = std::clamp(attempt - 1, 0, 30);
    const auto cap = std::min<std::int64_t>(policy.max_delay.count(),
                                            policy.base_delay.count() * (std::int64_t{1} << shift));
    std::uniform_int_distribution<std::int64_t> pick(0, std::max<std::int64_t>(cap, 0));
    return std::chrono::milliseconds(pick(rng));
}

bool may_retry(const HttpRequest& request, const domain::Error& error) {
    if (!error.retryable) return false;
    return request.method == "GET" || request.method == "HEAD" || !request.idempotency_key.empty();
}

domain::Result<HttpResponse> send_with_retry(
    HttpClient& client, const HttpRequest& request, const RetryPolicy& policy,
    const std::function<void(std::chrono::milliseconds)>& sleep) {
    // One generator per thread, seeded once: random_device may be a system call per seeding,
    // and most requests succeed on the first attempt and never draw from it.
    static thread_local std::mt19937_64 rng(std::random_device{}());
    for (int attempt = 1;; ++attempt) {
        auto response = client.send(request);
        domain::Error error;
        if (response) {
            auto http = http_error(*response);
            if (!http) return response;
            error = std::move(*http);
        } else {
            error = response.error();
        }
        if (attempt >= policy.max_attempts || !may_retry(request, error)) return error;
        sleep(backoff_delay(policy, attempt, rng));
    }
}

}  // namespace selfcare::net
