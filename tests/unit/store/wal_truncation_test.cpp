// SPDX-License-Identifier: Apache-2.0
// A device that loses power while its store has writes only in the write-ahead log can come back
// with that log cut anywhere. Opening must give the rows committed in the surviving part of the
// log (a prefix of the writes, in order) or a storage error, and never lose a row that had
// already been checkpointed into the database file.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "store_fixture.hpp"

using namespace selfcare;
using store::RecordKind;

namespace {

constexpr int kCheckpointed = 20;  // rows in the database file itself
constexpr int kInLog = 30;         // rows committed one by one, only in the log
constexpr std::size_t kWalHeader = 32;
constexpr std::size_t kFrame = 24 + 4096;  // frame header + one page (cipher_page_size 4096)

std::string row_id(int i) { return "TT-" + std::to_string(1000 + i); }

store::CachedRecord row(int i, const test::ManualClock& clock) {
    return {row_id(i), "inProgress", clock.now(), std::string(200, static_cast<char>('a' + i % 26)), clock.now()};
}

std::string with_suffix(const std::filesystem::path& p, const char* suffix) { return p.string() + suffix; }

}  // namespace

TEST_CASE("a write-ahead log cut anywhere opens with a committed prefix, and checkpointed rows stay") {
    test::StoreFixture f;
    {
        auto s = f.open();
        for (int i = 0; i < kCheckpointed; ++i) REQUIRE(s->put_record(RecordKind::kTicket, row(i, f.clock)).ok());
    }  // closing checkpoints everything into the database file

    // Rows that exist only in the log, captured as a power cut would leave them: while the
    // store is still open (each put_record is its own transaction, synced: synchronous=FULL).
    std::string db_bytes, wal_bytes;
    {
        auto s = f.open();
        for (int i = kCheckpointed; i < kCheckpointed + kInLog; ++i) {
            REQUIRE(s->put_record(RecordKind::kTicket, row(i, f.clock)).ok());
        }
        db_bytes = test::read_bytes(f.db);
        wal_bytes = test::read_bytes(with_suffix(f.db, "-wal"));
    }
    REQUIRE(wal_bytes.size() > kWalHeader + kInLog * kFrame);

    // Cut points: inside the log header, on and between frame boundaries, the end.
    std::set<std::size_t> cuts = {0, 16, kWalHeader, kWalHeader + 24, kWalHeader + kFrame / 2, wal_bytes.size() - 1,
                                  wal_bytes.size()};
    for (std::size_t k = 1; kWalHeader + k * kFrame <= wal_bytes.size(); k += 3) {
        cuts.insert(kWalHeader + k * kFrame);
        cuts.insert(kWalHeader + k * kFrame + 100);
    }
    int opened = 0, refused = 0, full = 0;
    for (std::size_t cut : cuts) {
        CAPTURE(cut);
        test::write_bytes(f.db, db_bytes);
        test::write_bytes(with_suffix(f.db, "-wal"), wal_bytes.substr(0, cut));
        std::filesystem::remove(with_suffix(f.db, "-shm"));

        auto s = f.try_open();
        if (!s.ok()) {
            ++refused;
            const std::string id = s.error().id;
            CHECK_MESSAGE((id == "storage.corrupt" || id == "storage.io"), id);
            CHECK(test::read_bytes(f.db) == db_bytes);  // refused without touching the file
            continue;
        }
        ++opened;
        auto rows = (*s)->list_records(RecordKind::kTicket, {std::nullopt, 1000, 0});
        REQUIRE(rows.ok());
        std::set<std::string> ids;
        for (const auto& r : *rows) ids.insert(r.id);
        for (int i = 0; i < kCheckpointed; ++i) CHECK_MESSAGE(ids.count(row_id(i)) == 1, "lost checkpointed " << row_id(i));
        // The log's rows that survived are the first n written, none missing in between.
        int n = 0;
        while (n < kInLog && ids.count(row_id(kCheckpointed + n)) == 1) ++n;
        CHECK(ids.size() == static_cast<std::size_t>(kCheckpointed + n));
        if (n == kInLog) ++full;
        // The surviving rows read back as written.
        for (const auto& r : *rows) {
            const int i = std::stoi(r.id.substr(3)) - 1000;
            CHECK(r.payload == row(i, f.clock).payload);
        }
    }
    MESSAGE("WAL cuts: " << cuts.size() << " (opened " << opened << ", refused " << refused << ", all rows " << full << ")");
    CHECK(full >= 1);  // the whole log gives every row back
    CHECK(opened >= 1);
}
