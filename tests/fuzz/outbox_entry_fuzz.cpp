// SPDX-License-Identifier: Apache-2.0
// Fuzz target: reading an outbox entry back (flows/outbox_codec). An input is an entry as a
// damaged or foreign store could hold it: the command, a newline, the idempotency key, a
// newline, and the payload. Whatever the bytes, decoding must not crash, and what it accepts
// must be a request that can only go where the SDK sends such commands: a known method, a
// path of constants and a plain id (no "..", query, fragment or line break), a JSON object body
// and a UUID key (nothing that could add a header line).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "flows/outbox_codec.hpp"

namespace {

void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "outbox_entry_fuzz: accepted an entry whose request breaks: %s\n", what);
        std::abort();
    }
}

bool path_is_plain(const std::string& path) {
    if (path.rfind("/tmf-api/", 0) != 0 || path.find("..") != std::string::npos) return false;
    for (const char c : path) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '/';
        if (!ok) return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    selfcare::store::OutboxEntry entry;
    const auto first = input.find('\n');
    entry.command = input.substr(0, first);
    if (first != std::string::npos) {
        const auto second = input.find('\n', first + 1);
        entry.idempotency_key = input.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
        if (second != std::string::npos) entry.payload = input.substr(second + 1);
    }
    const auto decoded = selfcare::flows::decode_outbox_entry(entry);
    if (!decoded) {
        require(decoded.error().id == "sync.bad_entry" || decoded.error().id == "sync.unknown_command", "an undocumented error id");
        return 0;
    }
    const auto& r = *decoded;
    require(r.method == "POST" || r.method == "PATCH", "the method");
    require(path_is_plain(r.path), "the path");
    require(r.body.is_object(), "the body");
    require(selfcare::flows::is_idempotency_key(r.idempotency_key), "the idempotency key");
    require(r.idempotency_key == entry.idempotency_key, "the key is the entry's own");
    (void)r.body.dump();  // the body must serialise (invalid UTF-8 would throw here)
    return 0;
}
