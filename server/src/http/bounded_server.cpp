// SPDX-License-Identifier: Apache-2.0
#include "http/bounded_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <functional>
#include <type_traits>

namespace selfcare::server {
namespace {

using Clock = std::chrono::steady_clock;

// Waits until `fd` is ready for `events`, `until` passes, or `stop` says the server is stopping.
// True when ready (or in error: the read or write that follows then reports it).
bool wait_for(int fd, short events, Clock::time_point until, const std::function<bool()>& stop = {}) {
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        if (left <= 0) return false;
        if (stop && stop()) return false;
        pollfd p{fd, events, 0};
        // Short slices, so a stopping server does not wait out an idle keep-alive connection.
        const int n = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 100)));
        if (n > 0) return true;
        if (n < 0 && errno != EINTR) return false;
    }
}

// One request's worth of a connection: reads fail once the request's deadline has passed, each
// write gets the write timeout. Works on a non-blocking socket, with or without TLS.
class DeadlineStream final : public httplib::Stream {
public:
    DeadlineStream(int fd, SSL* ssl, Clock::time_point read_deadline, std::chrono::seconds write_timeout)
        : fd_(fd), ssl_(ssl), read_deadline_(read_deadline), write_timeout_(write_timeout) {}

    bool is_readable() const override {
        return (ssl_ != nullptr && SSL_pending(ssl_) > 0) || wait_for(fd_, POLLIN, read_deadline_);
    }
    bool is_writable() const override { return wait_for(fd_, POLLOUT, Clock::now() + write_timeout_); }

    ssize_t read(char* ptr, size_t size) override {
        const int n = static_cast<int>(std::min<size_t>(size, INT_MAX));
        for (;;) {
            short want = POLLIN;
            if (ssl_ != nullptr) {
                const int r = SSL_read(ssl_, ptr, n);
                if (r > 0) return r;
                const int e = SSL_get_error(ssl_, r);
                if (e == SSL_ERROR_ZERO_RETURN) return 0;
                if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) return -1;
                if (e == SSL_ERROR_WANT_WRITE) want = POLLOUT;
            } else {
                const ssize_t r = ::recv(fd_, ptr, static_cast<size_t>(n), 0);
                if (r >= 0) return r;
                if (errno == EINTR) continue;
                if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
            }
            if (!wait_for(fd_, want, read_deadline_)) return -1;
        }
    }

    ssize_t write(const char* ptr, size_t size) override {
        const auto until = Clock::now() + write_timeout_;
        const int n = static_cast<int>(std::min<size_t>(size, INT_MAX));
        for (;;) {
            short want = POLLOUT;
            if (ssl_ != nullptr) {
                const int r = SSL_write(ssl_, ptr, n);
                if (r > 0) return r;
                const int e = SSL_get_error(ssl_, r);
                if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) return -1;
                if (e == SSL_ERROR_WANT_READ) want = POLLIN;
            } else {
                const ssize_t r = ::send(fd_, ptr, static_cast<size_t>(n), MSG_NOSIGNAL);
                if (r >= 0) return r;
                if (errno == EINTR) continue;
                if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
            }
            if (!wait_for(fd_, want, until)) return -1;
        }
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override { address_of(::getpeername, ip, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { address_of(::getsockname, ip, port); }
    socket_t socket() const override { return fd_; }

private:
    template <class Fn>
    void address_of(Fn get, std::string& ip, int& port) const {
        sockaddr_storage addr{};
        socklen_t len = sizeof addr;
        ip.clear();
        port = 0;
        if (get(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return;
        char text[INET6_ADDRSTRLEN] = {};
        if (addr.ss_family == AF_INET) {
            const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
            ::inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
            port = ntohs(a->sin_port);
        } else if (addr.ss_family == AF_INET6) {
            const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
            ::inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
            port = ntohs(a->sin6_port);
        }
        ip = text;
    }

    int fd_;
    SSL* ssl_;
    Clock::time_point read_deadline_;
    std::chrono::seconds write_timeout_;
};

// Completes the TLS handshake on a non-blocking socket before `deadline`.
bool tls_accept(SSL* ssl, int fd, Clock::time_point deadline) {
    for (;;) {
        const int r = SSL_accept(ssl);
        if (r == 1) return true;
        const int e = SSL_get_error(ssl, r);
        if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) return false;
        if (!wait_for(fd, e == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline)) return false;
    }
}

// cpp-httplib's Server or SSLServer with its connection loop replaced by one that keeps the
// limits. process_and_close_socket is the library's hook for exactly this (SSLServer overrides it
// too); routing, parsing and the 413 check stay the library's (process_request).
template <class Base>
class BoundedServer final : public Base {
public:
    template <class... Args>
    BoundedServer(const ConnectionLimits& limits, Args&&... args)
        : Base(std::forward<Args>(args)...), limits_(limits) {}

private:
    bool process_and_close_socket(socket_t sock) override {
        const auto accepted = Clock::now();
        const int one = 1;
        ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) | O_NONBLOCK);
        SSL* ssl = nullptr;
        bool ok = true;
        if constexpr (std::is_same_v<Base, httplib::SSLServer>) {
            ssl = SSL_new(this->ssl_context());
            ok = ssl != nullptr && SSL_set_fd(ssl, sock) == 1 &&
                 tls_accept(ssl, sock, accepted + limits_.request_timeout);
        }
        const auto stopping = [this] { return this->svr_sock_ == INVALID_SOCKET; };
        for (std::size_t served = 0; ok && served < limits_.keep_alive_max && !stopping(); ++served) {
            // The first request must arrive whole within the timeout of the accept; later ones
            // may start after an idle pause and then have the whole timeout.
            Clock::time_point deadline = accepted + limits_.request_timeout;
            if (served > 0) {
                const bool buffered = ssl != nullptr && SSL_pending(ssl) > 0;
                if (!buffered && !wait_for(sock, POLLIN, Clock::now() + limits_.keep_alive_timeout, stopping)) break;
                deadline = Clock::now() + limits_.request_timeout;
            }
            DeadlineStream stream(sock, ssl, deadline, limits_.write_timeout);
            bool closed_by_client = false;
            const bool last = served + 1 == limits_.keep_alive_max || stopping();
            ok = this->process_request(stream, last, closed_by_client, [ssl](httplib::Request& req) { req.ssl = ssl; });
            if (closed_by_client) break;
        }
        if (ssl != nullptr) {
            // Best effort: a close_notify without waiting for the client's, and only on a
            // session that was set up (OpenSSL forbids it after a failed handshake).
            if (SSL_is_init_finished(ssl)) SSL_shutdown(ssl);
            SSL_free(ssl);
        }
        ::shutdown(sock, SHUT_RDWR);
        ::close(sock);
        return ok;
    }

    ConnectionLimits limits_;
};

}  // namespace

std::unique_ptr<httplib::Server> make_bounded_server(const ConnectionLimits& limits, const std::string& tls_cert,
                                                     const std::string& tls_key) {
    std::unique_ptr<httplib::Server> server;
    if (tls_cert.empty()) {
        server = std::make_unique<BoundedServer<httplib::Server>>(limits);
    } else {
        auto tls = std::make_unique<BoundedServer<httplib::SSLServer>>(limits, tls_cert.c_str(), tls_key.c_str());
        if (!tls->is_valid()) return nullptr;
        // TLS 1.0 and 1.1 are refused whatever the system's OpenSSL configuration allows.
        if (SSL_CTX_set_min_proto_version(tls->ssl_context(), TLS1_2_VERSION) != 1) return nullptr;
        server = std::move(tls);
    }
    // Debian builds cpp-httplib as a shared library, so the CPPHTTPLIB_TCP_NODELAY macro does not
    // reach the compiled defaults: set it on the object too (the listening socket).
    server->set_tcp_nodelay(true);
    server->set_payload_max_length(limits.max_body_bytes);
    server->set_keep_alive_max_count(limits.keep_alive_max);
    server->set_keep_alive_timeout(limits.keep_alive_timeout.count());
    server->set_read_timeout(limits.request_timeout.count(), 0);
    server->set_write_timeout(limits.write_timeout.count(), 0);
    // cpp-httplib 0.11 holds a chunked body to no limit (the payload limit is checked only
    // against Content-Length), so a body must say its length up front.
    server->set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!req.has_header("Transfer-Encoding")) return httplib::Server::HandlerResponse::Unhandled;
        res.status = 411;
        res.set_header("Connection", "close");
        res.set_content(R"({"code":"request.length_required","reason":"lengthRequired",)"
                        R"("message":"send the body with a Content-Length (at most 64 KiB), not chunked",)"
                        R"("status":"411","@type":"Error"})",
                        "application/json");
        return httplib::Server::HandlerResponse::Handled;
    });
    const std::size_t threads = limits.threads;
    server->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    return server;
}

}  // namespace selfcare::server
