// SPDX-License-Identifier: Apache-2.0
// selfcare — the command-line tool for operators' staff, field engineers without the app,
// scripts and support. Built only on the C++ wrapper (selfcare.hpp) over libselfcare, like the
// kiosk. This file is the recipe: read the command line, find the subcommand, run it, and turn
// what went wrong into a message on stderr and an exit code (exit_codes.hpp).
#include <iostream>

#include "command_line.hpp"
#include "context.hpp"
#include "display_width.hpp"
#include "exit_codes.hpp"
#include "settings.hpp"
#include "subcommand.hpp"

using namespace selfcare::cli;

namespace {

void print_main_help(std::ostream& out) {
    out << "selfcare — telecom self-service from the command line\n\n"
           "usage: selfcare [--server URL] [--data-dir DIR] [--ca-file FILE] [--config FILE] [--json]\n"
           "                SUBCOMMAND [ARGS] [OPTIONS]\n"
           "       selfcare SUBCOMMAND --help\n\nSubcommands:\n";
    std::size_t width = 0;
    for (const auto& s : all_subcommands()) width = std::max(width, display_width(s.name + " " + s.synopsis));
    for (const auto& s : all_subcommands()) out << "  " << pad_to_width(s.name + " " + s.synopsis, width) << "  " << s.summary << '\n';
    out << "\nOptions (before or after the subcommand):\n";
    for (const auto& o : global_option_specs()) {
        out << "  " << pad_to_width(o.value_name.empty() ? o.name : o.name + " " + o.value_name, 16) << "  " << o.help << '\n';
    }
    out << "\nConfig file: $XDG_CONFIG_HOME/selfcare/cli.json (else ~/.config/selfcare/cli.json), e.g.\n"
           "  {\"server\": \"https://selfcare.example.com\", \"data_dir\": \"~/.local/share/selfcare\",\n"
           "   \"ca_file\": \"/etc/ssl/operator-ca.pem\"}\n"
           "Flags override the file. The data folder defaults to $XDG_DATA_HOME/selfcare (else\n"
           "~/.local/share/selfcare) and is created with mode 0700.\n\n"
        << kExitCodeHelp;
}

const Subcommand* find_subcommand(const std::string& name) {
    for (const auto& s : all_subcommands()) {
        if (s.name == name) return &s;
    }
    return nullptr;
}

int usage_failure(const std::string& where, const std::string& why, const Subcommand* sub) {
    std::cerr << "selfcare" << (where.empty() ? "" : " " + where) << ": " << why << '\n';
    if (sub != nullptr) std::cerr << "usage: selfcare " << sub->name << (sub->synopsis.empty() ? "" : " " + sub->synopsis) << '\n';
    return kExitUsage;
}

int run(int argc, char** argv) {
    CommandLine line = split_command_line(argc, argv);
    if (line.global.version) {
        std::cout << "selfcare " << SC_CLI_VERSION << " (C ABI " << sc_version() << ")\n";
        return kExitOk;
    }
    if (line.subcommand == "help" && !line.rest.empty()) {
        line.subcommand = line.rest.front();
        line.rest = {"--help"};
    }
    if (line.subcommand.empty() && !line.global.help) return usage_failure("", "missing SUBCOMMAND (see selfcare --help)", nullptr);
    if (line.subcommand.empty() || line.subcommand == "help") {
        print_main_help(std::cout);
        return kExitOk;
    }
    const Subcommand* sub = find_subcommand(line.subcommand);
    if (sub == nullptr) return usage_failure("", "unknown subcommand '" + line.subcommand + "' (see selfcare --help)", nullptr);
    ParsedArgs args;
    try {
        args = parse_subcommand(line.rest, sub->options, sub->min_args, sub->max_args, line.global);
    } catch (const UsageError& e) {
        return usage_failure(sub->name, e.what(), sub);
    }
    if (line.global.help) {
        print_subcommand_help(std::cout, *sub);
        return kExitOk;
    }
    try {
        Context ctx(resolve_settings(line.global), line.global.json);
        return sub->run(ctx, args);
    } catch (const UsageError& e) {
        return usage_failure(sub->name, e.what(), sub);
    } catch (const selfcare::Error& e) {
        print_error(std::cerr, sub->name, e, sub->field_labels);
        return exit_code_for(e.status());
    }
}

}  // namespace

int main(int argc, char** argv) {
    use_utf8_ctype();
    try {
        return run(argc, argv);
    } catch (const UsageError& e) {
        return usage_failure("", e.what(), nullptr);
    } catch (const std::exception& e) {
        std::cerr << "selfcare: internal error: " << e.what() << '\n';
        return kExitOther;
    }
}
