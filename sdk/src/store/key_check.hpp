// SPDX-License-Identifier: Apache-2.0
// The key-check sidecar (<db>.keycheck): HMAC-SHA256(key, label), written when a store is
// created. SQLCipher reports a wrong key and a damaged file with the same error (SQLITE_NOTADB);
// this value tells them apart without holding anything that helps recover the key.
#pragma once

#include <filesystem>

#include "domain/result.hpp"
#include "platform/key_store.hpp"

namespace selfcare::store {

/// The sidecar's path for a database at `db_path`.
std::filesystem::path key_check_path(const std::filesystem::path& db_path);

/// What the sidecar says about `key`.
enum class KeyCheck { kMatches, kDiffers, kAbsent, kUnreadable };

/// Compares `key` with the sidecar in constant time. Thread-safe.
KeyCheck verify_key_check(const std::filesystem::path& db_path, const platform::SecretKey& key);

/// Writes the sidecar for `key` atomically (temporary file, fsync, rename), mode 0600.
/// Errors: "storage.io".
domain::Result<void> write_key_check(const std::filesystem::path& db_path,
                                     const platform::SecretKey& key);

}  // namespace selfcare::store
