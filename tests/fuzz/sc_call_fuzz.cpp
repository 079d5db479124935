// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the SDK's command dispatcher, as an app reaches it through sc_call. Each input
// is a command name, a newline, and the JSON arguments (both as the app would pass them, any
// bytes at all). The client is signed in as the demo customer against the real selfcare-server
// on loopback, so arguments get past the session check into each flow's validation, the local
// store and the server round trip; a command that ends or changes the session (auth.*) is
// followed by signing in again. (Inputs can lock the demo customer out with wrong codes, as a
// person could; fuzzing then goes on without a session rather than stopping.)
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.hpp"
#include "support/demo_identities.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace {

using selfcare::test::kDemoCustomer;
using selfcare::test::kDemoOtp;

struct Device {
    selfcare::test::TempDir dir;
    std::unique_ptr<selfcare::test::ServerProcess> server;
    selfcare::Client client;
};

bool sign_in(const selfcare::Client& client) {
    const nlohmann::json who{{"msisdn", kDemoCustomer}};
    (void)client.call_raw("auth.request_otp", who.dump());
    return client.call_raw("auth.login", nlohmann::json{{"msisdn", kDemoCustomer}, {"otp", kDemoOtp}}.dump()).status == SC_OK;
}

Device& device() {
    static Device* d = [] {
        auto* made = new Device();  // lives for the process, as an app's client does
        made->server = std::make_unique<selfcare::test::ServerProcess>();
        const nlohmann::json config{{"data_dir", made->dir.path().string()},
                                    {"server", made->server->base_url()},
                                    {"log", {{"level", "off"}}},
                                    {"network", {{"timeout_ms", 5000}}}};
        selfcare::CallResult error;
        made->client = selfcare::Client::open(config.dump(), &error);
        if (!made->client) {
            std::fprintf(stderr, "sc_call_fuzz: cannot open the client: %s\n", error.json.c_str());
            std::abort();
        }
        if (!sign_in(made->client)) {
            std::fprintf(stderr, "sc_call_fuzz: the demo customer cannot sign in\n");
            std::abort();
        }
        return made;
    }();
    return *d;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)device();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto& d = device();
    const std::string input(reinterpret_cast<const char*>(data), size);
    const auto newline = input.find('\n');
    const std::string command = input.substr(0, newline);
    const std::string args = newline == std::string::npos ? std::string() : input.substr(newline + 1);
    // c_str(): the C ABI reads up to the first NUL, as it would from an app's buffer.
    const auto result = d.client.call_raw(command.c_str(), args.c_str());
    // Whatever the input, the answer is one JSON document (the ABI's contract).
    if (!nlohmann::json::accept(result.json)) {
        std::fprintf(stderr, "sc_call_fuzz: the answer is not JSON: %s\n", result.json.c_str());
        std::abort();
    }
    // SC_FUZZ_VERBOSE=1: what each input got, to see how deep a corpus reaches.
    static const bool verbose = std::getenv("SC_FUZZ_VERBOSE") != nullptr;
    if (verbose) std::fprintf(stderr, "%s -> %d %.160s\n", command.c_str(), result.status, result.json.c_str());
    if (command.rfind("auth.", 0) == 0) (void)sign_in(d.client);
    return 0;
}
