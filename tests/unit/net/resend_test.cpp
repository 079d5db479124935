// SPDX-License-Identifier: Apache-2.0
// libcurl resends a request by itself when a connection it reused closes before any byte of an
// answer. For a write without an idempotency key that hidden second copy could act twice (the
// server may have acted before it went away), so such writes must reach the server once.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "net/http.hpp"

using namespace selfcare;

namespace {

// A plain-HTTP loopback server that answers GETs and keeps their connection open, but reads a
// POST and closes the connection without answering: a server that acted and then went away.
class ClosesOnWrites {
public:
    ClosesOnWrites() {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) == 0);
        REQUIRE(::listen(fd_, 8) == 0);
        REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
        port_ = ntohs(addr.sin_port);
        thread_ = std::thread([this] { run(); });
    }
    ~ClosesOnWrites() {
        stop_ = true;
        thread_.join();
        ::close(fd_);
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    int posts() const { return posts_; }

private:
    void run() {
        std::vector<std::pair<int, std::string>> conns;
        while (!stop_) {
            std::vector<pollfd> fds{{fd_, POLLIN, 0}};
            for (auto& c : conns) fds.push_back({c.first, POLLIN, 0});
            if (::poll(fds.data(), fds.size(), 20) <= 0) continue;
            if (fds[0].revents & POLLIN) conns.emplace_back(::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC), "");
            for (std::size_t i = 1; i < fds.size(); ++i) {
                if (fds[i].revents == 0) continue;
                auto& [c, buffer] = conns[i - 1];
                char chunk[4096];
                const ssize_t n = ::recv(c, chunk, sizeof chunk, 0);
                if (n > 0) buffer.append(chunk, static_cast<std::size_t>(n));
                const auto end = buffer.find("\r\n\r\n");
                if (n <= 0 || (end != std::string::npos && buffer.rfind("POST ", 0) == 0)) {
                    if (n > 0) ++posts_;
                    ::close(c);
                    c = -1;
                } else if (end != std::string::npos) {
                    buffer.erase(0, end + 4);
                    const std::string answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
                    (void)!::send(c, answer.data(), answer.size(), MSG_NOSIGNAL);
                }
            }
            std::erase_if(conns, [](const auto& c) { return c.first < 0; });
        }
        for (auto& c : conns) ::close(c.first);
    }

    int fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> posts_{0};
    std::thread thread_;
};

}  // namespace

TEST_CASE("regression: a write without an idempotency key is not resent by libcurl on a reused connection") {
    ClosesOnWrites server;
    net::TransportConfig config;
    config.base_url = server.url();
    config.connect_timeout = std::chrono::milliseconds(2000);
    config.total_timeout = std::chrono::milliseconds(5000);
    net::HttpClient client(config);
    REQUIRE(client.send(net::HttpRequest::get("/ping")).ok());  // leaves a pooled connection

    // Before the fix libcurl sent this POST on the pooled connection, saw it closed unanswered,
    // and sent it again on a new one: the server received it twice.
    auto r = client.send(net::HttpRequest::with_body("POST", "/cancel", R"({"id":"PO-1"})"));
    CHECK_FALSE(r.ok());
    CHECK(server.posts() == 1);

    // A keyed write may be resent (the server replays); it is still answered with an error here.
    REQUIRE(client.send(net::HttpRequest::get("/ping")).ok());
    auto keyed = net::HttpRequest::with_body("POST", "/order", R"({"quoteId":"Q-1"})");
    keyed.idempotency_key = "k-1";
    CHECK_FALSE(client.send(keyed).ok());
}
