// SPDX-License-Identifier: Apache-2.0
// FileKeyStore: a random 256-bit key kept in a file readable only by its owner (0600, in a 0700
// folder). For kiosks and servers whose disk is protected by the OS; phones use their keystore.
#pragma once

#include <filesystem>

#include "platform/key_store.hpp"

namespace selfcare::platform_default {

/// Keeps the key at `path` (a small binary file with a version header). create() writes a new
/// key atomically: the file appears complete or not at all, and never replaces an existing one.
/// Thread-safe: operations are single system calls on the file or guarded by O_EXCL / link().
class FileKeyStore final : public platform::KeyStore {
public:
    /// Does no I/O; the folder is created by create() if missing.
    explicit FileKeyStore(std::filesystem::path path);

    /// Errors: "storage.key_missing" when the file does not exist; "storage.key_unavailable"
    /// when it cannot be read, has the wrong size or header, or is readable by others.
    domain::Result<platform::SecretKey> load() override;
    /// Errors: "storage.key_exists"; "storage.key_unavailable" on any I/O failure.
    domain::Result<platform::SecretKey> create() override;
    /// Removes the key file. Errors: "storage.key_unavailable" when it cannot be removed.
    domain::Result<void> destroy() override;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace selfcare::platform_default
