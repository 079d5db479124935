// SPDX-License-Identifier: Apache-2.0
// Asking the person at the keyboard: prompts on stderr (stdout stays for results), answers from
// stdin. When stdin is not a terminal the answers are read from it line by line without prompts,
// so scripts and tests can pipe them in. Secrets are read without echo on a terminal.
#pragma once

#include <optional>
#include <string>

namespace selfcare::cli {

/// True when stdin is a terminal (a person can be asked).
bool stdin_is_terminal();
/// True when stderr is a terminal (progress may redraw a line).
bool stderr_is_terminal();

/// Asks for one line: writes `prompt` to stderr when stdin is a terminal, then reads a line
/// (without its newline). std::nullopt at end of input.
std::optional<std::string> ask(const std::string& prompt);

/// Like ask(), but the typed text is not echoed when stdin is a terminal (passwords, codes).
std::optional<std::string> ask_secret(const std::string& prompt);

/// Asks "`question` [y/N] " and returns true only for y or yes (any case). End of input is no.
bool confirm(const std::string& question);

}  // namespace selfcare::cli
