// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the service platform's request handling. Each input is the bytes of one HTTP
// request as a client would send them (request line, headers, body); it goes through
// cpp-httplib's parser, the routing table and every route's authentication, body parsing and
// handler, on the demo data in an in-memory SQLite database, exactly as selfcare-server
// registers them, but without a socket: the request is read from memory.
//
// So that the fuzzer gets past authentication, the tokens @CUSTOMER@, @ENGINEER@ and @ADMIN@ in
// an input are replaced by a live bearer token of the demo customer, engineer and admin (signed
// in again after an input signs out).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "api/routes.hpp"
#include "context.hpp"
#include "http/httplib.hpp"
#include "seed/demo_seed.hpp"
#include "storage/database.hpp"

namespace {

using namespace selfcare::server;

constexpr const char* kSandboxOtp = "246810";
constexpr std::size_t kMaxBodyBytes = 64 * 1024;  // as selfcare-server's default limit

// One request read from memory; the answer is kept so the harness can read tokens from it.
class MemoryStream final : public httplib::Stream {
public:
    explicit MemoryStream(std::string_view request) : in_(request) {}
    bool is_readable() const override { return pos_ < in_.size(); }
    bool is_writable() const override { return true; }
    ssize_t read(char* ptr, std::size_t size) override {
        const std::size_t n = std::min(size, in_.size() - pos_);
        std::memcpy(ptr, in_.data() + pos_, n);
        pos_ += n;
        return static_cast<ssize_t>(n);
    }
    ssize_t write(const char* ptr, std::size_t size) override {
        out_.append(ptr, size);
        return static_cast<ssize_t>(size);
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        ip = "127.0.0.1";
        port = 50000;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        ip = "127.0.0.1";
        port = 8443;
    }
    socket_t socket() const override { return INVALID_SOCKET; }
    const std::string& answer() const { return out_; }

private:
    std::string_view in_;
    std::size_t pos_ = 0;
    std::string out_;
};

// httplib::Server with its per-request entry point opened up: the same parsing, routing,
// handlers and error pages a connection gets.
class InMemoryServer final : public httplib::Server {
public:
    std::string handle(std::string_view request) {
        MemoryStream stream(request);
        bool closed = false;
        process_request(stream, true, closed, [](httplib::Request&) {});
        return stream.answer();
    }
};

class QuietSms final : public SmsGateway {
public:
    void send_code(const std::string&, const std::string&) override {}
};

struct Platform {
    std::unique_ptr<Database> db;
    ServerClock clock;
    QuietSms sms;
    std::unique_ptr<Context> ctx;
    InMemoryServer server;
    std::string customer, engineer, admin;  // "Bearer <token>" without the scheme
};

[[noreturn]] void die(const std::string& why) {
    std::fprintf(stderr, "server_request_fuzz: %s\n", why.c_str());
    std::abort();
}

std::string post(InMemoryServer& server, const std::string& path, const std::string& body) {
    return server.handle("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
                         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
}

// The access token in a sign-in answer, or empty when the sign-in was refused.
std::string token_from(const std::string& answer) {
    const auto body = answer.find("\r\n\r\n");
    const auto json = nlohmann::json::parse(answer.substr(body == std::string::npos ? 0 : body + 4), nullptr, false);
    if (!json.is_object() || !json.value("access_token", nlohmann::json()).is_string()) return {};
    return json["access_token"].get<std::string>();
}

struct Roles {
    bool customer = true, engineer = true, admin = true;
};

// Signs the demo customer, engineer and admin (those in `roles`) in. A refused sign-in (inputs
// can lock an account with wrong codes or passwords, as a person could) keeps the old token.
void sign_in(Platform& p, Roles roles = {}) {
    const auto keep = [](std::string& token, std::string fresh) {
        if (!fresh.empty()) token = std::move(fresh);
    };
    if (roles.customer) {
        post(p.server, "/auth/otp", R"({"msisdn":"13800138000"})");
        keep(p.customer, token_from(post(p.server, "/auth/token", R"({"msisdn":"13800138000","otp":"246810"})")));
    }
    if (roles.engineer) keep(p.engineer, token_from(post(p.server, "/auth/token", R"({"staff_id":"E1001","password":"demo1001"})")));
    if (roles.admin) keep(p.admin, token_from(post(p.server, "/auth/token", R"({"staff_id":"A0001","password":"admin0001"})")));
}

Platform& platform() {
    static Platform* p = [] {
        auto* made = new Platform();  // lives for the process, as the server's state does
        auto db = open_database("sqlite::memory:");
        if (!db) die(db.error().message);
        made->db = std::move(*db);
        if (auto m = made->db->migrate(); !m) die(m.error().message);
        made->ctx.reset(new Context{*made->db, made->clock, selfcare::domain::SlaPolicy{}, made->sms,
                                    ServerOptions{kSandboxOtp, false, "http://127.0.0.1:8443"}});
        // Long-polls of the event feed answer at once, as when the server is stopping.
        made->ctx->stopping = true;
        if (auto s = seed_demo(*made->ctx); !s) die(s.error().message);
        auto& server = made->server;
        auto& ctx = *made->ctx;
        server.set_payload_max_length(kMaxBodyBytes);
        register_health_routes(server, ctx);
        register_auth_routes(server, ctx);
        register_account_routes(server, ctx);
        register_ticket_routes(server, ctx);
        register_work_order_routes(server, ctx);
        register_event_routes(server, ctx);
        register_order_routes(server, ctx);
        register_loyalty_routes(server, ctx);
        register_admin_routes(server, ctx);
        sign_in(*made);
        if (made->customer.empty() || made->engineer.empty() || made->admin.empty()) die("the demo users cannot sign in");
        return made;
    }();
    return *p;
}

void replace_all(std::string& text, std::string_view from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)platform();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto& p = platform();
    std::string request(reinterpret_cast<const char*>(data), size);
    const Roles used{request.find("@CUSTOMER@") != std::string::npos, request.find("@ENGINEER@") != std::string::npos,
                     request.find("@ADMIN@") != std::string::npos};
    replace_all(request, "@CUSTOMER@", p.customer);
    replace_all(request, "@ENGINEER@", p.engineer);
    replace_all(request, "@ADMIN@", p.admin);
    (void)p.server.handle(request);
    // A signed-out token would leave every later input at the authentication check.
    if (request.find("/auth/logout") != std::string::npos) sign_in(p, used);
    return 0;
}
