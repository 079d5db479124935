// SPDX-License-Identifier: Apache-2.0
// The server over HTTPS with a certificate from a private CA: a client that trusts the CA gets
// through; one that does not is refused by verification.
#include <doctest/doctest.h>

#include "support/server_process.hpp"

using namespace selfcare::test;

TEST_CASE("HTTPS with the given certificate, verified by the client") {
    TestPki pki;
    ServerProcess server({"--tls-cert", pki.file("server.pem").string(), "--tls-key", pki.file("server.key").string()});

    httplib::SSLClient trusting("127.0.0.1", server.port());
    trusting.set_ca_cert_path(pki.file("ca.pem").c_str());
    trusting.enable_server_certificate_verification(true);
    auto ok = trusting.Get("/health");
    REQUIRE(ok);
    CHECK(ok->status == 200);

    httplib::SSLClient stranger("127.0.0.1", server.port());
    stranger.enable_server_certificate_verification(true);  // system store only
    auto refused = stranger.Get("/health");
    CHECK_FALSE(refused);

    httplib::Client plain("127.0.0.1", server.port());
    auto http = plain.Get("/health");
    CHECK_FALSE((http && http->status == 200));  // no plain HTTP on a TLS port
    CHECK(server.stop() == 0);
}
