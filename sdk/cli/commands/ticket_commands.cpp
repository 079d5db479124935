// SPDX-License-Identifier: Apache-2.0
// Fault reports and complaints: tickets (the list), ticket ID (one ticket as a timeline: status
// changes with times, deadlines, the engineer's visit with its ETA history), report (a new one,
// by flags or by answering prompts; saved on the device when offline).
#include <iostream>

#include "commands/common.hpp"
#include "subcommand.hpp"
#include "text_table.hpp"

namespace selfcare::cli {
namespace {

using Align = TextTable::Align;

std::string kind_of_ticket(const Json& t) {
    const std::string type = text_of(t, "ticketType");
    const std::string sub = text_of(t, "subcategory");
    return type.empty() ? sub : sub.empty() ? type : type + "/" + sub;
}

// "resolveOverdue": true next to a deadline reads as "(overdue)".
std::string deadline(const Json& sla, const char* at, const char* overdue) {
    std::string text = local_time(sla.value(at, Json()));
    if (!text.empty() && sla.value(overdue, false)) text += "  (overdue)";
    return text;
}

int tickets(Context& ctx, const ParsedArgs&) {
    const Json list = ctx.call("tickets.list");
    if (ctx.json()) {
        ctx.print_json(list);
        return kExitOk;
    }
    TextTable t({{"ID"}, {"STATUS"}, {"KIND"}, {"REPORTED"}, {"RESOLVE BY"}, {"DESCRIPTION", Align::kLeft, 30}});
    for (const auto& item : list.value("items", Json::array())) {
        std::string status = text_of(item, "status");
        if (item.value("queued", false)) status += " (not sent yet)";
        const Json sla = item.value("sla", Json::object());
        t.add_row({text_of(item, "id"), status, kind_of_ticket(item), local_time(item.value("creationDate", Json())),
                   deadline(sla.is_object() ? sla : Json::object(), "resolveBy", "resolveOverdue"),
                   mask_phone_numbers(text_of(item, "description"))});
    }
    if (t.empty()) std::cout << "No tickets.\n";
    else t.print(std::cout);
    print_stale_note(list);
    return kExitOk;
}

void print_timeline(const Json& t) {
    TextTable steps({{"TIME"}, {"STATUS"}, {"BY"}, {"WHAT"}});
    for (const auto& c : t.value("statusChange", Json::array())) {
        steps.add_row({local_time(c.value("changeDate", Json())), text_of(c, "status"), text_of(c, "actor"),
                       text_of(c, "changeReason")});
    }
    std::cout << "\nTimeline\n";
    if (steps.empty()) std::cout << "  nothing yet\n";
    else steps.print(std::cout, "  ");
}

void print_deadlines(const Json& t) {
    const Json sla = t.value("sla", Json());
    if (!sla.is_object()) return;
    std::cout << "\nDeadlines\n";
    print_fields(std::cout, {{"Acknowledge by", deadline(sla, "acknowledgeBy", "acknowledgeOverdue")},
                             {"Resolve by", deadline(sla, "resolveBy", "resolveOverdue")},
                             {"Next escalation", local_time(sla.value("nextEscalation", Json()))},
                             {"Handled at", text_of(sla, "tier")}},
                 "  ");
}

// The engineer's visit: who, where they are in it, and every step with the ETA given then.
void print_visit(const Json& t) {
    const Json wo = t.value("workOrder", Json());
    if (!wo.is_object()) return;
    std::string engineer = text_of(wo, "assigneeName");
    if (engineer.empty()) engineer = text_of(wo, "assignee");
    std::cout << "\nEngineer visit " << text_of(wo, "id") << "\n";
    print_fields(std::cout, {{"Engineer", engineer},
                             {"Status", text_of(wo, "status")},
                             {"Arrives about", local_time(wo.value("eta", Json()))}},
                 "  ");
    TextTable steps({{"TIME"}, {"STATUS"}, {"ETA GIVEN"}, {"NOTE"}});
    for (const auto& h : wo.value("history", Json::array())) {
        // recordedAt is when the engineer tapped (offline updates arrive later); prefer it.
        const Json when = h.value("recordedAt", Json()).is_string() ? h["recordedAt"] : h.value("at", Json());
        steps.add_row({local_time(when), text_of(h, "status"), local_time(h.value("eta", Json())), text_of(h, "note")});
    }
    if (!steps.empty()) {
        std::cout << '\n';
        steps.print(std::cout, "  ");
    }
}

int ticket(Context& ctx, const ParsedArgs& args) {
    const Json t = ctx.call("tickets.get", {{"id", args.positionals[0]}});
    if (ctx.json()) {
        ctx.print_json(t);
        return kExitOk;
    }
    std::string status = text_of(t, "status");
    if (t.value("queued", false)) status += " (saved on this device, not sent yet)";
    std::string address;
    if (const Json a = t.value("address", Json()); a.is_object()) address = text_of(a, "text");
    std::cout << "Ticket " << text_of(t, "id") << "\n";
    print_fields(std::cout, {{"Status", status},
                             {"Kind", kind_of_ticket(t)},
                             {"Severity", text_of(t, "severity")},
                             {"Reported", local_time(t.value("creationDate", Json()))},
                             {"Address", address},
                             {"Description", mask_phone_numbers(text_of(t, "description"))},
                             {"Resolved", local_time(t.value("resolutionDate", Json()))}},
                 "  ");
    print_deadlines(t);
    print_timeline(t);
    print_visit(t);
    print_stale_note(t);
    return kExitOk;
}

// The catalog's description of one tickets.create argument, as a prompt hint.
std::string hint(Context& ctx, const char* field) {
    try {
        const Json catalog = ctx.call("sdk.commands");
        for (const auto& c : catalog.value("commands", Json::array())) {
            if (c.value("name", "") == "tickets.create") return text_of(c["args"]["properties"][field], "description");
        }
    } catch (const Error&) {
        // Only a hint: prompt without it.
    }
    return "";
}

std::string prompt_for(Context& ctx, const char* label, const char* field) {
    if (!stdin_is_terminal()) return label;
    const std::string h = hint(ctx, field);
    return std::string(label) + (h.empty() ? "" : " (" + h + ")") + ": ";
}

int report(Context& ctx, const ParsedArgs& args) {
    Json r{{"category", value_or_ask(args, "--category", prompt_for(ctx, "Category", "category"))},
           {"subcategory", value_or_ask(args, "--subcategory", prompt_for(ctx, "Subcategory", "subcategory"))},
           {"description", value_or_ask(args, "--description", prompt_for(ctx, "Description", "description"))},
           {"contact", value_or_ask(args, "--contact", prompt_for(ctx, "Contact number", "contact"))}};
    // The address is asked for only on a terminal: a script that has none gives no --address.
    std::string address = args.value("--address").value_or("");
    if (!args.has("--address") && stdin_is_terminal()) {
        address = ask("Address (needed for a broadband fault; Enter for none): ").value_or("");
    }
    if (!address.empty()) r["address"] = {{"text", address}};
    const Json created = ctx.call("tickets.create", r);
    if (ctx.json()) {
        ctx.print_json(created);
        return write_outcome(created);
    }
    const Json sla = created.value("sla", Json::object());
    if (created.value("queued", false)) std::cout << "Saved as " << text_of(created, "id") << " (not sent yet)\n";
    else std::cout << "Reported: " << text_of(created, "id") << " (" << text_of(created, "status") << ")\n";
    if (sla.is_object() && !sla.empty()) std::cout << "Resolve by: " << local_time(sla.value("resolveBy", Json())) << "\n";
    std::cout << "Follow it with `selfcare ticket " << text_of(created, "id") << "`.\n";
    return write_outcome(created);
}

}  // namespace

void add_ticket_commands(std::vector<Subcommand>& table) {
    table.push_back({"tickets", "", "your fault reports and complaints",
                     "Lists the signed-in customer's tickets with status and resolve-by deadline,\n"
                     "including reports saved on this device and not sent yet.",
                     {}, 0, 0, {}, tickets});
    table.push_back({"ticket", "ID", "one ticket as a timeline: status changes, deadlines, the engineer's ETA",
                     "Shows a ticket (its id, or the local reference L-... of one not sent yet): details,\n"
                     "deadlines, every status change with its time, and the engineer's visit with each\n"
                     "step and the arrival time given then.\n\n"
                     "Example:\n"
                     "  selfcare ticket TT-DEMO-0001",
                     {}, 1, 1, {{"id", "ID"}}, ticket});
    table.push_back({"report", "", "report a fault or complaint",
                     "Asks for what is not given as a flag (on a terminal; otherwise reads the answers from\n"
                     "stdin, one per line, in the order category, subcategory, description, contact).\n"
                     "Offline, the report is saved on this device (exit code 4) and sent later.\n\n"
                     "Example:\n"
                     "  selfcare report --category network --subcategory broadbandDown \\\n"
                     "      --description '宽带断网，光猫红灯闪' --contact 13800138000 --address '幸福路 12 号'",
                     {{"--category", "NAME", "business, service or network"},
                      {"--subcategory", "NAME", "e.g. billingDispute, slowData, broadbandDown"},
                      {"--description", "TEXT", "what is wrong, 5-1000 characters"},
                      {"--contact", "NUMBER", "mobile number to call back"},
                      {"--address", "TEXT", "where the fault is (required for broadband faults)"}},
                     0, 0,
                     {{"category", "--category"}, {"subcategory", "--subcategory"}, {"description", "--description"},
                      {"contact", "--contact"}, {"address", "--address"}},
                     report});
}

}  // namespace selfcare::cli
