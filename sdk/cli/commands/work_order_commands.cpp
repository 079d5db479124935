// SPDX-License-Identifier: Apache-2.0
// The field engineer's day: workorders (assigned visits, with updates still waiting to be sent
// marked) and workorder update (accepted -> enRoute with position and ETA -> onSite ->
// completed), checked against the lifecycle on the device and saved there when offline.
#include <iostream>

#include "commands/common.hpp"
#include "subcommand.hpp"
#include "text_table.hpp"

namespace selfcare::cli {
namespace {

using Align = TextTable::Align;

std::string appointment(const Json& wo) {
    const Json a = wo.value("appointment", Json());
    if (!a.is_object() || !a.value("validFor", Json()).is_object()) return "";
    const Json& v = a["validFor"];
    const std::string from = local_time(v.value("startDateTime", Json()));
    const std::string to = local_time(v.value("endDateTime", Json()));
    // Same day: "2026-11-29 20:35-23:35".
    if (from.size() == 16 && to.size() == 16 && from.compare(0, 10, to, 0, 10) == 0) return from + "-" + to.substr(11);
    return from + (to.empty() ? "" : " - " + to);
}

std::string ticket_of(const Json& wo) {
    for (const auto& e : wo.value("relatedEntity", Json::array())) {
        if (text_of(e, "role") == "troubleTicket") return text_of(e, "id");
    }
    return "";
}

int workorders(Context& ctx, const ParsedArgs& args) {
    Json filter = Json::object();
    if (auto state = args.value("--state")) filter["state"] = *state;
    const Json list = ctx.call("workorders.list", filter);
    if (ctx.json()) {
        ctx.print_json(list);
        return kExitOk;
    }
    TextTable t({{"ID"}, {"STATE"}, {"APPOINTMENT"}, {"PROBLEM"}, {"ADDRESS", Align::kLeft, 30}, {"TICKET"}, {"ETA"}});
    bool waiting = false, refused = false;
    for (const auto& wo : list.value("items", Json::array())) {
        std::string state = text_of(wo, "state");
        if (wo.value("pending_sync", false)) {
            state += " *";
            waiting = true;
        }
        if (wo.contains("sync_failed")) {
            state += " !";
            refused = true;
        }
        const Json place = wo.value("place", Json::object());
        t.add_row({text_of(wo, "id"), state, appointment(wo), text_of(wo, "problem"),
                   place.is_object() ? text_of(place, "address") : "", ticket_of(wo), local_time(wo.value("eta", Json()))});
    }
    if (t.empty()) std::cout << "No work orders.\n";
    else t.print(std::cout);
    if (waiting) std::cout << "* updated on this device, not sent yet (`selfcare sync`)\n";
    if (refused) std::cout << "! an update was refused by the server; the state shown is the server's (`selfcare status`)\n";
    print_stale_note(list);
    return kExitOk;
}

int workorder(Context& ctx, const ParsedArgs& args) {
    if (args.positionals[0] != "update") throw UsageError("unknown action '" + args.positionals[0] + "' (only: update ID)");
    if (args.positionals.size() < 2) throw UsageError("missing the work order ID (workorder update ID --status STATUS)");
    const auto status = args.value("--status");
    if (!status) throw UsageError("missing --status");
    Json update{{"id", args.positionals[1]}, {"status", *status}};
    if (auto eta = args.integer("--eta", 0, 1440)) update["eta"] = *eta;
    const auto lat = args.number("--lat", -90, 90);
    const auto lon = args.number("--lon", -180, 180);
    if (lat.has_value() != lon.has_value()) throw UsageError(lat ? "option --lat needs --lon too" : "option --lon needs --lat too");
    if (lat) update["location"] = {{"latitude", *lat}, {"longitude", *lon}};
    if (auto note = args.value("--note")) update["note"] = *note;

    const Json wo = ctx.call("workorders.update", update);
    if (ctx.json()) {
        ctx.print_json(wo);
        return write_outcome(wo);
    }
    std::cout << text_of(wo, "id") << " is now " << text_of(wo, "state");
    const std::string eta = local_time(wo.value("eta", Json()));
    if (text_of(wo, "state") == "enRoute" && !eta.empty()) std::cout << " (arrives about " << eta << ")";
    std::cout << ".\n";
    return write_outcome(wo);
}

}  // namespace

void add_work_order_commands(std::vector<Subcommand>& table) {
    table.push_back({"workorders", "", "the signed-in engineer's work orders",
                     "Lists assigned visits by appointment time. Updates made on this device and not sent\n"
                     "yet are shown (marked *), as is an update the server refused (marked !).",
                     {{"--state", "STATE", "only work orders in this state, e.g. assigned"}},
                     0, 0, {{"state", "--state"}}, workorders});
    table.push_back({"workorder", "update ID", "move a work order on: accepted, enRoute, onSite, completed",
                     "Checks the step against the work-order lifecycle on this device and sends it (saved\n"
                     "and sent later when offline: exit code 4). enRoute needs --eta and --lat/--lon;\n"
                     "unableToComplete needs --note.\n\n"
                     "Examples:\n"
                     "  selfcare workorder update WO-DEMO-0001 --status accepted\n"
                     "  selfcare workorder update WO-DEMO-0001 --status enRoute --eta 25 --lat 39.91 --lon 116.40\n"
                     "  selfcare workorder update WO-DEMO-0001 --status completed --note '更换光猫'",
                     {{"--status", "STATUS", "accepted, enRoute, onSite, completed, unableToComplete"},
                      {"--eta", "MINUTES", "minutes until arrival (0-1440); for enRoute"},
                      {"--lat", "DEGREES", "current latitude; for enRoute"},
                      {"--lon", "DEGREES", "current longitude; for enRoute"},
                      {"--note", "TEXT", "a note for the customer and the back office"}},
                     1, 2,
                     {{"id", "ID"}, {"status", "--status"}, {"eta", "--eta"}, {"location", "--lat/--lon"},
                      {"location.latitude", "--lat"}, {"location.longitude", "--lon"}, {"note", "--note"}},
                     workorder});
}

}  // namespace selfcare::cli
