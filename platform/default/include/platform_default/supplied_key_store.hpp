// SPDX-License-Identifier: Apache-2.0
// SuppliedKeyStore: the key comes from the app, which keeps it in the phone's own key store
// (Android Keystore-wrapped, iOS Keychain) and hands it over at sc_client_open as
// {"key": {"provider": "supplied", "hex": "..."}}. The SDK holds it in memory only.
#pragma once

#include <optional>
#include <string_view>

#include "platform/key_store.hpp"

namespace selfcare::platform_default {

/// Parses 64 hexadecimal digits (either case) into a key; nullopt for anything else. Does not
/// keep or echo the text.
std::optional<platform::SecretKey> parse_hex_key(std::string_view hex);

/// Always answers with the key it was given. A store that does not exist yet is created with it;
/// an existing store encrypted under another key fails to open as "storage.wrong_key" (the key
/// check beside the database), so a key-store mishap in the app can never replace the data.
/// Thread-safe: the key is immutable after construction and overwritten on destruction.
class SuppliedKeyStore final : public platform::KeyStore {
public:
    explicit SuppliedKeyStore(platform::SecretKey key) : key_(std::move(key)) {}

    /// A copy of the supplied key. Never fails.
    domain::Result<platform::SecretKey> load() override;
    /// The app's key already exists: always "storage.key_exists" (the store then uses load()).
    domain::Result<platform::SecretKey> create() override;
    /// Nothing is stored by the SDK, so nothing to remove; succeeds. Destroying the app's key is
    /// the app's job (its key-store hook), done after the data has been wiped.
    domain::Result<void> destroy() override;

private:
    platform::SecretKey key_;
};

}  // namespace selfcare::platform_default
