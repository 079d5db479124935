// SPDX-License-Identifier: Apache-2.0
// A real HTTPS server on a loopback port for transport tests: certificates from
// make_test_certs.sh, handlers written by each test, started on a thread and stopped on
// destruction. It plays the network peer; the code under test is the client.
#pragma once

// cpp-httplib 0.11 leaves TCP_NODELAY off, which stalls keep-alive clients; see architecture notes.
#define CPPHTTPLIB_TCP_NODELAY true
#include <httplib.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>

#include "support/temp_dir.hpp"

namespace selfcare::test {

/// Throwaway PKI in its own temp folder (see make_test_certs.sh for the file names).
class TestPki {
public:
    TestPki() {
        // Appended piece by piece: GCC 12 at -O2 reports a false -Warray-bounds on a chain of
        // operator+ that starts from a temporary string.
        std::string cmd = SC_SOURCE_DIR;
        cmd += "/tests/support/make_test_certs.sh '";
        cmd += dir_.path().string();
        cmd += "'";
        if (std::system(cmd.c_str()) != 0) throw std::runtime_error("make_test_certs.sh failed");
    }
    std::filesystem::path file(const std::string& name) const { return dir_ / name; }
    std::string pin(const std::string& name) const { return read_bytes(dir_ / (name + ".pin")); }

private:
    TempDir dir_;
};

/// An HTTPS server presenting `cert_name` (.pem/.key from the PKI).
class TestHttpsServer {
public:
    TestHttpsServer(const TestPki& pki, const std::string& cert_name = "server")
        : server_(pki.file(cert_name + ".pem").c_str(), pki.file(cert_name + ".key").c_str()) {
        server_.set_tcp_nodelay(true);  // the macro above does not reach the shared library
    }
    ~TestHttpsServer() { stop(); }

    httplib::SSLServer& http() { return server_; }

    /// Binds an ephemeral loopback port and serves on a thread. Returns the base URL.
    std::string start() {
        port_ = server_.bind_to_any_port("127.0.0.1");
        if (port_ <= 0) throw std::runtime_error("cannot bind a loopback port");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::yield();
        return "https://127.0.0.1:" + std::to_string(port_);
    }
    void stop() {
        server_.stop();
        if (thread_.joinable()) thread_.join();
    }
    int port() const { return port_; }

private:
    httplib::SSLServer server_;
    std::thread thread_;
    int port_ = 0;
};

}  // namespace selfcare::test
