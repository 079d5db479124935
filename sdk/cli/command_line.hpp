// SPDX-License-Identifier: Apache-2.0
// The command line: global options (before or after the subcommand), the subcommand's own
// options and its positional arguments. Every mistake is a UsageError naming the option.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace selfcare::cli {

/// A bad command line or config file; the message names the option or field at fault.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One option a (sub)command accepts.
struct OptionSpec {
    std::string name;        ///< "--category"
    std::string value_name;  ///< "NAME"; empty for a switch that takes no value
    std::string help;
};

/// The options every subcommand accepts.
struct GlobalOptions {
    std::optional<std::string> server, data_dir, ca_file, config_file;
    bool json = false;
    bool help = false;
    bool version = false;
};

/// The global options as `--help` lists them.
const std::vector<OptionSpec>& global_option_specs();

/// What a subcommand was given.
class ParsedArgs {
public:
    std::vector<std::string> positionals;

    /// True when the switch or option was given.
    bool has(const std::string& name) const { return switches_.count(name) > 0 || values_.count(name) > 0; }
    /// The option's value, if given (the last one wins when repeated).
    std::optional<std::string> value(const std::string& name) const {
        const auto it = values_.find(name);
        return it == values_.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    /// The option's value as a whole number in [min, max]; UsageError naming it otherwise.
    std::optional<long long> integer(const std::string& name, long long min, long long max) const;
    /// The option's value as a decimal number in [min, max]; UsageError naming it otherwise.
    std::optional<double> number(const std::string& name, double min, double max) const;

    void set_value(const std::string& name, std::string v) { values_[name] = std::move(v); }
    void set_switch(const std::string& name) { switches_.insert(name); }

private:
    std::map<std::string, std::string> values_;
    std::set<std::string> switches_;
};

/// argv split at the subcommand: the global options before it, its name ("" when none) and the
/// words after it (not yet parsed). Throws UsageError for an unknown option before the name.
struct CommandLine {
    GlobalOptions global;
    std::string subcommand;
    std::vector<std::string> rest;
};
CommandLine split_command_line(int argc, const char* const* argv);

/// Parses a subcommand's words against its `options` (global options are accepted too and go
/// into `global`), checking that between `min_args` and `max_args` positionals were given
/// ("--" ends the options). With --help nothing else is checked. Throws UsageError.
ParsedArgs parse_subcommand(const std::vector<std::string>& words, const std::vector<OptionSpec>& options,
                            std::size_t min_args, std::size_t max_args, GlobalOptions& global);

}  // namespace selfcare::cli
