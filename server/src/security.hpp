// SPDX-License-Identifier: Apache-2.0
// Secrets on the server: random tokens and codes, SHA-256 for values that are looked up
// (tokens, one-time codes), Argon2id for passwords. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace selfcare::server {

/// `bytes` random bytes from OpenSSL's CSPRNG as lower-case hex. Throws std::runtime_error only
/// if the generator fails (the server cannot run safely without it).
std::string random_hex(std::size_t bytes);

/// A random decimal code of `digits` digits, uniformly distributed.
std::string random_digits(std::size_t digits);

/// SHA-256 of `text` as lower-case hex.
std::string sha256_hex(std::string_view text);

/// An Argon2id encoded hash ($argon2id$v=19$m=19456,t=2,p=1$...) of `password`.
std::string hash_password(std::string_view password);

/// True when `password` matches `encoded` (constant-time inside libargon2).
bool verify_password(std::string_view password, const std::string& encoded);

/// Constant-time equality of two strings of equal length (false when lengths differ).
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace selfcare::server
