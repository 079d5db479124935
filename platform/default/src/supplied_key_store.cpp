// SPDX-License-Identifier: Apache-2.0
#include "platform_default/supplied_key_store.hpp"

#include <array>
#include <cstdint>

namespace selfcare::platform_default {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::optional<platform::SecretKey> parse_hex_key(std::string_view hex) {
    if (hex.size() != platform::SecretKey::kSize * 2) return std::nullopt;
    platform::SecretKey key;
    for (std::size_t i = 0; i < platform::SecretKey::kSize; ++i) {
        const int hi = hex_value(hex[2 * i]);
        const int lo = hex_value(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;  // `key` wipes what was parsed so far
        key.data()[i] = static_cast<std::uint8_t>(hi << 4 | lo);
    }
    return key;
}

domain::Result<platform::SecretKey> SuppliedKeyStore::load() {
    platform::SecretKey copy;
    for (std::size_t i = 0; i < platform::SecretKey::kSize; ++i) copy.data()[i] = key_.data()[i];
    return copy;
}

domain::Result<platform::SecretKey> SuppliedKeyStore::create() {
    return domain::make_error(domain::ErrorCode::kStorage, "storage.key_exists",
                              "the app supplied the key; the SDK does not create one");
}

domain::Result<void> SuppliedKeyStore::destroy() { return {}; }

}  // namespace selfcare::platform_default
