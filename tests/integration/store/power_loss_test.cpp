// SPDX-License-Identifier: Apache-2.0
// Power loss under the store: the app's writes run through a VFS (fault_vfs.hpp) that, at a
// random sync, takes the image a disk would hold if the power went then: what was synced, and
// none (or, garbled, some) of what was written since. The image is opened as the next start of
// the app would open it: it must always open, pass PRAGMA integrity_check, and hold every outbox
// write (and its ticket) whose call had returned before the cut, and no delivered entry again.
//
//   SC_POWER_LOSS_ITERATIONS=N   cuts (default 200; 100 under sanitizers)
//   SC_POWER_LOSS_SEED=S         replay a run (every run prints its seed)
#include <doctest/doctest.h>

#include <cstdlib>
#include <random>
#include <string>

#include "durability_workload.hpp"
#include "fault_vfs.hpp"
#include "support/env_number.hpp"
#include "support/temp_dir.hpp"

using namespace selfcare::test;
namespace fs = std::filesystem;

namespace {

#if defined(SC_UNDER_SANITIZER)
constexpr long kDefaultIterations = 100;
#else
constexpr long kDefaultIterations = 200;
#endif


// Whether the call had returned before the cut is decided when it returns.
void mark_if_before_cut(const FaultVfs& vfs, WorkloadLog& log, const std::string& ref, bool ok) {
    if (ok && !vfs.cut_done()) log.marked.insert(ref);
}

}  // namespace

TEST_CASE("power cut at a random sync: the store opens and keeps every write that returned") {
    const long iterations = env_number("SC_POWER_LOSS_ITERATIONS", kDefaultIterations);
    const auto seed = static_cast<std::uint64_t>(env_number("SC_POWER_LOSS_SEED", static_cast<long>(std::random_device{}() & 0x7fffffff)));
    MESSAGE("power loss: seed " << seed << ", " << iterations << " cuts (replay: SC_POWER_LOSS_SEED=" << seed << ")");
    FaultVfs vfs("sc_power_loss");

    // A run without a cut counts the syncs the workload makes; each cut picks one of them.
    std::int64_t total_syncs = 0;
    {
        TempDir dir;
        vfs.reset();
        const auto log = run_workload(dir / "selfcare.db", dir / "keys" / "store.key", vfs.name(), [](WorkloadLog&, const std::string&, bool) {});
        REQUIRE(log.failed.empty());
        REQUIRE(log.failed_opens == 0);
        total_syncs = vfs.syncs();
        REQUIRE(total_syncs > 10);
    }

    std::mt19937_64 rng(seed);
    int garbled = 0, had_wal = 0;
    long kept = 0;
    for (long i = 0; i < iterations; ++i) {
        TempDir dir;
        const auto at = std::uniform_int_distribution<std::int64_t>(1, total_syncs)(rng);
        const bool garble = std::uniform_int_distribution<int>(0, 1)(rng) == 1;
        garbled += garble ? 1 : 0;
        CAPTURE(i);
        CAPTURE(at);
        CAPTURE(garble);
        vfs.reset();
        vfs.arm_power_cut(at, dir / "after_cut", garble, rng());
        const auto log = run_workload(dir / "selfcare.db", dir / "keys" / "store.key", vfs.name(),
                                      [&](WorkloadLog& l, const std::string& ref, bool ok) { mark_if_before_cut(vfs, l, ref, ok); });
        REQUIRE(log.failed.empty());  // nothing fails here: the cut only shows in the copy
        REQUIRE(vfs.cut_done());

        // The next start: the key and its check are on disk already (written and synced before
        // the database was created); the database files are as the cut left them.
        const fs::path copy = dir / "after_cut";
        if (fs::exists(dir / "selfcare.db.keycheck")) fs::copy_file(dir / "selfcare.db.keycheck", copy / "selfcare.db.keycheck");
        had_wal += fs::exists(copy / "selfcare.db-wal") ? 1 : 0;
        const auto back = read_back(copy / "selfcare.db", dir / "keys" / "store.key");
        REQUIRE_MESSAGE(back.opened, back.error);
        const auto& c = back.contents;
        CHECK_MESSAGE(c.unknown.empty(), "the outbox holds something never written");
        for (const auto& w : log.attempted) {
            const auto found = c.outbox.find(w.ref);
            const std::size_t copies = found == c.outbox.end() ? 0 : found->second.size();
            CHECK_MESSAGE(copies <= 1, w.ref << " is queued " << copies << " times");
            const bool removed_before_cut = log.marked.count("remove " + w.ref) == 1;
            if (removed_before_cut) {
                CHECK_MESSAGE(copies == 0, w.ref << " was delivered before the cut and is queued again");
            } else if (log.marked.count(w.ref) == 1) {
                CHECK_MESSAGE(copies == 1, w.ref << " returned before the cut and is lost");
                ++kept;
            }
            if (copies == 1) CHECK_MESSAGE(found->second.front() == w.payload, w.ref << " came back changed");
            if (w.with_ticket && copies == 1) CHECK_MESSAGE(c.tickets.count(w.ref) == 1, w.ref << " is queued without its ticket");
            if (w.with_ticket && log.marked.count(w.ref) == 1) CHECK_MESSAGE(c.tickets.count(w.ref) == 1, w.ref << "'s ticket is lost");
        }
    }
    MESSAGE("power loss: " << iterations << " cuts over " << total_syncs << " syncs (" << garbled << " with garbled unsynced writes, "
                           << had_wal << " left a write-ahead log); every store opened; " << kept
                           << " returned writes checked, none lost");
}
