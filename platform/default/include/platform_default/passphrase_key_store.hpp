// SPDX-License-Identifier: Apache-2.0
// PassphraseKeyStore: the key is derived from a passphrase with Argon2id (RFC 9106). Only the
// salt and the cost parameters are stored; the key itself never touches the disk.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "platform/key_store.hpp"

namespace selfcare::platform_default {

/// Argon2id costs. Defaults follow RFC 9106's second recommended option (t=3, 64 MiB, p=4).
struct Argon2Params {
    std::uint32_t time_cost = 3;
    std::uint32_t memory_kib = 64 * 1024;
    std::uint32_t parallelism = 4;
};

/// Keeps salt and parameters at `params_path`. A wrong passphrase yields a different key, which
/// the store reports as "storage.wrong_key". Thread-safe; the passphrase is held in memory and
/// overwritten on destruction.
class PassphraseKeyStore final : public platform::KeyStore {
public:
    PassphraseKeyStore(std::filesystem::path params_path, std::string passphrase,
                       Argon2Params params = {});
    ~PassphraseKeyStore() override;
    PassphraseKeyStore(const PassphraseKeyStore&) = delete;
    PassphraseKeyStore& operator=(const PassphraseKeyStore&) = delete;

    /// Derives the key with the stored salt and costs. Errors: "storage.key_missing" (no
    /// parameters file), "storage.key_unavailable" (unreadable or malformed file, derivation failed).
    domain::Result<platform::SecretKey> load() override;
    /// Draws a new salt, stores it with the costs given at construction, derives the key.
    /// Errors: "storage.key_exists", "storage.key_unavailable"; an empty passphrase is
    /// kInvalidArgument on field "passphrase".
    domain::Result<platform::SecretKey> create() override;
    /// Removes the parameters file.
    domain::Result<void> destroy() override;

private:
    std::filesystem::path path_;
    std::string passphrase_;
    Argon2Params params_;
};

}  // namespace selfcare::platform_default
