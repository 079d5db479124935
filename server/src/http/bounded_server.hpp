// SPDX-License-Identifier: Apache-2.0
// The HTTP(S) server with limits a slow or idle client cannot stretch. cpp-httplib 0.11 applies
// its read timeout to each read, so a client that sends one header byte every few seconds holds
// a worker thread for ever, and a pool's worth of such clients (slow-loris) stops the server
// answering anyone. Here every request has a deadline for arriving whole (TLS handshake, request
// line, headers and body), counted from the connection's accept or, on a kept-alive connection,
// from its first byte; a client that misses it is disconnected and its worker goes back to the pool.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "http/httplib.hpp"

namespace selfcare::server {

/// The limits every connection lives within (see server/README.md, "Limits").
struct ConnectionLimits {
    /// Worker threads: connections served at once. Further connections wait in a queue.
    std::size_t threads = 128;
    /// Time for one whole request to arrive (handshake, head and body).
    std::chrono::seconds request_timeout{10};
    /// Time a kept-alive connection may sit idle between requests.
    std::chrono::seconds keep_alive_timeout{5};
    /// Requests served on one connection before it is closed.
    std::size_t keep_alive_max = 1000;
    /// Time the client has to take each part of the answer.
    std::chrono::seconds write_timeout{10};
    /// Largest request body accepted; larger ones are answered 413.
    std::size_t max_body_bytes = 64 * 1024;
};

/// A plain HTTP server (tls_cert empty) or an HTTPS one (TLS 1.2 at least) with `limits`.
/// Returns nullptr when the certificate or key cannot be loaded.
std::unique_ptr<httplib::Server> make_bounded_server(const ConnectionLimits& limits,
                                                     const std::string& tls_cert = "",
                                                     const std::string& tls_key = "");

}  // namespace selfcare::server
