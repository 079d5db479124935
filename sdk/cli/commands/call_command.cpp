// SPDX-License-Identifier: Apache-2.0
// call COMMAND [JSON]: any command of the SDK's catalog (`selfcare call sdk.commands` lists
// them), its JSON answer on stdout, the status as the exit code. For scripts and support.
#include <iostream>
#include <iterator>

#include "commands/common.hpp"
#include "subcommand.hpp"

namespace selfcare::cli {
namespace {

int call(Context& ctx, const ParsedArgs& args) {
    const std::string& command = args.positionals[0];
    std::string json = args.positionals.size() > 1 ? args.positionals[1] : "{}";
    if (json == "-") json.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    const CallResult r = ctx.client().call_raw(command, json);
    const Json answer = Json::parse(r.json, nullptr, false);
    if (answer.is_discarded()) std::cout << mask_phone_numbers(r.json) << '\n';
    else ctx.print_json(answer);
    if (!r.usable()) print_error(std::cerr, "call " + command, Error(r.status, answer.is_discarded() ? Json() : answer));
    if (r.status == SC_E_OFFLINE_QUEUED) return write_outcome(answer);
    return exit_code_for(r.status);
}

}  // namespace

void add_call_command(std::vector<Subcommand>& table) {
    table.push_back({"call", "COMMAND [JSON]", "run any SDK command; its JSON answer on stdout",
                     "Runs COMMAND with the JSON object given (default {}; - reads it from stdin) and prints\n"
                     "the answer, a result or an error document, as JSON. Phone numbers in it are masked.\n"
                     "The exit code follows the answer's status. `selfcare call sdk.commands` lists every\n"
                     "command with its arguments.\n\n"
                     "Examples:\n"
                     "  selfcare call sdk.info\n"
                     "  selfcare call tickets.get '{\"id\":\"TT-DEMO-0001\"}'",
                     {}, 1, 2, {}, call});
}

}  // namespace selfcare::cli
