// SPDX-License-Identifier: Apache-2.0
// Driving the SDK the way an app does, through selfcare.hpp: open a client on a data folder and a
// server, run a command and check its status, get the JSON back, sign the demo customer in.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.hpp"
#include "support/demo_identities.hpp"
#include "support/temp_dir.hpp"

namespace selfcare::test {

/// A client opened with a full sc_client_open config (TLS settings, timeouts); fails the test if
/// it does not open.
inline selfcare::Client open_sdk_client(const nlohmann::json& config) {
    selfcare::CallResult err;
    auto c = selfcare::Client::open(config.dump(), &err);
    REQUIRE_MESSAGE(c, err.json);
    return c;
}

/// A client on `dir` talking to `server`; fails the test if it does not open.
inline selfcare::Client open_sdk_client(const TempDir& dir, const std::string& server) {
    return open_sdk_client(nlohmann::json{{"data_dir", dir.path().string()}, {"server", server}});
}

/// Runs `cmd`, checks that it answers `expect`, and returns the result or error document.
inline nlohmann::json call(const selfcare::Client& c, const std::string& cmd, const nlohmann::json& args, int expect) {
    auto r = c.call_raw(cmd, args.dump());
    CAPTURE(cmd);
    CAPTURE(r.json);
    CHECK(r.status == expect);
    return nlohmann::json::parse(r.json);
}

/// Signs a customer in as the app does: asks for the SMS code, then signs in with the sandbox
/// code. Fails the test if either step does not answer SC_OK. Returns the sign-in result.
inline nlohmann::json sign_in_customer(const selfcare::Client& c, const std::string& msisdn = kDemoCustomer) {
    call(c, "auth.request_otp", {{"msisdn", msisdn}}, SC_OK);
    return call(c, "auth.login", {{"msisdn", msisdn}, {"otp", kDemoOtp}}, SC_OK);
}

}  // namespace selfcare::test
