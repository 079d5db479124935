// SPDX-License-Identifier: Apache-2.0
#include "subcommand.hpp"

#include <ostream>

#include "display_width.hpp"

namespace selfcare::cli {

const std::vector<Subcommand>& all_subcommands() {
    static const std::vector<Subcommand> table = [] {
        std::vector<Subcommand> t;
        add_auth_commands(t);
        add_account_commands(t);
        add_ticket_commands(t);
        add_order_commands(t);
        add_work_order_commands(t);
        add_sync_commands(t);
        add_call_command(t);
        return t;
    }();
    return table;
}

void print_subcommand_help(std::ostream& out, const Subcommand& sub) {
    out << "usage: selfcare " << sub.name;
    if (!sub.synopsis.empty()) out << ' ' << sub.synopsis;
    if (!sub.options.empty()) out << " [options]";
    out << "\n\n" << sub.summary << ".\n";
    if (!sub.details.empty()) out << '\n' << sub.details << '\n';
    if (!sub.options.empty()) {
        std::size_t width = 0;
        for (const auto& o : sub.options) width = std::max(width, display_width(o.name + " " + o.value_name));
        out << "\nOptions:\n";
        for (const auto& o : sub.options) {
            out << "  " << pad_to_width(o.value_name.empty() ? o.name : o.name + " " + o.value_name, width) << "  " << o.help
                << '\n';
        }
    }
    out << "\nAlso: --server URL, --data-dir DIR, --ca-file FILE, --config FILE, --json (see selfcare --help).\n";
}

}  // namespace selfcare::cli
