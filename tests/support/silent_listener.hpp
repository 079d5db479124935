// SPDX-License-Identifier: Apache-2.0
// A loopback TCP listener that accepts connections and reads what clients send, but never
// answers: a server that took a request and then went silent before doing anything with it.
// Tests wait on what arrived to know a client is now blocked waiting for an answer.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/loopback_socket.hpp"

namespace selfcare::test {

class SilentListener {
public:
    /// Listens on an ephemeral port of 127.0.0.1 and starts reading on a thread.
    SilentListener() {
        listen_fd_ = listen_on_loopback(16, port_);
        if (::pipe2(wake_, O_CLOEXEC) != 0) {
            ::close(listen_fd_);
            throw std::runtime_error("cannot make the wake-up pipe");
        }
        thread_ = std::thread([this] { run(); });
    }
    ~SilentListener() {
        const char stop = 's';
        (void)!::write(wake_[1], &stop, 1);
        thread_.join();
        for (int fd : {listen_fd_, wake_[0], wake_[1]}) ::close(fd);
    }
    SilentListener(const SilentListener&) = delete;
    SilentListener& operator=(const SilentListener&) = delete;

    int port() const { return port_; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    /// Waits until the bytes received so far (all connections) contain `text`; false if that has
    /// not happened within `limit`.
    bool wait_for(const std::string& text, std::chrono::seconds limit) {
        std::unique_lock lock(mutex_);
        return arrived_.wait_for(lock, limit, [&] { return received_.find(text) != std::string::npos; });
    }

private:
    void run() {
        std::vector<int> connections;
        for (;;) {
            std::vector<pollfd> fds{{wake_[0], POLLIN, 0}, {listen_fd_, POLLIN, 0}};
            for (int c : connections) fds.push_back({c, POLLIN, 0});
            if (::poll(fds.data(), fds.size(), -1) < 0) continue;
            if (fds[0].revents != 0) break;
            if (fds[1].revents & POLLIN) {
                const int c = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
                if (c >= 0) connections.push_back(c);
            }
            for (std::size_t i = 2; i < fds.size(); ++i) {
                if (fds[i].revents == 0) continue;
                char buf[4096];
                const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
                if (n <= 0) {
                    ::close(fds[i].fd);
                    std::erase(connections, fds[i].fd);
                    continue;
                }
                {
                    std::lock_guard lock(mutex_);
                    received_.append(buf, static_cast<std::size_t>(n));
                }
                arrived_.notify_all();
            }
        }
        for (int c : connections) ::close(c);
    }

    int listen_fd_ = -1;
    int wake_[2] = {-1, -1};
    int port_ = 0;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::string received_;
};

}  // namespace selfcare::test
