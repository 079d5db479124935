// SPDX-License-Identifier: Apache-2.0
// The SDK against the real server over HTTPS (certificates from make_test_certs.sh): without the
// private CA, with another CA, or with a pin that does not match, the connection is refused before
// anything is sent (the server never sees the request); with the CA, and with a backup pin list
// that holds the server's key, signing in works.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.hpp"
#include "support/sdk_call.hpp"
#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;

namespace {

// Generating keys takes a while: one PKI for the server, and one unrelated CA, per binary.
const TestPki& pki() {
    static const TestPki instance;
    return instance;
}
const TestPki& other_pki() {
    static const TestPki instance;
    return instance;
}

struct TlsServer {
    ServerProcess process{{"--tls-cert", pki().file("server.pem").string(), "--tls-key", pki().file("server.key").string()}};
    std::string url() const { return "https://127.0.0.1:" + std::to_string(process.port()); }
    // The server logs every request it handled (method and route, nothing personal).
    bool saw_request(const std::string& route) const { return process.log().find("http POST " + route + " ") != std::string::npos; }
};

json config(const TempDir& dir, const TlsServer& server) {
    return {{"data_dir", dir.path().string()}, {"server", server.url()}};
}

// Requests a code and signs in; both must be refused with `code` and reach nothing.
void expect_refused(const selfcare::Client& client, const TlsServer& server, const std::string& code) {
    auto otp = call(client, "auth.request_otp", {{"msisdn", kDemoCustomer}}, SC_E_NETWORK);
    CHECK(otp["error"]["code"] == code);
    auto login = call(client, "auth.login", {{"msisdn", kDemoCustomer}, {"otp", kDemoOtp}}, SC_E_NETWORK);
    CHECK(login["error"]["code"] == code);
    CHECK(login["error"]["retryable"] == false);
    CHECK_FALSE(server.saw_request("/auth/otp"));
    CHECK_FALSE(server.saw_request("/auth/token"));
}

void expect_signed_in(const selfcare::Client& client, const TlsServer& server) {
    sign_in_customer(client);
    CHECK(call(client, "account.summary", json::object(), SC_OK)["balance"]["fen"] == 4650);  // the demo balance
    CHECK(server.saw_request("/auth/token"));
}

}  // namespace

TEST_CASE("HTTPS through the SDK: the server's certificate is verified against the configured CA") {
    TlsServer server;
    TempDir dir;
    SUBCASE("no ca_file: the system store does not know the private CA") {
        expect_refused(open_sdk_client(config(dir, server)), server, "network.tls");
    }
    SUBCASE("another CA's certificate in ca_file") {
        auto cfg = config(dir, server);
        cfg["ca_file"] = other_pki().file("ca.pem").string();
        expect_refused(open_sdk_client(cfg), server, "network.tls");
    }
    SUBCASE("the private CA in ca_file") {
        auto cfg = config(dir, server);
        cfg["ca_file"] = pki().file("ca.pem").string();
        expect_signed_in(open_sdk_client(cfg), server);
    }
}

TEST_CASE("HTTPS through the SDK: public-key pins, with a backup pin") {
    TlsServer server;
    TempDir dir;
    auto cfg = config(dir, server);
    cfg["ca_file"] = pki().file("ca.pem").string();
    SUBCASE("a pin of another key is refused") {
        cfg["pinned_public_key"] = pki().pin("other");
        expect_refused(open_sdk_client(cfg), server, "network.pin_mismatch");
    }
    SUBCASE("a wrong pin followed by the server's pin (a backup pin) is accepted") {
        cfg["pinned_public_key"] = pki().pin("other") + ";" + pki().pin("server");
        expect_signed_in(open_sdk_client(cfg), server);
    }
}
