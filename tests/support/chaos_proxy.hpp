// SPDX-License-Identifier: Apache-2.0
// A hostile network between the SDK and the real server, on loopback: an HTTP/1.1 forwarding
// proxy that, for each write that belongs to an outbox item (a request with an Idempotency-Key or
// a ticket's externalId), picks from a seeded generator what the network does to it:
//   pass          forward it and deliver the answer;
//   drop          forward it, let the server commit, then close the client's connection unanswered;
//   delay         hold the request past the client's timeout, then forward it anyway (the server
//                 sees it late, maybe after the client's retry) and throw the answer away;
//   reset_before  reset the connection (SO_LINGER 0) before the request reaches the server;
//   reset_after   forward it, let the server commit, then reset the connection;
//   slow          hold the request for `hold` (keep it shorter than the client's timeout), then
//                 forward it and deliver the answer: a slow network that still works.
// Everything else (sign-in, quotes, reads, the event feed) is passed through untouched. A kept-alive
// connection left idle for `idle_close` is closed, as a server's keep-alive timeout does, so
// clients also meet pooled connections that went stale.
//
// It records every attempt of every item (arrival, end, what was done), and whether an attempt
// arrived while an earlier one of the same item was still in flight from the client's side: not
// yet answered, dropped or reset, and its connection still open. Thread per client connection.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/loopback_socket.hpp"

namespace selfcare::test {

/// Probabilities of each fault for a tracked write; the rest pass.
struct ChaosOdds {
    double drop = 0.20;
    double delay = 0.10;
    double reset_before = 0.05;
    double reset_after = 0.05;
    double slow = 0.0;
};

class ChaosProxy {
public:
    enum class Action { kPass, kDrop, kDelay, kResetBefore, kResetAfter, kSlow };
    using Odds = ChaosOdds;

    struct Attempt {
        std::chrono::steady_clock::time_point arrived;
        std::chrono::steady_clock::time_point ended;  ///< answered, dropped, reset, or the client left
        Action action = Action::kPass;
        bool ended_set = false;
        int client_fd = -1;  ///< while in flight; -1 once ended
    };

    /// Forwards to 127.0.0.1:`upstream_port`. `hold` is how long a delayed request is held (make
    /// it longer than the client's timeout). Throws when it cannot listen.
    ChaosProxy(int upstream_port, std::chrono::milliseconds hold, std::uint64_t seed, Odds odds = {},
               std::chrono::milliseconds idle_close = std::chrono::milliseconds(300))
        : upstream_port_(upstream_port), hold_(hold), idle_close_(idle_close), rng_(seed), odds_(odds) {
        listen_fd_ = listen_on_loopback(128, port_);
        if (::pipe2(wake_, O_CLOEXEC) != 0) {
            ::close(listen_fd_);
            throw std::runtime_error("cannot make the wake-up pipe");
        }
        acceptor_ = std::thread([this] { accept_loop(); });
    }
    ~ChaosProxy() {
        stopping_ = true;
        const char stop = 's';
        (void)!::write(wake_[1], &stop, 1);
        acceptor_.join();
        {
            std::lock_guard lock(mutex_);
            for (int fd : open_fds_) ::shutdown(fd, SHUT_RDWR);  // wakes handlers blocked on reads
        }
        for (auto& h : handlers_) h.thread.join();
        for (int fd : {listen_fd_, wake_[0], wake_[1]}) ::close(fd);
    }
    ChaosProxy(const ChaosProxy&) = delete;
    ChaosProxy& operator=(const ChaosProxy&) = delete;

    int port() const { return port_; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    /// When off, every request passes (to read results back over a calm network).
    void set_hostile(bool on) { hostile_ = on; }

    /// Every tracked item (Idempotency-Key or "ticket:<externalId>") with its attempts in order.
    std::map<std::string, std::vector<Attempt>> attempts() const {
        std::lock_guard lock(mutex_);
        return attempts_;
    }
    /// The most attempts of one item that were in flight at the same moment (1 is correct).
    int max_in_flight() const {
        std::lock_guard lock(mutex_);
        return max_in_flight_;
    }
    /// How many tracked requests got each action.
    std::map<Action, int> action_counts() const {
        std::lock_guard lock(mutex_);
        return counts_;
    }

private:
    struct Handler {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    struct Request {
        std::string raw;  ///< head and body as received
        std::string head;
        std::string body;
    };

    static bool send_all(int fd, const std::string& bytes) {
        std::size_t sent = 0;
        while (sent < bytes.size()) {
            const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            sent += static_cast<std::size_t>(n);
        }
        return true;
    }

    static std::optional<std::size_t> content_length(const std::string& head) {
        static const std::regex re(R"(\r\n[Cc]ontent-[Ll]ength:\s*(\d+))");
        std::smatch m;
        if (std::regex_search(head, m, re)) return std::stoul(m[1].str());
        return std::nullopt;
    }

    // One HTTP message (head + Content-Length body) from `fd`, with what was already read in
    // `buffer`. std::nullopt at end of stream or on an error.
    static std::optional<Request> read_message(int fd, std::string& buffer, bool response_to_head = false) {
        std::size_t head_end;
        while ((head_end = buffer.find("\r\n\r\n")) == std::string::npos) {
            char chunk[8192];
            const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return std::nullopt;
            buffer.append(chunk, static_cast<std::size_t>(n));
        }
        Request m;
        m.head = buffer.substr(0, head_end + 4);
        std::size_t length = response_to_head ? 0 : content_length(m.head).value_or(0);
        if (m.head.rfind("HTTP/1.1 204", 0) == 0 || m.head.rfind("HTTP/1.1 304", 0) == 0) length = 0;
        while (buffer.size() < head_end + 4 + length) {
            char chunk[8192];
            const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return std::nullopt;
            buffer.append(chunk, static_cast<std::size_t>(n));
        }
        m.body = buffer.substr(head_end + 4, length);
        m.raw = buffer.substr(0, head_end + 4 + length);
        buffer.erase(0, head_end + 4 + length);
        return m;
    }

    // The outbox item a request belongs to, or "" for requests that are not outbox writes.
    static std::string item_of(const Request& r) {
        if (r.head.rfind("POST ", 0) != 0) return "";
        static const std::regex ticket(R"re("externalId"\s*:\s*"([^"]+)")re");
        static const std::regex key(R"(\r\n[Ii]dempotency-[Kk]ey:\s*([^\r]+))");
        std::smatch m;
        if (r.head.find("/troubleTicket ") != std::string::npos && std::regex_search(r.body, m, ticket)) {
            return "ticket:" + m[1].str();
        }
        if (std::regex_search(r.head, m, key)) return m[1].str();
        return "";
    }

    // True when the client has closed (or reset) its side of `fd`.
    static bool client_gone(int fd) {
        pollfd p{fd, POLLIN | POLLRDHUP, 0};
        if (::poll(&p, 1, 0) <= 0) return false;
        if (p.revents & (POLLRDHUP | POLLHUP | POLLERR)) return true;
        char c;
        return ::recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
    }

    static void reset(int fd) {
        linger l{1, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
        ::shutdown(fd, SHUT_RDWR);
    }

    Action choose() {
        std::lock_guard lock(mutex_);
        if (!hostile_) return Action::kPass;
        const double x = std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
        double edge = odds_.drop;
        if (x < edge) return Action::kDrop;
        if (x < (edge += odds_.delay)) return Action::kDelay;
        if (x < (edge += odds_.reset_before)) return Action::kResetBefore;
        if (x < (edge += odds_.reset_after)) return Action::kResetAfter;
        if (x < (edge += odds_.slow)) return Action::kSlow;
        return Action::kPass;
    }

    // Records a new attempt of `item` and counts the earlier ones still in flight. Returns its index.
    std::size_t begin_attempt(const std::string& item, Action action, int client_fd) {
        std::lock_guard lock(mutex_);
        auto& list = attempts_[item];
        int in_flight = 1;
        for (auto& a : list) {
            if (a.ended_set) continue;
            if (client_gone(a.client_fd)) {
                // The client gave up on it (its timeout): it is no longer in flight for the client.
                a.ended = std::chrono::steady_clock::now();
                a.ended_set = true;
                continue;
            }
            ++in_flight;
        }
        max_in_flight_ = std::max(max_in_flight_, in_flight);
        ++counts_[action];
        list.push_back(Attempt{std::chrono::steady_clock::now(), {}, action, false, client_fd});
        return list.size() - 1;
    }
    void end_attempt(const std::string& item, std::size_t index) {
        std::lock_guard lock(mutex_);
        auto& a = attempts_[item][index];
        if (a.ended_set) return;
        a.ended = std::chrono::steady_clock::now();
        a.ended_set = true;
        a.client_fd = -1;
    }

    // Sends `request` to the server and returns its answer; std::nullopt when there is none.
    std::optional<Request> forward(const Request& request) {
        const int up = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (up < 0) return std::nullopt;
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(upstream_port_));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const int one = 1;
        ::setsockopt(up, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        std::optional<Request> answer;
        if (::connect(up, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 && send_all(up, request.raw)) {
            std::string buffer;
            answer = read_message(up, buffer, request.head.rfind("HEAD ", 0) == 0);
        }
        ::close(up);
        return answer;
    }

    // Waits up to hold_ for the client to give up on `fd`.
    void hold(int fd) {
        const auto until = std::chrono::steady_clock::now() + hold_;
        while (!stopping_ && std::chrono::steady_clock::now() < until && !client_gone(fd)) {
            pollfd p{fd, POLLRDHUP, 0};
            ::poll(&p, 1, 20);
        }
    }

    void serve(int fd) {
        std::string buffer;
        for (bool first = true;; first = false) {
            if (!first && buffer.empty()) {
                pollfd p{fd, POLLIN, 0};
                if (::poll(&p, 1, static_cast<int>(idle_close_.count())) == 0) break;  // idle: close it
            }
            auto request = read_message(fd, buffer);
            if (!request) break;
            const std::string item = item_of(*request);
            if (item.empty()) {
                auto answer = forward(*request);
                if (!answer || !send_all(fd, answer->raw)) break;
                continue;
            }
            const Action action = choose();
            const std::size_t index = begin_attempt(item, action, fd);
            bool keep = false;
            switch (action) {
                case Action::kPass: {
                    auto answer = forward(*request);
                    end_attempt(item, index);
                    keep = answer && send_all(fd, answer->raw);
                    break;
                }
                case Action::kDrop:
                    (void)forward(*request);  // committed on the server, never answered
                    end_attempt(item, index);
                    ::shutdown(fd, SHUT_RDWR);
                    break;
                case Action::kDelay:
                    hold(fd);
                    end_attempt(item, index);
                    (void)forward(*request);  // a late copy reaches the server after all
                    break;
                case Action::kResetBefore:
                    end_attempt(item, index);
                    reset(fd);
                    break;
                case Action::kSlow: {
                    const auto until = std::chrono::steady_clock::now() + hold_;
                    while (!stopping_ && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(10));
                    auto answer = forward(*request);
                    end_attempt(item, index);
                    keep = answer && send_all(fd, answer->raw);
                    break;
                }
                case Action::kResetAfter:
                    (void)forward(*request);
                    end_attempt(item, index);
                    reset(fd);
                    break;
            }
            if (!keep) break;
        }
        {
            std::lock_guard lock(mutex_);
            std::erase(open_fds_, fd);
        }
        ::close(fd);
    }

    void accept_loop() {
        for (;;) {
            pollfd fds[2] = {{wake_[0], POLLIN, 0}, {listen_fd_, POLLIN, 0}};
            if (::poll(fds, 2, -1) < 0) continue;
            if (fds[0].revents != 0) return;
            const int c = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (c < 0) continue;
            const int one = 1;
            ::setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            {
                std::lock_guard lock(mutex_);
                open_fds_.push_back(c);
            }
            // Join handlers that have finished, so thousands of connections do not pile up threads.
            for (auto it = handlers_.begin(); it != handlers_.end();) {
                if (it->done->load()) {
                    it->thread.join();
                    it = handlers_.erase(it);
                } else {
                    ++it;
                }
            }
            auto done = std::make_shared<std::atomic<bool>>(false);
            handlers_.push_back(Handler{std::thread([this, c, done] {
                                            serve(c);
                                            *done = true;
                                        }),
                                        done});
        }
    }

    int upstream_port_;
    std::chrono::milliseconds hold_;
    std::chrono::milliseconds idle_close_;
    int listen_fd_ = -1;
    int wake_[2] = {-1, -1};
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<bool> hostile_{true};
    std::thread acceptor_;
    std::list<Handler> handlers_;  // only the acceptor thread (and the destructor after it) touch it

    mutable std::mutex mutex_;
    std::mt19937_64 rng_;
    Odds odds_;
    std::vector<int> open_fds_;
    std::map<std::string, std::vector<Attempt>> attempts_;
    std::map<Action, int> counts_;
    int max_in_flight_ = 0;
};

}  // namespace selfcare::test
