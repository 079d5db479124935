// SPDX-License-Identifier: Apache-2.0
// The C++ side of the out-of-tree consumer: selfcare.hpp through find_package(selfcare)'s
// selfcare::cpp target. Usage: cpp_consumer DATA_DIR (an existing, empty folder).
#include <cstdio>
#include <string>

#include <selfcare/selfcare.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: cpp_consumer DATA_DIR\n");
        return 2;
    }
    try {
        const auto client = selfcare::Client::open(selfcare::Json{{"data_dir", argv[1]}});
        const auto catalog = client.call("sdk.commands");
        if (catalog.dump().find("tickets.create") == std::string::npos) {
            std::fprintf(stderr, "cpp_consumer: failed: the catalog lacks tickets.create\n");
            return 1;
        }
        try {
            (void)selfcare::Client::open(selfcare::Json{{"server", "https://example.com"}});
            std::fprintf(stderr, "cpp_consumer: failed: a config without data_dir opened\n");
            return 1;
        } catch (const selfcare::Error& e) {
            if (e.status() != SC_E_INVALID_ARGUMENT || e.field() != "data_dir") {
                std::fprintf(stderr, "cpp_consumer: failed: wrong error for a missing data_dir\n");
                return 1;
            }
        }
    } catch (const selfcare::Error& e) {
        std::fprintf(stderr, "cpp_consumer: failed: %s (%s)\n", e.what(), e.id().c_str());
        return 1;
    }
    std::printf("cpp_consumer: ok\n");
    return 0;
}
