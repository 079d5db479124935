// SPDX-License-Identifier: Apache-2.0
// The default key stores on real files: owner-only modes, never overwriting a key, refusing
// malformed or exposed key files, and Argon2id derivation from a passphrase.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "platform_default/file_key_store.hpp"
#include "platform_default/passphrase_key_store.hpp"
#include "support/temp_dir.hpp"

using namespace selfcare;
using platform_default::Argon2Params;
using platform_default::FileKeyStore;
using platform_default::PassphraseKeyStore;
namespace fs = std::filesystem;

namespace {

bool same_key(const platform::SecretKey& a, const platform::SecretKey& b) {
    return std::equal(a.data(), a.data() + a.size(), b.data());
}

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777u;
}

// Cheap costs so the suite stays quick; the production defaults are RFC 9106's.
constexpr Argon2Params kTestParams{1, 64, 1};

}  // namespace

TEST_CASE("a file key is created once, owner-only, and loads back the same") {
    test::TempDir dir;
    FileKeyStore keys(dir / "keys/store.key");
    CHECK(keys.load().error().id == "storage.key_missing");

    auto created = keys.create();
    REQUIRE(created.ok());
    CHECK(mode_of(dir / "keys/store.key") == 0600u);
    CHECK(mode_of(dir / "keys") == 0700u);
    auto loaded = keys.load();
    REQUIRE(loaded.ok());
    CHECK(same_key(*created, *loaded));

    const auto before = test::read_bytes(dir / "keys/store.key");
    CHECK(keys.create().error().id == "storage.key_exists");
    CHECK(test::read_bytes(dir / "keys/store.key") == before);
    CHECK(test::files_under(dir / "keys").size() == 1);  // no temporary left behind
}

TEST_CASE("two stores create different random keys") {
    test::TempDir dir;
    FileKeyStore a(dir / "a.key"), b(dir / "b.key");
    CHECK_FALSE(same_key(a.create().value(), b.create().value()));
}

TEST_CASE("a malformed or exposed key file is unavailable, never replaced") {
    test::TempDir dir;
    FileKeyStore keys(dir / "store.key");
    REQUIRE(keys.create().ok());

    ::chmod((dir / "store.key").c_str(), 0644);
    CHECK(keys.load().error().id == "storage.key_unavailable");
    ::chmod((dir / "store.key").c_str(), 0600);

    test::write_bytes(dir / "store.key", "not a key");
    CHECK(keys.load().error().id == "storage.key_unavailable");
    CHECK(keys.create().error().id == "storage.key_exists");
    CHECK(test::read_bytes(dir / "store.key") == "not a key");
}

TEST_CASE("destroy removes the key; destroying twice is fine") {
    test::TempDir dir;
    FileKeyStore keys(dir / "store.key");
    REQUIRE(keys.create().ok());
    CHECK(keys.destroy().ok());
    CHECK_FALSE(fs::exists(dir / "store.key"));
    CHECK(keys.destroy().ok());
    CHECK(keys.load().error().id == "storage.key_missing");
}

TEST_CASE("a passphrase derives the same key from the stored salt, a new salt each create") {
    test::TempDir dir;
    PassphraseKeyStore keys(dir / "store.kdf", "长辈模式 2026", kTestParams);
    CHECK(keys.load().error().id == "storage.key_missing");
    auto created = keys.create();
    REQUIRE(created.ok());
    CHECK(mode_of(dir / "store.kdf") == 0600u);
    CHECK(same_key(*created, keys.load().value()));

    PassphraseKeyStore other_pass(dir / "store.kdf", "wrong", kTestParams);
    CHECK_FALSE(same_key(*created, other_pass.load().value()));

    // The salt and costs are all that is stored: the passphrase and key are not in the file.
    const auto file = test::read_bytes(dir / "store.kdf");
    CHECK(file.find("长辈模式") == std::string::npos);
    CHECK(file.find(std::string(reinterpret_cast<const char*>(created->data()), 32)) == std::string::npos);

    PassphraseKeyStore again(dir / "again.kdf", "长辈模式 2026", kTestParams);
    CHECK_FALSE(same_key(*created, again.create().value()));
}

TEST_CASE("the recorded costs are used, so they can be raised for new stores later") {
    test::TempDir dir;
    PassphraseKeyStore weak(dir / "store.kdf", "pass", kTestParams);
    auto key = weak.create();
    REQUIRE(key.ok());
    PassphraseKeyStore stronger(dir / "store.kdf", "pass", Argon2Params{2, 128, 1});
    CHECK(same_key(*key, stronger.load().value()));
}

TEST_CASE("an empty passphrase and damaged parameters are refused") {
    test::TempDir dir;
    PassphraseKeyStore empty(dir / "store.kdf", "", kTestParams);
    auto r = empty.create();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().field == "passphrase");
    CHECK_FALSE(fs::exists(dir / "store.kdf"));

    PassphraseKeyStore keys(dir / "store.kdf", "pass", kTestParams);
    REQUIRE(keys.create().ok());
    auto bytes = test::read_bytes(dir / "store.kdf");
    bytes[8] = '\xff';  // time cost far beyond any sane value
    bytes[9] = '\xff';
    test::write_bytes(dir / "store.kdf", bytes);
    CHECK(keys.load().error().id == "storage.key_unavailable");
}
