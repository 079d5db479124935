// SPDX-License-Identifier: Apache-2.0
// A subcommand of `selfcare`: its name, what it takes, its help, and the function that runs it.
// Each file in commands/ adds a group of them to the table main() dispatches on.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "command_line.hpp"
#include "context.hpp"

namespace selfcare::cli {

struct Subcommand {
    std::string name;              ///< "ticket"
    std::string synopsis;          ///< what follows the name, e.g. "ID"
    std::string summary;           ///< one line for `selfcare --help`
    std::string details;           ///< the rest of its --help: what it does, examples
    std::vector<OptionSpec> options;
    std::size_t min_args = 0;
    std::size_t max_args = 0;
    FieldLabels field_labels;      ///< the SDK's argument names as this command's flags
    /// Runs it and returns the exit code; failures may also be thrown (selfcare::Error,
    /// UsageError) and are reported by main().
    std::function<int(Context&, const ParsedArgs&)> run;
};

void add_account_commands(std::vector<Subcommand>& table);    // account, bills, plans, rewards
void add_auth_commands(std::vector<Subcommand>& table);       // login, login-staff, logout
void add_call_command(std::vector<Subcommand>& table);        // call
void add_order_commands(std::vector<Subcommand>& table);      // order, redeem
void add_sync_commands(std::vector<Subcommand>& table);       // sync, status
void add_ticket_commands(std::vector<Subcommand>& table);     // tickets, ticket, report
void add_work_order_commands(std::vector<Subcommand>& table); // workorders, workorder

/// Every subcommand, in the order `selfcare --help` lists them.
const std::vector<Subcommand>& all_subcommands();

/// Writes `selfcare NAME`'s --help text.
void print_subcommand_help(std::ostream& out, const Subcommand& sub);

}  // namespace selfcare::cli
