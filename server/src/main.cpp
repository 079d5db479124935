// SPDX-License-Identifier: Apache-2.0
// selfcare-server: the reference service platform.
//   selfcare-server --listen 127.0.0.1:8443 --db sqlite:PATH [--seed demo] [--sandbox-otp CODE]
//                   [--tls-cert F --tls-key F] [--port-file F] [--test-clock] [--fault SPEC]...
//                   [--threads N] [--request-timeout SECONDS]
// SIGTERM or SIGINT stops accepting, lets requests in flight finish, and exits 0.
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "api/routes.hpp"
#include "context.hpp"
#include "http/reply.hpp"
#include "domain/privacy.hpp"
#include "http/bounded_server.hpp"
#include "http/fault_injection.hpp"
#include "http/httplib.hpp"
#include "seed/demo_seed.hpp"
#include "service/sla_sweep.hpp"
#include "storage/database.hpp"

namespace {

using namespace selfcare::server;

constexpr const char* kUsage =
    "usage: selfcare-server --listen HOST:PORT --db sqlite:PATH [--seed demo] [--sandbox-otp CODE]\n"
    "                       [--tls-cert FILE --tls-key FILE] [--port-file FILE] [--test-clock]\n"
    "                       [--threads N] [--request-timeout SECONDS]\n"
    "                       [--fault drop-response:METHOD:ROUTE:N]...  (tests only, loopback only)\n"
    "       selfcare-server --list-routes\n";

// The sandbox SMS gateway: says that a code went out, never the code.
class LogSmsGateway final : public SmsGateway {
public:
    void send_code(const std::string& msisdn, const std::string&) override {
        std::fprintf(stderr, "sms: one-time code sent to %s\n", selfcare::domain::mask_msisdn(msisdn).c_str());
    }
};

struct Args {
    std::string host = "127.0.0.1";
    int port = 8443;
    std::string db;
    std::string seed;
    std::string sandbox_otp;
    std::string tls_cert, tls_key;
    std::string port_file;
    bool test_clock = false;
    bool list_routes = false;
    ConnectionLimits limits;
    std::vector<DropResponseFault> faults;
};

// A whole positive number no larger than `max`, or nullopt.
std::optional<long> positive(const std::string& text, long max) {
    try {
        std::size_t used = 0;
        const long n = std::stol(text, &used);
        if (used != text.size() || n < 1 || n > max) return std::nullopt;
        return n;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

bool is_loopback(const std::string& host) {
    return host.starts_with("127.") || host == "localhost" || host == "::1" || host == "[::1]";
}

int fail(const std::string& why) {
    std::fprintf(stderr, "selfcare-server: %s\n%s", why.c_str(), kUsage);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&](std::string& out) {
            if (i + 1 >= argc) return false;
            out = argv[++i];
            return true;
        };
        std::string listen;
        if (arg == "--listen" && value(listen)) {
            const auto colon = listen.rfind(':');
            if (colon == std::string::npos) return fail("--listen needs HOST:PORT");
            a.host = listen.substr(0, colon);
            try {
                a.port = std::stoi(listen.substr(colon + 1));
            } catch (const std::exception&) {
                return fail("--listen port is not a number");
            }
            if (a.port < 0 || a.port > 65535) return fail("--listen port out of range");
        } else if (arg == "--db" && value(a.db)) {
        } else if (arg == "--seed" && value(a.seed)) {
            if (a.seed != "demo") return fail("--seed knows only 'demo'");
        } else if (arg == "--sandbox-otp" && value(a.sandbox_otp)) {
            if (a.sandbox_otp.size() != 6 || a.sandbox_otp.find_first_not_of("0123456789") != std::string::npos) {
                return fail("--sandbox-otp must be 6 digits");
            }
        } else if (arg == "--tls-cert" && value(a.tls_cert)) {
        } else if (arg == "--tls-key" && value(a.tls_key)) {
        } else if (arg == "--port-file" && value(a.port_file)) {
        } else if (std::string n; arg == "--threads" && value(n)) {
            const auto threads = positive(n, 4096);
            if (!threads) return fail("--threads must be 1 to 4096");
            a.limits.threads = static_cast<std::size_t>(*threads);
        } else if (std::string s; arg == "--request-timeout" && value(s)) {
            const auto seconds = positive(s, 600);
            if (!seconds) return fail("--request-timeout must be 1 to 600 seconds");
            a.limits.request_timeout = std::chrono::seconds(*seconds);
        } else if (std::string spec; arg == "--fault" && value(spec)) {
            auto fault = parse_fault(spec);
            if (!fault) return fail(fault.error().message);
            a.faults.push_back(std::move(fault).value());
        } else if (arg == "--test-clock") {
            a.test_clock = true;
        } else if (arg == "--list-routes") {
            a.list_routes = true;
        } else if (arg == "--help" || arg == "-h") {
            std::printf("%s", kUsage);
            return 0;
        } else {
            return fail("unknown or incomplete argument: " + arg);
        }
    }
    if (a.db.empty() && !a.list_routes) return fail("--db is required");
    if (a.tls_cert.empty() != a.tls_key.empty()) return fail("--tls-cert and --tls-key go together");
    // Dropping answers on purpose is for test benches only: never on an address others can reach.
    if (!a.faults.empty() && !is_loopback(a.host)) return fail("--fault is for tests only and needs a loopback --listen");

    // Signals go to one waiting thread, not to whichever thread happens to run.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    if (a.list_routes) a.db = "sqlite::memory:";
    auto db = open_database(a.db);
    if (!db) return fail(db.error().message);
    if (auto m = (*db)->migrate(); !m) {
        std::fprintf(stderr, "selfcare-server: cannot prepare the database: %s\n", m.error().message.c_str());
        return 1;
    }
    ServerClock clock;
    LogSmsGateway sms;
    const bool tls = !a.tls_cert.empty();
    Context ctx{**db, clock, selfcare::domain::SlaPolicy{}, sms,
                ServerOptions{a.sandbox_otp, a.test_clock, ""}};

    if (a.seed == "demo") {
        if (auto s = seed_demo(ctx); !s) {
            std::fprintf(stderr, "selfcare-server: seeding failed: %s\n", s.error().message.c_str());
            return 1;
        }
    }

    // Limits a slow or idle client cannot stretch (server/README.md, "Limits").
    auto server = make_bounded_server(a.limits, a.tls_cert, a.tls_key);
    if (!server) return fail("cannot load the TLS certificate or key");

    register_health_routes(*server, ctx);
    register_auth_routes(*server, ctx);
    register_account_routes(*server, ctx);
    register_ticket_routes(*server, ctx);
    register_work_order_routes(*server, ctx);
    register_event_routes(*server, ctx);
    register_order_routes(*server, ctx);
    register_loyalty_routes(*server, ctx);
    register_admin_routes(*server, ctx);
    FaultInjection faults(a.faults);
    faults.install(*server);
    if (a.list_routes) {
        for (const auto& [method, pattern] : registered_routes()) std::printf("%s %s\n", method.c_str(), pattern.c_str());
        return 0;
    }

    const int port = a.port == 0 ? server->bind_to_any_port(a.host) : (server->bind_to_port(a.host, a.port) ? a.port : -1);
    if (port <= 0) return fail("cannot listen on " + a.host + ":" + std::to_string(a.port));
    const std::string base = std::string(tls ? "https" : "http") + "://" + a.host + ":" + std::to_string(port);
    ctx.options.public_base = base;
    if (!a.port_file.empty()) {
        const std::string tmp = a.port_file + ".tmp";
        std::ofstream(tmp) << port << "\n";
        std::filesystem::rename(tmp, a.port_file);
    }
    std::printf("selfcare-server listening on %s (database: %s)\n", base.c_str(), std::string((*db)->backend()).c_str());
    std::fflush(stdout);

    std::atomic<bool> stopping{false};
    std::thread signal_thread([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        stopping = true;
        ctx.stopping = true;  // long-polls answer now, so stopping does not wait them out
        faults.release_all();  // held answers would keep the worker pool from stopping
        server->stop();
    });
    std::thread sweeper([&] {
        while (!stopping) {
            if (auto r = sweep_sla(ctx); !r) std::fprintf(stderr, "sla: sweep failed: %s\n", r.error().message.c_str());
            for (int i = 0; i < 300 && !stopping; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });

    server->listen_after_bind();
    stopping = true;
    // Wake the signal thread if listen ended for another reason.
    if (signal_thread.joinable()) {
        pthread_kill(signal_thread.native_handle(), SIGTERM);
        signal_thread.join();
    }
    sweeper.join();
    std::printf("selfcare-server stopped\n");
    return 0;
}
