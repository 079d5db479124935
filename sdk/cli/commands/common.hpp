// SPDX-License-Identifier: Apache-2.0
// What several subcommands share: the notes for answers served from the cache and for writes
// saved on the device while offline, and asking for a value that was not given as a flag.
#pragma once

#include <iostream>
#include <string>

#include "command_line.hpp"
#include "context.hpp"
#include "exit_codes.hpp"
#include "formatting.hpp"
#include "terminal.hpp"

namespace selfcare::cli {

/// Prints "(offline: as of ...)" under a view whose answer came from the cache.
inline void print_stale_note(const Json& result) {
    if (result.value("stale", false)) {
        std::cout << "(offline: shown as last fetched, " << local_time(result.value("fetched_at", Json())) << ")\n";
    }
}

/// After a write: in human mode says that a queued write is safe and will be sent. Returns
/// kExitQueued for a queued write, kExitOk otherwise.
inline int write_outcome(const Json& result) {
    if (!result.value("queued", false)) return kExitOk;
    std::cerr << "Saved on this device (the server could not be reached). It is sent by `selfcare sync`,\n"
                 "or before the next write that reaches the server.\n";
    return kExitQueued;
}

/// The value of `flag`, or what the user answers to `prompt` when it was not given. End of input
/// (or an empty answer when `required`) is a UsageError naming the flag.
inline std::string value_or_ask(const ParsedArgs& args, const std::string& flag, const std::string& prompt,
                                bool required = true) {
    if (auto v = args.value(flag)) return *v;
    const auto answer = ask(prompt);
    if (!answer) throw UsageError("missing " + flag + " (no more input to ask for it)");
    if (required && answer->empty()) throw UsageError("missing " + flag);
    return *answer;
}

}  // namespace selfcare::cli
