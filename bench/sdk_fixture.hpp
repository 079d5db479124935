// SPDX-License-Identifier: Apache-2.0
// What the SDK benchmarks share: driving a client through the C ABI exactly as an app does, and a
// signed-in demo customer's data folder whose cache was filled from the real server, which is then
// gone. Setup failures throw: a benchmark that cannot set up has nothing to measure.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.h"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace selfcare::bench {

using test::ServerProcess;
using test::TempDir;

/// sc_client_open's config for a client on `dir`; an empty `server` means none is configured.
inline std::string client_config(const TempDir& dir, const std::string& server) {
    nlohmann::json cfg{{"data_dir", dir.path().string()}};
    if (!server.empty()) cfg["server"] = server;
    return cfg.dump();
}

/// Runs one command through sc_call and returns its status; `json` (if given) gets the answer.
inline int call(sc_client* client, const char* command, const std::string& args_json, std::string* json = nullptr) {
    char* out = nullptr;
    const int status = sc_call(client, command, args_json.c_str(), &out);
    if (json != nullptr) *json = out != nullptr ? out : "";
    sc_free(out);
    return status;
}

/// Like call(), but a status other than `expect` is a setup failure.
inline std::string call_expecting(sc_client* client, const char* command, const std::string& args_json, int expect) {
    std::string json;
    const int status = call(client, command, args_json, &json);
    if (status != expect) {
        // The error document holds a code and a message, never personal data.
        throw std::runtime_error(std::string(command) + " answered " + std::to_string(status) + ": " + json);
    }
    return json;
}

/// An open sc_client, closed on destruction.
struct ClientCloser {
    void operator()(sc_client* c) const { sc_client_close(c); }
};
using ClientHandle = std::unique_ptr<sc_client, ClientCloser>;

inline ClientHandle open_client(const std::string& config_json) {
    sc_client* raw = nullptr;
    char* err = nullptr;
    const int status = sc_client_open(config_json.c_str(), &raw, &err);
    const std::string error = err != nullptr ? err : "";
    sc_free(err);
    if (status != SC_OK) throw std::runtime_error("sc_client_open answered " + std::to_string(status) + ": " + error);
    return ClientHandle(raw);
}

/// Signs the demo customer in through the SDK with the server's sandbox code.
inline void sign_in(sc_client* client) {
    const std::string msisdn = nlohmann::json{{"msisdn", test::kDemoCustomer}}.dump();
    call_expecting(client, "auth.request_otp", msisdn, SC_OK);
    call_expecting(client, "auth.login",
                   nlohmann::json{{"msisdn", test::kDemoCustomer}, {"otp", test::kDemoOtp}}.dump(), SC_OK);
}

/// A loopback port nobody listens on, held for as long as this object lives: the socket is bound
/// but never listens, so a connect is refused at once (as with no socket at all), and no server the
/// same run starts on an ephemeral port can take it over.
class ClosedPort {
public:
    explicit ClosedPort(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        const int on = 1;
        ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);  // the old server's TIME_WAITs
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        if (fd_ < 0 || ::bind(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
            throw std::runtime_error("cannot hold loopback port " + std::to_string(port));
        }
    }
    ~ClosedPort() { ::close(fd_); }
    ClosedPort(const ClosedPort&) = delete;
    ClosedPort& operator=(const ClosedPort&) = delete;

private:
    int fd_;
};

/// The demo customer's data folder after a session at home: signed in, with what the app's screens
/// show fetched once from the real server (so the cache holds them), then the server stopped. The
/// client config still names that server; its port is now closed. Built once per run, on first use.
class CachedCustomer {
public:
    static const CachedCustomer& get() {
        static const CachedCustomer instance;
        return instance;
    }

    const TempDir& dir() const { return dir_; }
    /// The stopped server's address: a loopback port that refuses connections.
    const std::string& server_url() const { return server_url_; }

private:
    CachedCustomer() {
        ServerProcess server;
        server_url_ = server.base_url();
        {
            auto client = open_client(client_config(dir_, server_url_));
            sign_in(client.get());
            const std::vector<const char*> screens{"account.summary", "bills.list",    "tickets.list",
                                                   "orders.list",     "catalog.plans", "loyalty.balance"};
            for (const char* command : screens) call_expecting(client.get(), command, "{}", SC_OK);
        }
        const int port = server.port();
        if (server.stop() != 0) throw std::runtime_error("selfcare-server did not stop cleanly");
        closed_port_ = std::make_unique<ClosedPort>(port);
    }

    TempDir dir_;
    std::string server_url_;
    std::unique_ptr<ClosedPort> closed_port_;
};

/// True when an account.summary answer came from the cache.
inline bool is_stale_answer(const std::string& json) {
    const auto doc = nlohmann::json::parse(json, nullptr, false);
    return doc.is_object() && doc.value("stale", false) && doc.contains("balance");
}

}  // namespace selfcare::bench
