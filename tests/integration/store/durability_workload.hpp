// SPDX-License-Identifier: Apache-2.0
// What an app does to its store, for the power-loss and I/O-error tests: two sessions (open,
// queue fault reports with their local ticket, orders and work-order updates, mark one as
// delivered and one for retry, close), all through a named VFS. Records what each call answered,
// so the test can check the store afterwards against what the app was told.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace selfcare::test {

/// One write the workload makes: a queued command, for a report also its local ticket record.
struct WorkloadWrite {
    std::string ref;  ///< unique; also inside the payload
    std::string command;
    std::string payload;
    bool with_ticket = false;  ///< the report's ticket record is written in the same transaction
};

/// What the app was told.
struct WorkloadLog {
    std::vector<WorkloadWrite> attempted;        ///< every write tried, in order
    std::set<std::string> returned;              ///< refs whose write returned success
    std::set<std::string> failed;                ///< refs whose write returned an error
    std::set<std::string> removed;               ///< refs whose removal (delivery) returned success
    std::set<std::string> remove_failed;         ///< refs whose removal returned an error
    std::map<std::string, int> error_ids;        ///< error id -> how often (opens included)
    int failed_opens = 0;
    /// Set by the `after_call` hook: calls the test wants to single out (e.g. those that
    /// returned before a power cut), by ref.
    std::set<std::string> marked;
};

/// Called after each call of the workload returns: the log, the call's ref ("W-3", "remove W-3",
/// "open 1", "retry W-0") and whether it answered success. It may add to `log.marked`.
using AfterCall = std::function<void(WorkloadLog&, const std::string&, bool)>;

/// Runs the workload on the store at `db` (its key in `key_file`), opened through `vfs`.
/// `before_call` runs before each call, `after_call` after it returns. An open that fails skips
/// that session's calls.
WorkloadLog run_workload(const std::filesystem::path& db, const std::filesystem::path& key_file, const std::string& vfs,
                         const AfterCall& after_call, const std::function<void()>& before_call = [] {});

/// The store's contents as the checks need them: outbox payloads and ticket record ids by ref.
struct StoreContents {
    std::map<std::string, std::vector<std::string>> outbox;  ///< ref -> payloads (more than one is a bug)
    std::set<std::string> tickets;                           ///< refs with a local ticket record
    std::set<std::string> unknown;                           ///< outbox payloads the workload never wrote
};

/// Opens the store at `db` normally (default VFS, full integrity check) and reads it. Returns
/// the error id and message instead when it does not open.
struct ReadBack {
    bool opened = false;
    std::string error;
    StoreContents contents;
};
ReadBack read_back(const std::filesystem::path& db, const std::filesystem::path& key_file);

}  // namespace selfcare::test
