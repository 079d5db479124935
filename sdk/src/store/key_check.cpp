// SPDX-License-Identifier: Apache-2.0
#include "store/key_check.hpp"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace selfcare::store {
namespace {

constexpr std::string_view kLabel = "selfcare.store.keycheck.v1";
constexpr std::string_view kHeader = "selfcare-keycheck-v1\n";
using Tag = std::array<unsigned char, 32>;

Tag tag_for(const platform::SecretKey& key) {
    Tag tag{};
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(kLabel.data()), kLabel.size(), tag.data(), &len);
    return tag;
}

}  // namespace

std::filesystem::path key_check_path(const std::filesystem::path& db_path) {
    auto p = db_path;
    p += ".keycheck";
    return p;
}

KeyCheck verify_key_check(const std::filesystem::path& db_path, const platform::SecretKey& key) {
    std::ifstream in(key_check_path(db_path), std::ios::binary);
    if (!in) return errno == ENOENT ? KeyCheck::kAbsent : KeyCheck::kUnreadable;
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (text.size() != kHeader.size() + 32 || text.compare(0, kHeader.size(), kHeader) != 0) {
        return KeyCheck::kUnreadable;
    }
    const Tag expected = tag_for(key);
    return CRYPTO_memcmp(expected.data(), text.data() + kHeader.size(), expected.size()) == 0
               ? KeyCheck::kMatches
               : KeyCheck::kDiffers;
}

domain::Result<void> write_key_check(const std::filesystem::path& db_path,
                                     const platform::SecretKey& key) {
    const auto path = key_check_path(db_path);
    auto tmp = path;
    tmp += ".tmp";
    const Tag tag = tag_for(key);
    std::string text(kHeader);
    text.append(reinterpret_cast<const char*>(tag.data()), tag.size());
    const auto fail = [&](const char* what) {
        const std::string why = std::string(what) + ": " + std::strerror(errno);
        ::unlink(tmp.c_str());
        return domain::make_error(domain::ErrorCode::kStorage, "storage.io",
                                  "cannot write key check: " + why);
    };
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return fail("open");
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                         ::fsync(fd) == 0;
    ::close(fd);
    if (!written) return fail("write");
    if (::rename(tmp.c_str(), path.c_str()) != 0) return fail("rename");
    return domain::success();
}

}  // namespace selfcare::store
