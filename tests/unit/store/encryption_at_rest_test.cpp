// SPDX-License-Identifier: Apache-2.0
// Personal data never reaches the disk in clear: canaries written through the store are absent
// from the database and from every file beside it, during use and after close.
#include <doctest/doctest.h>

#include "store_fixture.hpp"

using namespace selfcare;
using store::RecordKind;

namespace {

const std::string kPhone = "13912345678";
const std::string kName = "欧阳金凤";
const std::string kAddress = "幸福路 88 号 7 单元 1203";

void check_no_canaries(const std::filesystem::path& dir) {
    const auto files = test::files_under(dir);
    REQUIRE_FALSE(files.empty());
    for (const auto& file : files) {
        CAPTURE(file.filename().string());
        const std::string bytes = test::read_bytes(file);
        CHECK(bytes.find(kPhone) == std::string::npos);
        CHECK(bytes.find(kName) == std::string::npos);
        CHECK(bytes.find(kAddress) == std::string::npos);
        CHECK(bytes.find("SQLite format 3") == std::string::npos);
        CHECK(bytes.find("CREATE TABLE") == std::string::npos);
    }
}

}  // namespace

TEST_CASE("canary phone, name and address are not on disk in clear") {
    test::StoreFixture f;
    const std::string payload = R"({"contact":")" + kPhone + R"(","name":")" + kName +
                                R"(","address":")" + kAddress + R"("})";
    auto s = f.open();
    for (int i = 0; i < 200; ++i) {  // enough rows to spill well past the first pages
        REQUIRE(s->put_record(RecordKind::kTicket, {"TT-" + std::to_string(i), "acknowledged",
                                                    f.clock.now(), payload, f.clock.now()})
                    .ok());
    }
    REQUIRE(s->put_cache_entry("account.summary", payload, f.clock.now()).ok());
    REQUIRE(s->enqueue("ticket.create", payload).ok());

    SUBCASE("while open, including the WAL") {
        CHECK(std::filesystem::exists(f.dir / "selfcare.db-wal"));
        check_no_canaries(f.dir.path());
    }
    SUBCASE("after close") {
        s.reset();
        check_no_canaries(f.dir.path());
    }
}
