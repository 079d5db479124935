// SPDX-License-Identifier: Apache-2.0
// Key file layout: 8-byte magic "SCKEY\x01\0\0" then the 32 key bytes. The magic lets load() tell
// a key file from anything else that happens to sit at the path.
#include "platform_default/file_key_store.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "secret_file.hpp"

namespace selfcare::platform_default {
namespace {

constexpr std::array<std::uint8_t, 8> kMagic{'S', 'C', 'K', 'E', 'Y', 1, 0, 0};
constexpr std::size_t kFileSize = kMagic.size() + platform::SecretKey::kSize;

}  // namespace

FileKeyStore::FileKeyStore(std::filesystem::path path) : path_(std::move(path)) {}

domain::Result<platform::SecretKey> FileKeyStore::load() {
    auto read = detail::read_secret_file(path_);
    if (!read) return read.error();
    std::vector<std::uint8_t>& bytes = *read;
    if (bytes.size() != kFileSize || !std::equal(kMagic.begin(), kMagic.end(), bytes.begin())) {
        detail::cleanse(bytes.data(), bytes.size());
        return detail::key_unavailable("key file is malformed");
    }
    platform::SecretKey key;
    std::copy(bytes.begin() + kMagic.size(), bytes.end(), key.data());
    detail::cleanse(bytes.data(), bytes.size());
    return key;
}

domain::Result<platform::SecretKey> FileKeyStore::create() {
    platform::SecretKey key;
    if (!detail::random_bytes({key.data(), key.size()})) {
        return detail::key_unavailable("random generator failed");
    }
    std::array<std::uint8_t, kFileSize> file{};
    std::copy(kMagic.begin(), kMagic.end(), file.begin());
    std::copy(key.data(), key.data() + key.size(), file.begin() + kMagic.size());
    auto written = detail::write_secret_file_once(path_, file);
    detail::cleanse(file.data(), file.size());
    if (!written) return written.error();
    return key;
}

domain::Result<void> FileKeyStore::destroy() { return detail::remove_secret_file(path_); }

}  // namespace selfcare::platform_default
