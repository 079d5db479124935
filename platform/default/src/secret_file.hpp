// SPDX-License-Identifier: Apache-2.0
// Owner-only files written atomically, shared by the key stores.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/result.hpp"

namespace selfcare::platform_default::detail {

/// Reads the whole file. Errors: "storage.key_missing" when it does not exist;
/// "storage.key_unavailable" when it cannot be read, is not a regular file, is oversized, or is
/// readable by group or others (someone loosened its mode: treat the secret as exposed, do not
/// use it silently).
domain::Result<std::vector<std::uint8_t>> read_secret_file(const std::filesystem::path& path);

/// Writes `bytes` to `path` with mode 0600, creating parent folders 0700. The file appears
/// complete or not at all (temporary file, fsync, link), and an existing file is never replaced:
/// returns "storage.key_exists" then. Other failures: "storage.key_unavailable".
domain::Result<void> write_secret_file_once(const std::filesystem::path& path,
                                            std::span<const std::uint8_t> bytes);

/// Removes the file; a missing file is success.
domain::Result<void> remove_secret_file(const std::filesystem::path& path);

/// Fills `out` from the OS CSPRNG (OpenSSL RAND_bytes). False on failure.
bool random_bytes(std::span<std::uint8_t> out);

/// Overwrites memory the compiler may not optimise away (OPENSSL_cleanse).
void cleanse(void* p, std::size_t n);

domain::Error key_unavailable(std::string why);

}  // namespace selfcare::platform_default::detail
