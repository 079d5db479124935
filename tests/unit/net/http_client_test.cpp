// SPDX-License-Identifier: Apache-2.0
// The transport against a real HTTPS server on loopback: verification always on, private CA,
// public-key pins with a backup, limits, timeouts, and errors mapped to project ids.
#include <doctest/doctest.h>

#include <atomic>
#include <set>

#include "net/http.hpp"
#include "support/test_https_server.hpp"

using namespace selfcare;
using net::HttpClient;
using net::HttpRequest;
using net::TransportConfig;

namespace {

test::TestPki& pki() {
    static test::TestPki instance;  // one PKI for the whole binary: generating keys takes a while
    return instance;
}

TransportConfig config_for(const std::string& url) {
    TransportConfig c;
    c.base_url = url;
    c.ca_file = pki().file("ca.pem").string();
    c.connect_timeout = std::chrono::milliseconds(2000);
    c.total_timeout = std::chrono::milliseconds(5000);
    return c;
}

void hello(httplib::SSLServer& s) {
    s.Get("/hello", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("X-Total-Count", "1");
        res.set_content(R"({"greeting":"你好"})", "application/json");
    });
}

}  // namespace

TEST_CASE("a GET over verified HTTPS with a private CA") {
    test::TestHttpsServer server(pki());
    hello(server.http());
    HttpClient client(config_for(server.start()));
    auto r = client.send(net::HttpRequest::get("/hello"));
    REQUIRE(r.ok());
    CHECK(r->status == 200);
    CHECK(r->body == R"({"greeting":"你好"})");
    CHECK(r->headers["x-total-count"] == "1");
}

TEST_CASE("an unknown CA or a wrong host name is refused") {
    SUBCASE("no private CA configured: the system store does not know it") {
        test::TestHttpsServer server(pki());
        hello(server.http());
        auto cfg = config_for(server.start());
        cfg.ca_file.clear();
        HttpClient client(cfg);
        auto r = client.send(net::HttpRequest::get("/hello"));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().id == "network.tls");
        CHECK_FALSE(r.error().retryable);
    }
    SUBCASE("certificate for another host") {
        test::TestHttpsServer server(pki(), "wronghost");
        hello(server.http());
        HttpClient client(config_for(server.start()));
        auto r = client.send(net::HttpRequest::get("/hello"));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().id == "network.tls");
    }
}

TEST_CASE("public-key pins: the right pin, a backup pin, and a wrong pin") {
    test::TestHttpsServer server(pki());
    hello(server.http());
    const auto url = server.start();
    auto cfg = config_for(url);

    cfg.pinned_public_key = pki().pin("server");
    CHECK(HttpClient(cfg).send(net::HttpRequest::get("/hello")).ok());

    cfg.pinned_public_key = pki().pin("other") + ";" + pki().pin("server");
    CHECK(HttpClient(cfg).send(net::HttpRequest::get("/hello")).ok());

    cfg.pinned_public_key = pki().pin("other");
    auto r = HttpClient(cfg).send(net::HttpRequest::get("/hello"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().id == "network.pin_mismatch");
}

TEST_CASE("bearer token and idempotency key travel as headers; connections are reused") {
    test::TestHttpsServer server(pki());
    std::string auth, key, type;
    std::set<int> client_ports;
    std::mutex m;
    server.http().Post("/orders", [&](const httplib::Request& req, httplib::Response& res) {
        std::lock_guard lock(m);
        auth = req.get_header_value("Authorization");
        key = req.get_header_value("Idempotency-Key");
        type = req.get_header_value("Content-Type");
        client_ports.insert(req.remote_port);
        res.status = 201;
        res.set_content(req.body, "application/json");
    });
    HttpClient client(config_for(server.start()));
    auto req = HttpRequest::with_body("POST", "/orders", R"({"quote":"Q-1"})");
    req.bearer_token = "tok-123";
    req.idempotency_key = "8b1c-key";
    for (int i = 0; i < 3; ++i) {
        auto r = client.send(req);
        REQUIRE(r.ok());
        CHECK(r->status == 201);
        CHECK(r->body == R"({"quote":"Q-1"})");
    }
    CHECK(auth == "Bearer tok-123");
    CHECK(key == "8b1c-key");
    CHECK(type == "application/json");
    CHECK(client_ports.size() == 1);  // one keep-alive connection for all three
}

TEST_CASE("a response over the limit is refused") {
    test::TestHttpsServer server(pki());
    server.http().Get("/big", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(std::string(64 * 1024, 'x'), "application/json");
    });
    server.http().Get("/chunked", [](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("application/json", [](size_t, httplib::DataSink& sink) {
            const std::string block(16 * 1024, 'y');
            for (int i = 0; i < 8; ++i) sink.write(block.data(), block.size());
            sink.done();
            return true;
        });
    });
    auto cfg = config_for(server.start());
    cfg.max_response_bytes = 32 * 1024;
    HttpClient client(cfg);
    CHECK(client.send(net::HttpRequest::get("/big")).error().id == "network.too_large");
    CHECK(client.send(net::HttpRequest::get("/chunked")).error().id == "network.too_large");
}

TEST_CASE("a server that does not answer in time is a retryable timeout") {
    test::TestHttpsServer server(pki());
    std::atomic<bool> release{false};
    server.http().Get("/slow", [&](const httplib::Request&, httplib::Response& res) {
        for (int i = 0; i < 100 && !release; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        res.set_content("{}", "application/json");
    });
    HttpClient client(config_for(server.start()));
    auto req = HttpRequest::get("/slow");
    req.timeout = std::chrono::milliseconds(200);
    auto r = client.send(req);
    release = true;
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().id == "network.timeout");
    CHECK(r.error().retryable);
}

TEST_CASE("nothing listening is network.unreachable") {
    int port = 0;
    {
        test::TestHttpsServer server(pki());
        server.start();
        port = server.port();
    }  // stopped: the port is closed now
    HttpClient client(config_for("https://127.0.0.1:" + std::to_string(port)));
    auto r = client.send(net::HttpRequest::get("/hello"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().id == "network.unreachable");
    CHECK(r.error().retryable);
}

TEST_CASE("HTTP errors become project errors with the server's code and field") {
    net::HttpResponse r;
    r.status = 400;
    r.body = R"({"code":"validation.msisdn_format","reason":"bad","message":"contact must be a mobile number","field":"contact"})";
    auto e = net::http_error(r);
    REQUIRE(e.has_value());
    CHECK(e->code == domain::ErrorCode::kInvalidArgument);
    CHECK(e->id == "validation.msisdn_format");
    CHECK(e->field == "contact");

    r.status = 422;
    r.body = R"({"code":"loyalty.insufficient_points","message":"not enough points"})";
    CHECK(net::http_error(r)->code == domain::ErrorCode::kConflict);
    CHECK(net::http_error(r)->id == "loyalty.insufficient_points");

    r.status = 401;
    r.body = R"({"code":"auth.token_expired"})";
    CHECK(net::http_error(r)->id == "auth.token_expired");
    CHECK(net::http_error(r)->code == domain::ErrorCode::kUnauthenticated);
    r.body.clear();
    CHECK(net::http_error(r)->id == "auth.session_ended");

    r.status = 503;
    r.body = "<html>busy</html>";
    CHECK(net::http_error(r)->retryable);
    CHECK(net::http_error(r)->id == "server.busy");

    r.status = 404;
    r.body.clear();
    CHECK(net::http_error(r)->code == domain::ErrorCode::kNotFound);
    r.status = 204;
    CHECK_FALSE(net::http_error(r).has_value());
}
