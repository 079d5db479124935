// SPDX-License-Identifier: Apache-2.0
#include "store/encryption.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace selfcare::store {
namespace {

void append_hex(std::string& out, const unsigned char* bytes, std::size_t n) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (std::size_t i = 0; i < n; ++i) {
        out += kHex[bytes[i] >> 4];
        out += kHex[bytes[i] & 0x0F];
    }
}

// The database's salt: the first 16 bytes of HMAC-SHA256(key, label). Not secret (SQLCipher
// keeps it in clear at the head of the file); unique per key, and it tells nothing of the key.
std::array<unsigned char, 16> salt_for(const platform::SecretKey& key) {
    static constexpr std::string_view kLabel = "selfcare.store.salt.v1";
    std::array<unsigned char, 32> mac{};
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(kLabel.data()),
         kLabel.size(), mac.data(), &len);
    std::array<unsigned char, 16> salt{};
    std::copy_n(mac.begin(), salt.size(), salt.begin());
    return salt;
}

}  // namespace

domain::Result<void> apply_key(Connection& db, const platform::SecretKey& key, SaltSource salt) {
    std::string sql = "PRAGMA key = \"x'";
    append_hex(sql, key.data(), key.size());
    if (salt == SaltSource::kFromKey) {
        const auto s = salt_for(key);
        append_hex(sql, s.data(), s.size());
    }
    sql += "'\"";
    auto r = db.exec(sql, "set database key");
    OPENSSL_cleanse(sql.data(), sql.size());
    if (!r) return r;
    return db.exec("PRAGMA cipher_page_size = 4096", "set cipher page size");
}

domain::Result<void> probe_readable(Connection& db) {
    auto r = db.query_int("SELECT count(*) FROM sqlite_master", "read schema");
    if (!r) return r.error();
    return domain::success();
}

domain::Result<void> configure_connection(Connection& db) {
    // WAL persists in the file; the others are per connection. The page cache is raised from
    // SQLite's 2 MiB to 8 MiB, enough for a device's whole store (thousands of records): every
    // page read from disk costs a decryption and an HMAC check, so re-reading evicted pages is
    // what makes SQLCipher slow. Memory is only taken as pages are touched.
    if (auto r = db.exec("PRAGMA journal_mode = WAL", "enable WAL"); !r) return r;
    return db.exec(
        "PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON;"
        " PRAGMA cache_size = -8192;",
        "configure connection");
}

}  // namespace selfcare::store
