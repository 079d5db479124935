// SPDX-License-Identifier: Apache-2.0
// sdk_child CONFIG_JSON COMMAND [ARGS_JSON]: an app process for tests that kill an app mid-write.
// Opens a client through the C++ wrapper exactly as an app does, runs one command, and exits
// 0 when the result is usable (SC_OK or SC_E_OFFLINE_QUEUED). It prints only the status and, for
// a failure, the error id (e.g. network.tls): the result may hold personal data.
#include <cstdio>
#include <string>

#include "selfcare/selfcare.hpp"

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4) {
        std::fprintf(stderr, "usage: sdk_child CONFIG_JSON COMMAND [ARGS_JSON]\n");
        return 2;
    }
    selfcare::CallResult open_error;
    const auto client = selfcare::Client::open(argv[1], &open_error);
    if (!client) {
        std::printf("open: status %d\n", open_error.status);
        return 1;
    }
    const auto result = client.call_raw(argv[2], argc == 4 ? argv[3] : "");
    std::string id;
    try {
        (void)result.value();
    } catch (const selfcare::Error& e) {
        id = " " + e.id();
    }
    std::printf("%s: status %d%s\n", argv[2], result.status, id.c_str());
    return result.usable() ? 0 : 1;
}
