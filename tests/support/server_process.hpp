// SPDX-License-Identifier: Apache-2.0
// The real selfcare-server binary on an ephemeral loopback port, for integration tests: started
// with a fresh SQLite file (or a fresh PostgreSQL database when SC_TEST_PG_STATE is set), demo data, a
// fixed sandbox code and the test clock; stopped with SIGTERM, and the test checks it exits 0.
#pragma once

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/demo_identities.hpp"
#include "support/pg_database.hpp"
#include "support/temp_dir.hpp"
#include "support/test_https_server.hpp"  // cpp-httplib with TCP_NODELAY

namespace selfcare::test {

class ServerProcess {
public:
    /// Starts the server; extra arguments are appended. Throws if it does not come up.
    explicit ServerProcess(std::vector<std::string> extra = {}, std::string db_url = "") {
        if (db_url.empty()) db_url = fresh_pg_database().value_or("sqlite:" + (dir_ / "server.db").string());
        db_url_ = db_url;
        std::vector<std::string> args{SC_SERVER_BINARY, "--listen", "127.0.0.1:0", "--db", db_url,
                                      "--seed", "demo", "--sandbox-otp", kDemoOtp, "--test-clock",
                                      "--port-file", (dir_ / "port").string()};
        args.insert(args.end(), extra.begin(), extra.end());
        args_ = args;
        start(args);
    }
    ~ServerProcess() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    const std::string& db_url() const { return db_url_; }
    std::filesystem::path log_path() const { return dir_ / "server.log"; }
    std::string log() const { return read_bytes(log_path()); }

    /// Sends SIGTERM and returns the exit status (0 = clean shutdown).
    int stop() {
        if (pid_ <= 0) return -1;
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    /// Starts a stopped server again on the same port and database, as a server coming back
    /// after an outage (clients keep their configured address). Throws if it does not come up.
    void restart() {
        if (pid_ > 0) throw std::logic_error("the server is still running");
        auto args = args_;
        args.insert(args.end(), {"--listen", "127.0.0.1:" + std::to_string(port_)});  // the last --listen wins
        start(args);
    }
    /// Kills the process without letting it finish anything.
    void kill_hard() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

private:
    void start(const std::vector<std::string>& args) {
        std::filesystem::remove(dir_ / "port");
        // The child's freopen would flush a copy of our unwritten output: test reports twice.
        std::fflush(nullptr);
        pid_ = ::fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            // A test that aborts (a sanitizer report, say) never runs the destructor: the server
            // goes with it instead of lingering.
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            const std::string log = log_path().string();
            FILE* f = std::freopen(log.c_str(), "a", stderr);
            (void)f;
            if (std::freopen(log.c_str(), "a", stdout) == nullptr) _exit(127);
            std::vector<char*> argv;
            for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            _exit(127);
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (std::chrono::steady_clock::now() < deadline) {
            std::ifstream in(dir_ / "port");
            if (in >> port_ && port_ > 0) return;
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                throw std::runtime_error("selfcare-server exited at start: " + log());
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        throw std::runtime_error("selfcare-server did not start: " + log());
    }

    TempDir dir_;  // holds the SQLite database: it must outlive every restart
    std::vector<std::string> args_;
    std::string db_url_;
    pid_t pid_ = -1;
    int port_ = 0;
};

/// A small JSON-over-HTTP client for tests, with the bearer token of whoever signed in.
class ApiClient {
public:
    explicit ApiClient(const ServerProcess& server) : http_("127.0.0.1", server.port()) {
        http_.set_read_timeout(60, 0);
        http_.set_tcp_nodelay(true);
    }
    struct Response {
        int status = 0;
        nlohmann::json body;
        std::string raw;
        httplib::Headers headers;
        std::string header(const std::string& name) const {
            auto it = headers.find(name);
            return it == headers.end() ? "" : it->second;
        }
    };
    Response send(const std::string& method, const std::string& path, const std::string& body = "",
                  httplib::Headers extra = {}) {
        httplib::Headers headers = std::move(extra);
        if (!token_.empty()) headers.emplace("Authorization", "Bearer " + token_);
        auto r = method == "GET"     ? http_.Get(path, headers)
                 : method == "PATCH" ? http_.Patch(path, headers, body, "application/json")
                 : method == "DELETE" ? http_.Delete(path, headers)
                                      : http_.Post(path, headers, body, "application/json");
        Response out;
        if (!r) return out;
        out.status = r->status;
        out.raw = r->body;
        out.headers = r->headers;
        out.body = nlohmann::json::parse(r->body, nullptr, false);
        return out;
    }
    Response get(const std::string& path) { return send("GET", path); }
    Response post(const std::string& path, const nlohmann::json& body, httplib::Headers extra = {}) {
        return send("POST", path, body.dump(), std::move(extra));
    }
    Response patch(const std::string& path, const nlohmann::json& body) { return send("PATCH", path, body.dump()); }

    /// Signs in a customer with the sandbox code. Returns the token response.
    Response login_customer(const std::string& msisdn = kDemoCustomer) {
        token_.clear();
        post("/auth/otp", {{"msisdn", msisdn}});
        auto r = post("/auth/token", {{"msisdn", msisdn}, {"otp", kDemoOtp}});
        if (r.status == 201) token_ = r.body["access_token"];
        return r;
    }
    Response login_staff(const std::string& id, const std::string& password) {
        token_.clear();
        auto r = post("/auth/token", {{"staff_id", id}, {"password", password}});
        if (r.status == 201) token_ = r.body["access_token"];
        return r;
    }
    void set_token(std::string t) { token_ = std::move(t); }
    const std::string& token() const { return token_; }

private:
    httplib::Client http_;
    std::string token_;
};

}  // namespace selfcare::test
