// SPDX-License-Identifier: Apache-2.0
#include "security.hpp"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace selfcare::server {
namespace {

// OWASP's Argon2id minimum (19 MiB, 2 passes): a login stays well under 100 ms here.
constexpr std::uint32_t kTimeCost = 2;
constexpr std::uint32_t kMemoryKib = 19 * 1024;
constexpr std::uint32_t kParallelism = 1;

std::string to_hex(const unsigned char* p, std::size_t n) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(n * 2, '0');
    for (std::size_t i = 0; i < n; ++i) {
        out[2 * i] = kHex[p[i] >> 4];
        out[2 * i + 1] = kHex[p[i] & 0x0F];
    }
    return out;
}

}  // namespace

std::string random_hex(std::size_t bytes) {
    std::vector<unsigned char> buf(bytes);
    if (RAND_bytes(buf.data(), static_cast<int>(buf.size())) != 1) throw std::runtime_error("RAND_bytes failed");
    return to_hex(buf.data(), buf.size());
}

std::string random_digits(std::size_t digits) {
    std::string out;
    while (out.size() < digits) {
        unsigned char b = 0;
        if (RAND_bytes(&b, 1) != 1) throw std::runtime_error("RAND_bytes failed");
        if (b >= 250) continue;  // rejection sampling keeps the digits uniform
        out += static_cast<char>('0' + b % 10);
    }
    return out;
}

std::string sha256_hex(std::string_view text) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(text.data(), text.size(), md, &len, EVP_sha256(), nullptr);
    return to_hex(md, len);
}

std::string hash_password(std::string_view password) {
    unsigned char salt[16];
    if (RAND_bytes(salt, sizeof salt) != 1) throw std::runtime_error("RAND_bytes failed");
    const std::size_t len = argon2_encodedlen(kTimeCost, kMemoryKib, kParallelism, sizeof salt, 32, Argon2_id);
    std::string encoded(len, '\0');
    const int rc = argon2id_hash_encoded(kTimeCost, kMemoryKib, kParallelism, password.data(),
                                         password.size(), salt, sizeof salt, 32, encoded.data(), len);
    if (rc != ARGON2_OK) throw std::runtime_error(argon2_error_message(rc));
    encoded.resize(encoded.find('\0'));
    return encoded;
}

bool verify_password(std::string_view password, const std::string& encoded) {
    return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace selfcare::server
