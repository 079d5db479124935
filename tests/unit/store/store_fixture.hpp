// SPDX-License-Identifier: Apache-2.0
// A store in a private temp folder with a file key store and a manual clock.
#pragma once

#include <doctest/doctest.h>

#include <memory>

#include "platform_default/file_key_store.hpp"
#include "store/store.hpp"
#include "support/manual_clock.hpp"
#include "support/temp_dir.hpp"

namespace selfcare::test {

struct StoreFixture {
    TempDir dir;
    std::filesystem::path db = dir / "selfcare.db";
    std::filesystem::path key_path = dir / "keys" / "store.key";
    platform_default::FileKeyStore keys{key_path};
    ManualClock clock{test_epoch()};

    domain::Result<std::unique_ptr<store::Store>> try_open(store::OpenOptions options = {}) {
        return store::Store::open(db, keys, clock, options);
    }
    std::unique_ptr<store::Store> open(store::OpenOptions options = {}) {
        auto s = try_open(options);
        REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().id + ": " + s.error().message));
        return std::move(s).value();
    }
};

}  // namespace selfcare::test
