// SPDX-License-Identifier: Apache-2.0
#include "supplied_key.hpp"

namespace selfcare::jni {

std::string config_with_supplied_key(std::string_view config, const unsigned char (&key)[kDatabaseKeyBytes],
                                     bool config_is_empty) {
    const auto close = config.find_last_not_of(" \t\r\n");
    if (close == std::string_view::npos || config[close] != '}') return {};
    static constexpr std::string_view kHead = R"("key":{"provider":"supplied","hex":")";
    static constexpr std::string_view kTail = R"("}})";
    static constexpr char kHex[] = "0123456789abcdef";

    std::string out;
    out.reserve(close + 1 + kHead.size() + 2 * kDatabaseKeyBytes + kTail.size() + 1);
    out.append(config.substr(0, close));
    if (!config_is_empty) out.push_back(',');
    out.append(kHead);
    for (unsigned char b : key) {
        out.push_back(kHex[b >> 4]);
        out.push_back(kHex[b & 0x0f]);
    }
    out.append(kTail);
    return out;
}

void wipe_bytes(void* p, std::size_t size) {
    volatile unsigned char* bytes = static_cast<volatile unsigned char*>(p);
    for (std::size_t i = 0; i < size; ++i) bytes[i] = 0;
}

void wipe_string(std::string& s) {
    // Growing to the capacity never reallocates, and makes every byte of the buffer one the
    // string may write.
    s.resize(s.capacity());
    wipe_bytes(s.data(), s.size());
    s.clear();
}

}  // namespace selfcare::jni
