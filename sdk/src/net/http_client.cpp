// SPDX-License-Identifier: Apache-2.0
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>

#include "net/http.hpp"

namespace selfcare::net {
namespace {

using domain::ErrorCode;
using domain::make_error;

// curl_global_init is not thread-safe before 7.84's lazy init; do it once.
void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Sink {
    HttpResponse* response;
    std::size_t limit;
    bool too_large = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
    auto* sink = static_cast<Sink*>(user);
    const std::size_t bytes = size * n;
    if (sink->response->body.size() + bytes > sink->limit) {
        sink->too_large = true;
        return 0;  // aborts the transfer with CURLE_WRITE_ERROR
    }
    sink->response->body.append(data, bytes);
    return bytes;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
    auto* response = static_cast<HttpResponse*>(user);
    const std::size_t bytes = size * n;
    std::string line(data, bytes);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        std::string value = line.substr(colon + 1);
        const auto first = value.find_first_not_of(" \t");
        const auto last = value.find_last_not_of(" \t\r\n");
        response->headers[name] = first == std::string::npos ? "" : value.substr(first, last - first + 1);
    } else if (line.rfind("HTTP/", 0) == 0) {
        response->headers.clear();  // a new response (after 100 Continue or a redirect)
    }
    return bytes;
}

// Progress callback: curl calls it about once a second even on an idle transfer, so a set
// cancel flag ends a long-poll promptly.
int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* cancel = static_cast<const std::atomic<bool>*>(user);
    return cancel != nullptr && cancel->load() ? 1 : 0;
}

domain::Error curl_error(CURLcode rc, bool too_large) {
    const std::string what = curl_easy_strerror(rc);
    if (too_large) {
        return make_error(ErrorCode::kNetwork, "network.too_large", "response larger than the limit");
    }
    switch (rc) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_CONNECT:
            return make_error(ErrorCode::kNetwork, "network.unreachable", what, true);
        case CURLE_OPERATION_TIMEDOUT:
            return make_error(ErrorCode::kNetwork, "network.timeout", what, true);
        case CURLE_ABORTED_BY_CALLBACK:
            return make_error(ErrorCode::kNetwork, "network.cancelled", "the request was cancelled");
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return make_error(ErrorCode::kNetwork, "network.pin_mismatch",
                              "the server's public key matches no configured pin");
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_USE_SSL_FAILED:
            return make_error(ErrorCode::kNetwork, "network.tls", "secure connection failed: " + what);
        default:
            return make_error(ErrorCode::kNetwork, "network.io", what, true);
    }
}

}  // namespace

// Idle easy handles; each keeps its connection open for reuse by the next request.
struct HttpClient::Pool {
    std::mutex mutex;
    std::vector<CURL*> idle;
    ~Pool() {
        for (CURL* h : idle) curl_easy_cleanup(h);
    }
    CURL* take() {
        {
            std::lock_guard lock(mutex);
            if (!idle.empty()) {
                CURL* h = idle.back();
                idle.pop_back();
                return h;
            }
        }
        return curl_easy_init();
    }
    void give(CURL* h) {
        curl_easy_reset(h);  // keeps the connection cache, drops the options
        std::lock_guard lock(mutex);
        idle.push_back(h);
    }
};

HttpClient::HttpClient(TransportConfig config) : config_(std::move(config)), pool_(std::make_unique<Pool>()) {
    global_init();
}

HttpClient::~HttpClient() = default;

domain::Result<HttpResponse> HttpClient::send(const HttpRequest& request) {
    CURL* h = pool_->take();
    if (h == nullptr) return make_error(ErrorCode::kInternal, "network.init", "cannot start a transfer");

    HttpResponse response;
    Sink sink{&response, config_.max_response_bytes};
    const std::string url = config_.base_url + request.path;
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https,http");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    // TLS 1.2 at least, whatever the device's OpenSSL configuration would allow.
    curl_easy_setopt(h, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    if (!config_.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, config_.ca_file.c_str());
    if (!config_.pinned_public_key.empty()) {
        curl_easy_setopt(h, CURLOPT_PINNEDPUBLICKEY, config_.pinned_public_key.c_str());
    }
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config_.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS,
                     static_cast<long>(request.timeout.value_or(config_.total_timeout).count()));
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(config_.max_response_bytes));
    curl_easy_setopt(h, CURLOPT_USERAGENT, config_.user_agent.c_str());
    curl_easy_setopt(h, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &response);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(request.cancel));
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, request.cancel != nullptr ? 0L : 1L);
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    // libcurl resends a request by itself, at once, when a connection it reused closes before
    // any byte of an answer. A write without an idempotency key must not go twice (the server
    // may have acted before it went away), so it gets a new connection, which is never resent.
    const bool reads = request.method == "GET" || request.method == "HEAD";
    if (!reads && request.idempotency_key.empty()) curl_easy_setopt(h, CURLOPT_FRESH_CONNECT, 1L);
    if (request.method == "HEAD") curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    if (!request.body.empty() || request.method == "POST" || request.method == "PATCH" ||
        request.method == "PUT") {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }

    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Accept: application/json");
    headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
    if (!request.body.empty()) headers = curl_slist_append(headers, "Content-Type: application/json");
    std::string auth;
    if (!request.bearer_token.empty()) {
        auth = "Authorization: Bearer " + request.bearer_token;
        headers = curl_slist_append(headers, auth.c_str());
    }
    std::string idem;
    if (!request.idempotency_key.empty()) {
        idem = "Idempotency-Key: " + request.idempotency_key;
        headers = curl_slist_append(headers, idem.c_str());
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);

    const CURLcode rc = curl_easy_perform(h);
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    std::fill(auth.begin(), auth.end(), '\0');  // the token does not outlive the request
    if (rc != CURLE_OK) {
        // A failed handle may hold a broken connection; do not reuse it.
        curl_easy_cleanup(h);
        return curl_error(rc, sink.too_large || rc == CURLE_FILESIZE_EXCEEDED);
    }
    pool_->give(h);
    response.status = static_cast<int>(status);
    return response;
}

}  // namespace selfcare::net
