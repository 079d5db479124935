// SPDX-License-Identifier: Apache-2.0
// KeyStore: where the 256-bit key of the encrypted store comes from. The SDK never derives the
// database key with SQLCipher's own KDF; a platform supplies raw key bytes through this interface
// (file key store, passphrase + Argon2id, Android Keystore, iOS Keychain).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "domain/result.hpp"

namespace selfcare::platform {

/// A 256-bit secret key. Move-only; the bytes are overwritten when the object dies or is moved
/// from, so key material does not linger in freed memory.
class SecretKey {
public:
    static constexpr std::size_t kSize = 32;

    SecretKey() = default;
    explicit SecretKey(const std::array<std::uint8_t, kSize>& bytes) : bytes_(bytes) {}
    SecretKey(const SecretKey&) = delete;
    SecretKey& operator=(const SecretKey&) = delete;
    SecretKey(SecretKey&& other) noexcept : bytes_(other.bytes_) { other.wipe(); }
    SecretKey& operator=(SecretKey&& other) noexcept {
        if (this != &other) {
            bytes_ = other.bytes_;
            other.wipe();
        }
        return *this;
    }
    ~SecretKey() { wipe(); }

    const std::uint8_t* data() const { return bytes_.data(); }
    std::uint8_t* data() { return bytes_.data(); }
    static constexpr std::size_t size() { return kSize; }

private:
    void wipe() {
        // volatile stops the compiler from dropping a store to memory that is about to die.
        volatile std::uint8_t* p = bytes_.data();
        for (std::size_t i = 0; i < kSize; ++i) p[i] = 0;
    }
    std::array<std::uint8_t, kSize> bytes_{};
};

/// Error ids a KeyStore returns (Error::code is kStorage for all of them):
///   "storage.key_missing"      no key has been created yet (load() only)
///   "storage.key_unavailable"  a key may exist but cannot be obtained now (I/O, permissions,
///                              locked device, malformed key file)
///   "storage.key_exists"       create() found a key already there; it is never overwritten
///
/// Thread-safety: implementations must allow concurrent calls from different threads.
class KeyStore {
public:
    virtual ~KeyStore() = default;

    /// Returns the existing key. Never creates one: a missing key is "storage.key_missing".
    virtual domain::Result<SecretKey> load() = 0;

    /// Creates, persists and returns a new random key. Fails with "storage.key_exists" if a key
    /// is already stored, so a transient load() failure can never turn into a replaced key.
    virtual domain::Result<SecretKey> create() = 0;

    /// Removes the key and anything stored beside it. Removing a key that does not exist
    /// succeeds. After this the data encrypted with the key is unreadable.
    virtual domain::Result<void> destroy() = 0;
};

}  // namespace selfcare::platform
