// SPDX-License-Identifier: Apache-2.0
// Slow-loris: clients that open connections and send their request one byte at a time (or never
// finish the TLS handshake), and open a new one whenever the server cuts one, must not stop a
// normal client from being served. The server runs with a small pool and a short request timeout
// so the test needs few sockets; the defaults are in server/README.md ("Limits").
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "support/loopback_socket.hpp"
#include "support/server_process.hpp"

using namespace selfcare::test;

namespace {

constexpr int kWorkers = 2;
constexpr int kSlowClients = kWorkers + 2;  // every worker taken, and more waiting behind

// An attacker on its own thread: keeps `kSlowClients` connections open, each sending `opening`
// and then one more byte every 50 ms, and replaces every connection the server cuts. Stops when
// told to, or after a minute at most.
class SlowClients {
public:
    SlowClients(int port, std::string opening) : port_(port), opening_(std::move(opening)) {
        // Connected before the thread starts, so these are ahead of any later client.
        for (int i = 0; i < kSlowClients; ++i) open_one();
        thread_ = std::thread([this] { run(); });
    }
    ~SlowClients() { stop(); }

    /// Stops the attack; returns true when it was still going (not ended by its own bound).
    bool stop() {
        const bool was_running = !finished_;
        stop_ = true;
        if (thread_.joinable()) thread_.join();
        return was_running;
    }
    int cut_by_server() const { return cut_; }

private:
    void open_one() {
        sockets_.push_back(std::make_unique<LoopbackSocket>(port_));
        sockets_.back()->send(opening_);
    }
    void run() {
        const auto bound = std::chrono::steady_clock::now() + std::chrono::minutes(1);
        while (!stop_ && std::chrono::steady_clock::now() < bound) {
            for (auto& s : sockets_) {
                if (!s->send("a") || s->closed_by_peer()) {
                    ++cut_;
                    s = std::make_unique<LoopbackSocket>(port_);
                    s->send(opening_);
                }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the trickle's pace
        }
        finished_ = true;
    }

    int port_;
    std::string opening_;
    std::vector<std::unique_ptr<LoopbackSocket>> sockets_;
    std::atomic<bool> stop_{false};
    std::atomic<bool> finished_{false};
    std::atomic<int> cut_{0};
    std::thread thread_;
};

std::vector<std::string> small_pool() {
    return {"--threads", std::to_string(kWorkers), "--request-timeout", "2"};
}

}  // namespace

TEST_CASE("clients trickling their request headers do not starve a normal client") {
    ServerProcess server(small_pool());
    SlowClients attack(server.port(), "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trickle: ");

    httplib::Client normal("127.0.0.1", server.port());
    normal.set_connection_timeout(30, 0);
    normal.set_read_timeout(30, 0);  // long enough to outlast a starved pool's worth of waiting
    auto r = normal.Get("/health");
    const bool attack_was_going = attack.stop();
    REQUIRE_MESSAGE(r, "the normal client was not answered: " << httplib::to_string(r.error()));
    CHECK(r->status == 200);
    CHECK(attack_was_going);              // served while the slow clients were still at it
    CHECK(attack.cut_by_server() >= 1);   // because the server cut slow requests off
    CHECK(server.stop() == 0);
}

TEST_CASE("clients that never finish the TLS handshake do not starve a normal HTTPS client") {
    TestPki pki;
    auto args = small_pool();
    args.insert(args.end(), {"--tls-cert", pki.file("server.pem").string(), "--tls-key", pki.file("server.key").string()});
    ServerProcess server(args);
    // The start of a TLS record header, then a trickle: never a whole ClientHello.
    SlowClients attack(server.port(), std::string("\x16\x03\x01\x02\x00", 5));

    httplib::SSLClient normal("127.0.0.1", server.port());
    normal.set_ca_cert_path(pki.file("ca.pem").c_str());
    normal.enable_server_certificate_verification(true);
    normal.set_connection_timeout(30, 0);
    normal.set_read_timeout(30, 0);
    auto r = normal.Get("/health");
    const bool attack_was_going = attack.stop();
    REQUIRE_MESSAGE(r, "the normal client was not answered: " << httplib::to_string(r.error()));
    CHECK(r->status == 200);
    CHECK(attack_was_going);
    CHECK(attack.cut_by_server() >= 1);
    CHECK(server.stop() == 0);
}

TEST_CASE("a kept-alive connection still serves request after request within the limits") {
    // The request timeout bounds each request, not the connection: a client that keeps one
    // connection busy for longer than the timeout is not cut off.
    ServerProcess server(small_pool());
    httplib::Client c("127.0.0.1", server.port());
    c.set_keep_alive(true);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    int answered = 0;
    while (std::chrono::steady_clock::now() < until) {
        auto r = c.Get("/health");
        REQUIRE(r);
        REQUIRE(r->status == 200);
        ++answered;
    }
    CHECK(answered > 1);
    CHECK(server.stop() == 0);
}
