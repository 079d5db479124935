// SPDX-License-Identifier: Apache-2.0
// The customer's queries: account (balance, plan, allowances, points), bills (monthly, or one
// month itemised), plans (plans and add-ons that can be ordered), rewards (points and what they
// buy). All work offline from the encrypted cache, marked as such.
#include <iostream>

#include "commands/common.hpp"
#include "subcommand.hpp"
#include "text_table.hpp"

namespace selfcare::cli {
namespace {

using Align = TextTable::Align;

std::string amount_with_unit(const Json& a, const char* key) {
    const std::string n = text_of(a, key);
    return n.empty() ? "" : n + " " + text_of(a, "unit");
}

int account(Context& ctx, const ParsedArgs&) {
    const Json s = ctx.call("account.summary");
    if (ctx.json()) {
        ctx.print_json(s);
        return kExitOk;
    }
    const Json plan = s.value("plan", Json::object());
    std::string plan_text = text_of(plan, "name");
    if (!text_of(plan, "id").empty()) plan_text += " (" + text_of(plan, "id") + ")";
    print_fields(std::cout, {{"Customer", text_of(s, "name")},
                             {"Number", text_of(s, "maskedMsisdn")},
                             {"Plan", plan_text},
                             {"Balance", money(s.value("balance", Json()))},
                             {"Points", text_of(s, "points")},
                             {"As of", local_time(s.value("asOf", Json()))}});
    TextTable allowances({{"ALLOWANCE"}, {"USED", Align::kRight}, {"TOTAL", Align::kRight}, {"LEFT", Align::kRight}});
    for (const auto& a : s.value("allowances", Json::array())) {
        allowances.add_row({text_of(a, "kind"), amount_with_unit(a, "used"), amount_with_unit(a, "total"),
                            amount_with_unit(a, "remaining")});
    }
    if (!allowances.empty()) {
        std::cout << '\n';
        allowances.print(std::cout);
    }
    print_stale_note(s);
    return kExitOk;
}

int bills(Context& ctx, const ParsedArgs& args) {
    if (args.positionals.empty()) {
        const Json list = ctx.call("bills.list");
        if (ctx.json()) {
            ctx.print_json(list);
            return kExitOk;
        }
        TextTable t({{"MONTH"}, {"AMOUNT", Align::kRight}, {"STATE"}, {"CHARGES", Align::kLeft, 48}});
        for (const auto& b : list.value("items", Json::array())) {
            std::string charges;
            for (const auto& line : b.value("items", Json::array())) {
                if (!charges.empty()) charges += ", ";
                charges += text_of(line, "name") + " " + money(line);
            }
            t.add_row({text_of(b, "billingPeriod"), money(b.value("amountDue", Json())), text_of(b, "state"), charges});
        }
        if (t.empty()) std::cout << "No bills.\n";
        else t.print(std::cout);
        print_stale_note(list);
        return kExitOk;
    }
    const Json month = ctx.call("bills.get", {{"month", args.positionals[0]}});
    if (ctx.json()) {
        ctx.print_json(month);
        return kExitOk;
    }
    TextTable t({{"DATE"}, {"TYPE"}, {"QUANTITY", Align::kRight}, {"OTHER PARTY"}, {"CHARGE", Align::kRight}});
    for (const auto& u : month.value("items", Json::array())) {
        t.add_row({local_time(u.value("date", Json())), text_of(u, "usageType"), text_of(u, "quantity"),
                   mask_phone_numbers(text_of(u, "counterpart")), money(u.value("charge", Json()))});
    }
    std::cout << "Usage in " << args.positionals[0] << "\n\n";
    if (t.empty()) std::cout << "No usage.\n";
    else t.print(std::cout);
    print_stale_note(month);
    return kExitOk;
}

void print_offerings(const std::string& title, const Json& list) {
    TextTable t({{"ID"}, {"NAME"}, {"PRICE", Align::kRight}, {"DATA", Align::kRight}, {"VOICE", Align::kRight},
                 {"SMS", Align::kRight}, {"DESCRIPTION", Align::kLeft, 40}});
    for (const auto& p : list.value("items", Json::array())) {
        const auto count = [&](const char* key, const char* unit) {
            const long long n = p.value(key, 0LL);
            return n > 0 ? std::to_string(n) + unit : std::string("-");
        };
        const long long mb = p.value("dataMb", 0LL);
        const std::string data = mb <= 0 ? "-" : mb % 1024 == 0 ? std::to_string(mb / 1024) + " GB" : std::to_string(mb) + " MB";
        t.add_row({text_of(p, "id"), text_of(p, "name"), money(p.value("price", Json())), data, count("voiceMinutes", " min"),
                   count("sms", ""), text_of(p, "description")});
    }
    std::cout << title << "\n";
    if (t.empty()) std::cout << "  none\n";
    else t.print(std::cout, "  ");
}

int plans(Context& ctx, const ParsedArgs&) {
    const Json plan_list = ctx.call("catalog.plans");
    const Json addon_list = ctx.call("catalog.addons");
    if (ctx.json()) {
        ctx.print_json({{"plans", plan_list}, {"addons", addon_list}});
        return kExitOk;
    }
    print_offerings("Plans (monthly price)", plan_list);
    std::cout << '\n';
    print_offerings("Add-ons", addon_list);
    std::cout << "\nOrder one with `selfcare order ID`.\n";
    print_stale_note(plan_list);
    return kExitOk;
}

int rewards(Context& ctx, const ParsedArgs&) {
    const Json balance = ctx.call("loyalty.balance");
    const Json catalog = ctx.call("loyalty.catalog");
    if (ctx.json()) {
        ctx.print_json({{"balance", balance}, {"catalog", catalog}});
        return kExitOk;
    }
    const long long points = balance.value("points", 0LL);
    std::cout << "Points: " << points << "\n\n";
    TextTable t({{"ID"}, {"REWARD"}, {"KIND"}, {"POINTS", Align::kRight}, {""}});
    for (const auto& r : catalog.value("items", Json::array())) {
        const long long cost = r.value("pointsCost", 0LL);
        t.add_row({text_of(r, "id"), text_of(r, "name"), text_of(r, "kind"), std::to_string(cost),
                   cost > points ? "not enough points" : ""});
    }
    if (t.empty()) std::cout << "No rewards.\n";
    else t.print(std::cout);
    std::cout << "\nRedeem one with `selfcare redeem ID`.\n";
    print_stale_note(catalog);
    return kExitOk;
}

}  // namespace

void add_account_commands(std::vector<Subcommand>& table) {
    table.push_back({"account", "", "balance, plan, allowances left and points",
                     "Shows the signed-in customer's account. Offline, the last fetched answer is shown\n"
                     "and marked as such.",
                     {}, 0, 0, {}, account});
    table.push_back({"bills", "[MONTH]", "monthly bills, or one month's itemised usage",
                     "Without MONTH: the bills of recent months, newest first. With MONTH (YYYY-MM): that\n"
                     "month's itemised usage.\n\n"
                     "Examples:\n"
                     "  selfcare bills\n"
                     "  selfcare bills 2026-10",
                     {}, 0, 1, {{"month", "MONTH"}}, bills});
    table.push_back({"plans", "", "plans and add-ons that can be ordered",
                     "Lists the plans (monthly price) and add-on packs with their ids, for `selfcare order`.",
                     {}, 0, 0, {}, plans});
    table.push_back({"rewards", "", "points balance and the rewards they buy",
                     "Shows the points balance and the reward catalog, for `selfcare redeem`.", {}, 0, 0, {}, rewards});
}

}  // namespace selfcare::cli
