// SPDX-License-Identifier: Apache-2.0
// login (a customer, by SMS code or service password), login-staff (field engineers and
// admins), logout. Codes and passwords are read from stdin, never from the command line (where
// other users could read them in the process list), and never printed.
#include <iostream>

#include "commands/common.hpp"
#include "subcommand.hpp"

namespace selfcare::cli {
namespace {

int login(Context& ctx, const ParsedArgs& args) {
    std::string msisdn;
    if (!args.positionals.empty()) {
        msisdn = args.positionals[0];
    } else {
        const auto typed = ask("Mobile number: ");
        if (!typed || typed->empty()) throw UsageError("missing NUMBER (no more input to ask for it)");
        msisdn = *typed;
    }
    Json login_args{{"msisdn", msisdn}};
    if (args.has("--service-password")) {
        const auto password = ask_secret("Service password: ");
        if (!password || password->empty()) throw UsageError("missing the service password (no more input)");
        login_args["service_password"] = *password;
    } else {
        ctx.call("auth.request_otp", {{"msisdn", msisdn}});
        if (stdin_is_terminal()) std::cerr << "A code was sent by SMS.\n";
        const auto code = ask_secret("SMS code: ");
        if (!code || code->empty()) throw UsageError("missing the SMS code (no more input)");
        login_args["otp"] = *code;
    }
    const Json session = ctx.call("auth.login", login_args);
    if (ctx.json()) {
        ctx.print_json(session);
    } else {
        std::cout << "Signed in as " << mask_phone_numbers(text_of(session, "subject")) << " ("
                  << text_of(session, "role") << ").\n";
    }
    return kExitOk;
}

int login_staff(Context& ctx, const ParsedArgs& args) {
    std::string staff_id;
    if (!args.positionals.empty()) {
        staff_id = args.positionals[0];
    } else {
        const auto typed = ask("Staff id: ");
        if (!typed || typed->empty()) throw UsageError("missing STAFF_ID (no more input to ask for it)");
        staff_id = *typed;
    }
    const auto password = ask_secret("Password: ");
    if (!password || password->empty()) throw UsageError("missing the password (no more input)");
    const Json session = ctx.call("auth.login_staff", {{"staff_id", staff_id}, {"password", *password}});
    if (ctx.json()) {
        ctx.print_json(session);
    } else {
        std::cout << "Signed in as " << text_of(session, "subject") << " (" << text_of(session, "role") << ").\n";
    }
    return kExitOk;
}

int logout(Context& ctx, const ParsedArgs&) {
    const Json r = ctx.call("auth.logout");
    if (ctx.json()) ctx.print_json(r);
    else std::cout << "Signed out.\n";
    return kExitOk;
}

}  // namespace

void add_auth_commands(std::vector<Subcommand>& table) {
    table.push_back({"login", "[NUMBER]", "sign a customer in with an SMS code (or the service password)",
                     "Requests an SMS code for the mobile NUMBER (asked for when not given), then asks for\n"
                     "the code. Answers are read from stdin when it is not a terminal, one per line.\n\n"
                     "Examples:\n"
                     "  selfcare login 13800138000\n"
                     "  echo 246810 | selfcare login 13800138000",
                     {{"--service-password", "", "sign in with the service password instead of an SMS code"}},
                     0, 1, {{"msisdn", "NUMBER"}, {"otp", "SMS code"}, {"service_password", "service password"}},
                     login});
    table.push_back({"login-staff", "[STAFF_ID]", "sign a field engineer or admin in",
                     "Asks for the password without echo on a terminal; otherwise reads it from stdin.\n\n"
                     "Example:\n"
                     "  selfcare login-staff E1001",
                     {}, 0, 1, {{"staff_id", "STAFF_ID"}, {"password", "password"}}, login_staff});
    table.push_back({"logout", "", "end the session on this device",
                     "Ends the session (the server is told when it can be reached). Writes still waiting\n"
                     "to be sent stay on this device and go out after the next sign-in.",
                     {}, 0, 0, {}, logout});
}

}  // namespace selfcare::cli
