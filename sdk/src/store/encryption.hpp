// SPDX-License-Identifier: Apache-2.0
// Keying a SQLCipher connection and the pragmas every store connection runs with.
#pragma once

#include "domain/result.hpp"
#include "platform/key_store.hpp"
#include "store/sqlite.hpp"

namespace selfcare::store {

/// Where the connection takes the database's salt (the 16 bytes SQLCipher derives its page MAC
/// key with) from.
enum class SaltSource {
    /// Derived from the key and given with it (`x'<key><salt>'`): the salt bytes at the head of
    /// the file are then never read, so a write of page 1 torn by a power cut (every checkpoint
    /// rewrites it) cannot make the store unreadable. Stores are created this way.
    kFromKey,
    /// Read from the head of the file: stores created before the salt came from the key.
    kFromFile,
};

/// Gives SQLCipher the raw 256-bit key (`PRAGMA key = "x'<hex>'"`, no SQLCipher KDF), with the
/// salt as `salt` says, and sets cipher_page_size 4096. Must run before anything reads the file.
/// The statement text holding the key is wiped after use. Errors: "storage.sql" if SQLCipher
/// refuses the pragma.
domain::Result<void> apply_key(Connection& db, const platform::SecretKey& key,
                               SaltSource salt = SaltSource::kFromKey);

/// Proves the key opens the file by reading the schema. Errors: as sqlite_error() (a wrong key
/// and a damaged first page both give "storage.corrupt" here; the caller tells them apart).
domain::Result<void> probe_readable(Connection& db);

/// Session settings of every store connection: WAL journal, synchronous=FULL (a write that
/// returned is on disk), temp_store=MEMORY (no temporary files), foreign keys on, an 8 MiB page
/// cache.
domain::Result<void> configure_connection(Connection& db);

}  // namespace selfcare::store
