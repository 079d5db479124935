// SPDX-License-Identifier: Apache-2.0
// Parameters file layout (little-endian): magic "SCKDF\x01\0\0", time_cost u32, memory_kib u32,
// parallelism u32, 16-byte salt. libargon2 is the reference implementation, packaged by Debian.
#include "platform_default/passphrase_key_store.hpp"

#include <argon2.h>

#include <algorithm>
#include <array>
#include <vector>

#include "secret_file.hpp"

namespace selfcare::platform_default {
namespace {

constexpr std::array<std::uint8_t, 8> kMagic{'S', 'C', 'K', 'D', 'F', 1, 0, 0};
constexpr std::size_t kSaltSize = 16;
constexpr std::size_t kFileSize = kMagic.size() + 12 + kSaltSize;

void put_u32(std::uint8_t* p, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}
std::uint32_t get_u32(const std::uint8_t* p) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(p[i]) << (8 * i);
    return v;
}

domain::Result<platform::SecretKey> derive(const std::string& passphrase, const Argon2Params& params,
                                           const std::uint8_t* salt) {
    platform::SecretKey key;
    const int rc = argon2id_hash_raw(params.time_cost, params.memory_kib, params.parallelism,
                                     passphrase.data(), passphrase.size(), salt, kSaltSize,
                                     key.data(), key.size());
    if (rc != ARGON2_OK) {
        return detail::key_unavailable(std::string("key derivation failed: ") + argon2_error_message(rc));
    }
    return key;
}

}  // namespace

PassphraseKeyStore::PassphraseKeyStore(std::filesystem::path params_path, std::string passphrase,
                                       Argon2Params params)
    : path_(std::move(params_path)), passphrase_(std::move(passphrase)), params_(params) {}

PassphraseKeyStore::~PassphraseKeyStore() { detail::cleanse(passphrase_.data(), passphrase_.size()); }

domain::Result<platform::SecretKey> PassphraseKeyStore::load() {
    auto read = detail::read_secret_file(path_);
    if (!read) return read.error();
    std::vector<std::uint8_t>& bytes = *read;
    if (bytes.size() != kFileSize || !std::equal(kMagic.begin(), kMagic.end(), bytes.begin())) {
        return detail::key_unavailable("key parameters file is malformed");
    }
    const std::uint8_t* p = bytes.data() + kMagic.size();
    const Argon2Params stored{get_u32(p), get_u32(p + 4), get_u32(p + 8)};
    // Refuse costs that would stall or exhaust the device rather than run them.
    if (stored.time_cost < 1 || stored.time_cost > 64 || stored.memory_kib < 8 * stored.parallelism ||
        stored.memory_kib > 4u * 1024 * 1024 || stored.parallelism < 1 || stored.parallelism > 64) {
        return detail::key_unavailable("key parameters out of range");
    }
    return derive(passphrase_, stored, p + 12);
}

domain::Result<platform::SecretKey> PassphraseKeyStore::create() {
    if (passphrase_.empty()) {
        return domain::invalid_argument(
            {{"passphrase", "validation.required", "passphrase is required"}});
    }
    std::array<std::uint8_t, kFileSize> file{};
    std::copy(kMagic.begin(), kMagic.end(), file.begin());
    std::uint8_t* p = file.data() + kMagic.size();
    put_u32(p, params_.time_cost);
    put_u32(p + 4, params_.memory_kib);
    put_u32(p + 8, params_.parallelism);
    if (!detail::random_bytes({p + 12, kSaltSize})) {
        return detail::key_unavailable("random generator failed");
    }
    auto key = derive(passphrase_, params_, p + 12);
    if (!key) return key;
    if (auto written = detail::write_secret_file_once(path_, file); !written) return written.error();
    return key;
}

domain::Result<void> PassphraseKeyStore::destroy() { return detail::remove_secret_file(path_); }

}  // namespace selfcare::platform_default
