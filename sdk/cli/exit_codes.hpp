// SPDX-License-Identifier: Apache-2.0
// The selfcare tool's exit codes: one per kind of outcome a script may want to act on. Listed in
// `selfcare --help` and README.md; the numbers never change.
#pragma once

#include "selfcare/selfcare.h"

namespace selfcare::cli {

enum ExitCode : int {
    kExitOk = 0,
    kExitOther = 1,      ///< local storage or internal failure, or a confirmation answered no
    kExitUsage = 2,      ///< bad command line, config file or argument (the message names it)
    kExitAuth = 3,       ///< not signed in, session ended, wrong code or password, not allowed
    kExitQueued = 4,     ///< saved on this device while offline; safe, and sent by a later sync
    kExitNetwork = 5,    ///< the server could not be reached (or sync left items waiting)
    kExitServer = 6,     ///< the server failed
    kExitRefused = 7,    ///< not found, or not possible in the current state (a conflict)
};

/// The exit code for an SC_* status.
constexpr ExitCode exit_code_for(int status) {
    switch (status) {
        case SC_OK: return kExitOk;
        case SC_E_INVALID_ARGUMENT: return kExitUsage;
        case SC_E_UNAUTHENTICATED:
        case SC_E_FORBIDDEN: return kExitAuth;
        case SC_E_OFFLINE_QUEUED: return kExitQueued;
        case SC_E_NETWORK: return kExitNetwork;
        case SC_E_SERVER: return kExitServer;
        case SC_E_NOT_FOUND:
        case SC_E_CONFLICT: return kExitRefused;
        default: return kExitOther;
    }
}

/// The exit-code table as `--help` and the README show it.
inline constexpr const char* kExitCodeHelp =
    "Exit codes:\n"
    "  0  done\n"
    "  1  other failure: local storage or internal error, or a confirmation answered no\n"
    "  2  usage: bad option, argument or config file (the message names it)\n"
    "  3  auth: not signed in, session ended, wrong code or password, or not allowed\n"
    "  4  queued offline: saved on this device and sent by a later `selfcare sync`\n"
    "  5  network: the server could not be reached (sync: items are still waiting)\n"
    "  6  server: the server failed\n"
    "  7  refused: not found, or not possible in the current state\n";

}  // namespace selfcare::cli
