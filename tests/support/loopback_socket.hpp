// SPDX-License-Identifier: Apache-2.0
// A raw TCP connection to a loopback port, for tests that must misbehave at the byte level in
// ways an HTTP library will not: trickle a request one byte at a time, stay silent, send a body
// that lies about its length. Closed on destruction.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <stdexcept>
#include <string>
#include <utility>

namespace selfcare::test {

/// A listening TCP socket on an ephemeral port of 127.0.0.1 (close-on-exec), for test peers.
/// Sets `port`; the caller owns the descriptor. Throws when it cannot listen.
inline int listen_on_loopback(int backlog, int& port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 || ::listen(fd, backlog) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        if (fd >= 0) ::close(fd);
        throw std::runtime_error("cannot listen on loopback");
    }
    port = ntohs(addr.sin_port);
    return fd;
}

class LoopbackSocket {
public:
    /// Connects to 127.0.0.1:`port`. Throws when the connection cannot be made.
    explicit LoopbackSocket(int port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd_ < 0) throw std::runtime_error("socket failed");
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            ::close(fd_);
            throw std::runtime_error("connect failed");
        }
    }
    ~LoopbackSocket() {
        if (fd_ >= 0) ::close(fd_);
    }
    LoopbackSocket(LoopbackSocket&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
    LoopbackSocket& operator=(LoopbackSocket&&) = delete;
    LoopbackSocket(const LoopbackSocket&) = delete;
    LoopbackSocket& operator=(const LoopbackSocket&) = delete;

    /// Sends all of `bytes`; false when the peer has closed or reset the connection.
    bool send(const std::string& bytes) {
        std::size_t sent = 0;
        while (sent < bytes.size()) {
            const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            sent += static_cast<std::size_t>(n);
        }
        return true;
    }

    /// True when the peer has closed the connection (end of stream or reset), looking for at
    /// most `wait`; any bytes it sent first are read and kept in received().
    bool closed_by_peer(std::chrono::milliseconds wait = std::chrono::milliseconds(0)) {
        const auto until = std::chrono::steady_clock::now() + wait;
        for (;;) {
            pollfd p{fd_, POLLIN, 0};
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
            const int ready = ::poll(&p, 1, static_cast<int>(std::max<long long>(0, left.count())));
            if (ready < 0 && errno == EINTR) continue;
            if (ready <= 0) return false;
            char buf[4096];
            const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return true;
            received_.append(buf, static_cast<std::size_t>(n));
        }
    }

    /// Everything read from the peer so far.
    const std::string& received() const { return received_; }

private:
    int fd_ = -1;
    std::string received_;
};

}  // namespace selfcare::test
