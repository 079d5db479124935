// SPDX-License-Identifier: Apache-2.0
// I/O errors under the store: the app's writes run through a VFS (fault_vfs.hpp) that fails
// the Nth read, write, sync or truncate, for every N the workload reaches. The call that meets
// the failure must answer an error (never success, never a crash); the store must open again
// afterwards; and each write must be there whole (its outbox row, its ticket, its payload as
// written) or not at all, and there whenever its call returned success. Leaks are LSan's part
// under the asan-ubsan preset.
//
//   SC_IO_ERROR_STRIDE=K   try every Kth N only (default 1: every N)
#include <doctest/doctest.h>

#include <cstdlib>
#include <map>
#include <string>

#include "durability_workload.hpp"
#include "fault_vfs.hpp"
#include "platform_default/file_key_store.hpp"
#include "store/store.hpp"
#include "support/env_number.hpp"
#include "support/manual_clock.hpp"
#include "support/temp_dir.hpp"

using namespace selfcare::test;

namespace {


}  // namespace

TEST_CASE("the Nth read, write, sync or truncate fails: an error to the caller, each write whole or absent") {
    const long stride = std::max(1L, env_number("SC_IO_ERROR_STRIDE", 1));
    FaultVfs vfs("sc_io_error");

    std::map<IoOp, std::int64_t> total;
    {
        TempDir dir;
        vfs.reset();
        const auto log = run_workload(dir / "selfcare.db", dir / "keys" / "store.key", vfs.name(), [](WorkloadLog&, const std::string&, bool) {});
        REQUIRE(log.failed.empty());
        for (IoOp op : {IoOp::kRead, IoOp::kWrite, IoOp::kSync, IoOp::kTruncate}) total[op] = vfs.calls(op);
    }

    std::map<std::string, int> errors;
    int runs = 0, surfaced = 0, absorbed = 0;
    for (IoOp op : {IoOp::kRead, IoOp::kWrite, IoOp::kSync, IoOp::kTruncate}) {
        for (std::int64_t n = 1; n <= total[op]; n += stride) {
            TempDir dir;
            const std::string op_name = to_string(op);
            CAPTURE(op_name);
            CAPTURE(n);
            vfs.reset();
            vfs.arm_failure(op, n);
            // The call during which the failure happened must not answer success.
            std::string hidden;
            bool done_before = false;
            const auto log = run_workload(
                dir / "selfcare.db", dir / "keys" / "store.key", vfs.name(),
                [&](WorkloadLog&, const std::string& ref, bool ok) {
                    // SQLCipher reads the salt (16 bytes at the head of the file) when keyed and
                    // takes a failed read for a new file; the store gives the salt with the key,
                    // so that read's bytes are never used and its failure changes nothing.
                    const bool unused_read = vfs.failed_call() == "read selfcare.db 0+16";
                    if (!done_before && vfs.failure_done() && ok && !unused_read) hidden = ref;
                },
                [&] { done_before = vfs.failure_done(); });
            ++runs;
            CHECK_MESSAGE(hidden.empty(), "the I/O error was hidden: " << hidden << " answered success");
            if (log.failed.empty() && log.remove_failed.empty() && log.failed_opens == 0) ++absorbed;
            else ++surfaced;
            for (const auto& [id, count] : log.error_ids) errors[id] += count;
            // A failed read or write is the disk's trouble, not damage: "corrupt" would have the
            // app tell the user their data is broken (or wipe it) over a passing fault.
            CHECK_MESSAGE(log.error_ids.count("storage.corrupt") == 0, "an I/O error was reported as storage.corrupt");

            const auto back = read_back(dir / "selfcare.db", dir / "keys" / "store.key");
            REQUIRE_MESSAGE(back.opened, back.error);
            const auto& c = back.contents;
            CHECK(c.unknown.empty());
            for (const auto& w : log.attempted) {
                const auto found = c.outbox.find(w.ref);
                const std::size_t copies = found == c.outbox.end() ? 0 : found->second.size();
                CHECK_MESSAGE(copies <= 1, w.ref << " is queued " << copies << " times");
                if (log.removed.count(w.ref) == 1) CHECK_MESSAGE(copies == 0, w.ref << " was delivered and is queued again");
                else if (log.returned.count(w.ref) == 1) CHECK_MESSAGE(copies == 1, w.ref << " returned success and is lost");
                if (copies == 1) CHECK_MESSAGE(found->second.front() == w.payload, w.ref << " came back changed");
                if (w.with_ticket) {
                    const bool ticket = c.tickets.count(w.ref) == 1;
                    if (log.removed.count(w.ref) == 0 && log.remove_failed.count(w.ref) == 0) {
                        CHECK_MESSAGE(ticket == (copies == 1), w.ref << ": the ticket and its outbox row disagree (half a write)");
                    }
                }
            }
        }
    }
    std::string ids;
    for (const auto& [id, count] : errors) ids += " " + id + "=" + std::to_string(count);
    MESSAGE("I/O errors: reads " << total[IoOp::kRead] << ", writes " << total[IoOp::kWrite] << ", syncs " << total[IoOp::kSync]
                                 << ", truncates " << total[IoOp::kTruncate] << "; " << runs << " runs, " << surfaced
                                 << " answered an error, " << absorbed << " absorbed without one (failure outside any call, e.g. at close);"
                                 << " errors:" << ids);
}

TEST_CASE("regression: a read failing during the integrity check at open is storage.io, not storage.corrupt") {
    // PRAGMA quick_check reports a page it could not read as a line of its report; the store
    // took any such line for damage and answered storage.corrupt for a passing read error.
    FaultVfs vfs("sc_io_error_open");
    TempDir dir;
    const auto db = dir / "selfcare.db";
    const auto key = dir / "keys" / "store.key";
    vfs.reset();
    (void)run_workload(db, key, vfs.name(), [](WorkloadLog&, const std::string&, bool) {});
    // How many reads an open makes (the check reads every page).
    selfcare::platform_default::FileKeyStore keys(key);
    ManualClock clock{test_epoch()};
    vfs.reset();
    REQUIRE(selfcare::store::Store::open(db, keys, clock, {}, vfs.name()).ok());
    const std::int64_t reads = vfs.calls(IoOp::kRead);
    REQUIRE(reads > 5);
    int refused = 0;
    for (std::int64_t n = 1; n <= reads; ++n) {
        CAPTURE(n);
        vfs.reset();
        vfs.arm_failure(IoOp::kRead, n);
        auto s = selfcare::store::Store::open(db, keys, clock, {}, vfs.name());
        if (!s) {
            ++refused;
            CHECK(s.error().id == "storage.io");
        }
    }
    CHECK(refused > 0);
    REQUIRE(read_back(db, key).opened);  // and the store is fine afterwards
}
