// SPDX-License-Identifier: Apache-2.0
#include "store/encryption.hpp"

#include <openssl/crypto.h>

#include <string>

namespace selfcare::store {

domain::Result<void> apply_key(Connection& db, const platform::SecretKey& key) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string sql = "PRAGMA key = \"x'";
    for (std::size_t i = 0; i < key.size(); ++i) {
        sql += kHex[key.data()[i] >> 4];
        sql += kHex[key.data()[i] & 0x0F];
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
