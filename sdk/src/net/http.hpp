// SPDX-License-Identifier: Apache-2.0
// HttpClient: HTTPS requests over libcurl with verification always on. The rest of the SDK sees
// requests, responses and project errors (network.*, server.*, auth.*); never a CURLcode.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/result.hpp"

namespace selfcare::net {

/// How to reach the server.
struct TransportConfig {
    std::string base_url;           ///< "https://host:port", no trailing slash
    std::string ca_file;            ///< extra CA bundle (private CA); empty = system store
    std::string pinned_public_key;  ///< "sha256//<b64>;sha256//<b64>" or empty
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds total_timeout{20000};
    std::size_t max_response_bytes = 4u << 20;
    std::string user_agent = "selfcare-sdk/0.1";
};

/// One request. `path` starts with '/' and may hold a query string.
struct HttpRequest {
    std::string method = "GET";
    std::string path;
    std::string body;  ///< JSON; sent with Content-Type: application/json when not empty
    std::string bearer_token;     ///< empty for anonymous calls; never logged
    std::string idempotency_key;  ///< sent as Idempotency-Key when not empty
    std::optional<std::chrono::milliseconds> timeout;  ///< overrides total_timeout (long-poll)
    /// When set and it becomes true, the transfer is abandoned within about a second and send()
    /// answers "network.cancelled" (a long-poll must not hold up closing the client). Borrowed:
    /// it must outlive the call.
    const std::atomic<bool>* cancel = nullptr;

    static HttpRequest get(std::string path) {
        HttpRequest r;
        r.path = std::move(path);
        return r;
    }
    static HttpRequest with_body(std::string method, std::string path, std::string body) {
        HttpRequest r;
        r.method = std::move(method);
        r.path = std::move(path);
        r.body = std::move(body);
        return r;
    }
};

/// A response as received (any status). Header names are lower-case.
struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string> headers;
    std::string body;
};

/// Thread-safe: any number of threads may send at once; finished connections are kept and
/// reused (keep-alive) across calls.
class HttpClient {
public:
    explicit HttpClient(TransportConfig config);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    /// Sends once (a write without an idempotency key goes on a new connection, so libcurl never
    /// resends it by itself). A response of any HTTP status is a success here (see http_error()).
    /// Errors (kNetwork unless noted): "network.unreachable", "network.timeout", "network.tls"
    /// (certificate or host verification failed), "network.pin_mismatch", "network.too_large",
    /// "network.io", "network.cancelled" (request.cancel became true); all but tls, pin,
    /// too_large and cancelled are retryable.
    domain::Result<HttpResponse> send(const HttpRequest& request);

    const TransportConfig& config() const { return config_; }

private:
    struct Pool;
    TransportConfig config_;
    std::unique_ptr<Pool> pool_;
};

/// The project error for a non-2xx response, from its status and TMF error body
/// ({code, reason, message, field}): 400 -> kInvalidArgument (with the field), 422 (a business
/// rule refused it) -> kConflict, 401 ->
/// kUnauthenticated (the server's code, or "auth.session_ended"), 403 -> kForbidden, 404 -> kNotFound, 409 -> kConflict
/// (retryable when the server says "idempotency.in_progress"),
/// 429/502/503/504 -> kServer retryable, other 5xx -> kServer. std::nullopt for 2xx.
std::optional<domain::Error> http_error(const HttpResponse& response);

}  // namespace selfcare::net
