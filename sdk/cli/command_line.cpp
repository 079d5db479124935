// SPDX-License-Identifier: Apache-2.0
#include "command_line.hpp"

#include <cerrno>
#include <cstdio>
#include <cmath>
#include <cstdlib>

namespace selfcare::cli {
namespace {

const OptionSpec* find_option(const std::vector<OptionSpec>& specs, const std::string& name) {
    for (const auto& s : specs) {
        if (s.name == name) return &s;
    }
    return nullptr;
}

// Splits "--name=value" into name and value.
std::pair<std::string, std::optional<std::string>> split_equals(const std::string& word) {
    const auto eq = word.find('=');
    if (word.rfind("--", 0) != 0 || eq == std::string::npos) return {word, std::nullopt};
    return {word.substr(0, eq), word.substr(eq + 1)};
}

// Applies one global option; false when `name` is not one.
bool apply_global(GlobalOptions& g, const std::string& name, const std::optional<std::string>& value) {
    if (name == "--json") g.json = true;
    else if (name == "--help" || name == "-h") g.help = true;
    else if (name == "--version") g.version = true;
    else if (name == "--server") g.server = value;
    else if (name == "--data-dir") g.data_dir = value;
    else if (name == "--ca-file") g.ca_file = value;
    else if (name == "--config") g.config_file = value;
    else return false;
    return true;
}

// Reads the option at words[i] (advancing i past its value). Returns its spec and value.
std::pair<const OptionSpec*, std::optional<std::string>> take_option(const std::vector<std::string>& words,
                                                                     std::size_t& i,
                                                                     const std::vector<OptionSpec>& specs) {
    auto [name, inline_value] = split_equals(words[i]);
    const OptionSpec* spec = find_option(specs, name);
    if (spec == nullptr) return {nullptr, std::nullopt};
    if (spec->value_name.empty()) {
        if (inline_value) throw UsageError("option " + name + " takes no value");
        return {spec, std::nullopt};
    }
    if (inline_value) return {spec, inline_value};
    if (i + 1 >= words.size()) throw UsageError("option " + name + " needs a value (" + spec->value_name + ")");
    return {spec, words[++i]};
}

}  // namespace

const std::vector<OptionSpec>& global_option_specs() {
    static const std::vector<OptionSpec> specs{
        {"--server", "URL", "the service platform, e.g. https://selfcare.example.com"},
        {"--data-dir", "DIR", "this device's encrypted data folder (created 0700 if missing)"},
        {"--ca-file", "FILE", "a CA certificate (PEM) to trust for the server, besides the system's"},
        {"--config", "FILE", "the config file to read instead of $XDG_CONFIG_HOME/selfcare/cli.json"},
        {"--json", "", "print the SDK's JSON answer instead of a table (phone numbers still masked)"},
        {"--help", "", "show help (also after a subcommand)"},
        {"--version", "", "show the tool's version and the C ABI version of libselfcare"},
    };
    return specs;
}

std::optional<long long> ParsedArgs::integer(const std::string& name, long long min, long long max) const {
    const auto v = value(name);
    if (!v) return std::nullopt;
    errno = 0;
    char* end = nullptr;
    const long long n = std::strtoll(v->c_str(), &end, 10);
    if (v->empty() || *end != '\0' || errno != 0) throw UsageError("option " + name + " needs a whole number, not '" + *v + "'");
    if (n < min || n > max) {
        throw UsageError("option " + name + " must be between " + std::to_string(min) + " and " + std::to_string(max));
    }
    return n;
}

std::optional<double> ParsedArgs::number(const std::string& name, double min, double max) const {
    const auto v = value(name);
    if (!v) return std::nullopt;
    errno = 0;
    char* end = nullptr;
    const double d = std::strtod(v->c_str(), &end);
    if (v->empty() || *end != '\0' || errno != 0 || !std::isfinite(d)) {
        throw UsageError("option " + name + " needs a number, not '" + *v + "'");
    }
    if (d < min || d > max) {
        char range[96];
        std::snprintf(range, sizeof range, " must be between %g and %g", min, max);
        throw UsageError("option " + name + range);
    }
    return d;
}

CommandLine split_command_line(int argc, const char* const* argv) {
    CommandLine out;
    const std::vector<std::string> words(argv + 1, argv + argc);
    const auto& globals = global_option_specs();
    std::size_t i = 0;
    for (; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w == "-h") {
            out.global.help = true;
            continue;
        }
        if (w.empty() || w[0] != '-') break;
        auto [spec, value] = take_option(words, i, globals);
        if (spec == nullptr) throw UsageError("unknown option " + split_equals(w).first + " (see selfcare --help)");
        apply_global(out.global, spec->name, value);
    }
    if (i < words.size()) {
        out.subcommand = words[i];
        out.rest.assign(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end());
    }
    return out;
}

ParsedArgs parse_subcommand(const std::vector<std::string>& words, const std::vector<OptionSpec>& options,
                            std::size_t min_args, std::size_t max_args, GlobalOptions& global) {
    ParsedArgs args;
    // Asking for help is never a usage error, whatever else is on the line.
    for (const auto& w : words) {
        if (w == "--") break;
        if (w == "--help" || w == "-h") {
            global.help = true;
            return args;
        }
    }
    bool options_ended = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (options_ended || w.size() < 2 || w[0] != '-' || (w[1] >= '0' && w[1] <= '9')) {
            args.positionals.push_back(w);  // "-12.5" is a value, not an option
            continue;
        }
        if (w == "--") {
            options_ended = true;
            continue;
        }
        auto [spec, value] = take_option(words, i, options);
        if (spec != nullptr) {
            if (value) args.set_value(spec->name, *value);
            else args.set_switch(spec->name);
            continue;
        }
        auto [gspec, gvalue] = take_option(words, i, global_option_specs());
        if (gspec == nullptr) throw UsageError("unknown option " + split_equals(w).first);
        apply_global(global, gspec->name, gvalue);
    }
    if (args.positionals.size() < min_args) throw UsageError("missing argument (see --help)");
    if (args.positionals.size() > max_args) throw UsageError("unexpected argument '" + args.positionals[max_args] + "'");
    return args;
}

}  // namespace selfcare::cli
