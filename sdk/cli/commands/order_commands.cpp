// SPDX-License-Identifier: Apache-2.0
// Spending money and points: order (quote a plan or add-on, show price and effective date,
// confirm, place) and redeem (spend points on a reward). Both land exactly once even when the
// network drops; offline they are saved on the device and sent later.
#include <iostream>

#include "commands/common.hpp"
#include "subcommand.hpp"
#include "text_table.hpp"

namespace selfcare::cli {
namespace {

std::string effective_words(const std::string& effective) {
    if (effective == "now") return "at once";
    if (effective == "nextCycle") return "from the next billing cycle";
    return effective;
}

int order(Context& ctx, const ParsedArgs& args) {
    const Json quote = ctx.call("orders.quote", {{"product_id", args.positionals[0]}});
    const bool eligible = quote.value("eligible", false);
    if (!ctx.json()) {
        std::cout << text_of(quote, "productName") << " (" << text_of(quote, "productId") << ")\n";
        print_fields(std::cout, {{"Change", text_of(quote, "action")},
                                 {"Price", money(quote.value("price", Json()))},
                                 {"Effective", effective_words(text_of(quote, "effective"))},
                                 {"Quote valid until", local_time(quote.value("validUntil", Json()))}},
                     "  ");
    }
    if (!eligible) {
        if (ctx.json()) ctx.print_json(quote);
        const std::string reason = text_of(quote, "reason");
        std::cerr << "selfcare order: not possible now: "
                  << (reason.empty() ? "the quote says this cannot be ordered" : mask_phone_numbers(reason)) << "\n";
        return kExitRefused;
    }
    if (!args.has("--yes") && !confirm("Place this order?")) {
        if (ctx.json()) ctx.print_json(quote);
        std::cerr << "Not ordered.\n";
        return kExitOther;
    }
    const Json placed = ctx.call("orders.place", {{"quote_id", quote["id"]}});
    if (ctx.json()) {
        ctx.print_json({{"quote", quote}, {"order", placed}});
        return write_outcome(placed);
    }
    std::cout << "Ordered: " << text_of(placed, "id") << " (" << text_of(placed, "state") << ")\n";
    return write_outcome(placed);
}

// The reward's entry in the (possibly cached) catalog, to say what is being bought.
Json find_reward(Context& ctx, const std::string& id) {
    try {
        for (const auto& r : ctx.call("loyalty.catalog").value("items", Json::array())) {
            if (text_of(r, "id") == id) return r;
        }
    } catch (const Error&) {
        // Without the catalog the redemption itself still says what is wrong.
    }
    return Json();
}

int redeem(Context& ctx, const ParsedArgs& args) {
    const std::string id = args.positionals[0];
    const Json reward = find_reward(ctx, id);
    if (!args.has("--yes")) {
        const std::string what = reward.is_object()
                                     ? text_of(reward, "name") + " for " + text_of(reward, "pointsCost") + " points"
                                     : id;
        if (!confirm("Redeem " + what + "?")) {
            std::cerr << "Not redeemed.\n";
            return kExitOther;
        }
    }
    const Json r = ctx.call("loyalty.redeem", {{"reward_id", id}});
    if (ctx.json()) {
        ctx.print_json(r);
        return write_outcome(r);
    }
    if (r.value("queued", false)) {
        std::cout << "Redemption of " << id << " saved; the voucher comes when it is sent.\n";
        return write_outcome(r);
    }
    std::cout << "Redeemed: " << text_of(r, "rewardName") << "\n";
    print_fields(std::cout, {{"Voucher code", text_of(r, "voucherCode")},
                             {"Points spent", text_of(r, "points")},
                             {"Points left", text_of(r, "pointsLeft")}},
                 "  ");
    return kExitOk;
}

}  // namespace

void add_order_commands(std::vector<Subcommand>& table) {
    table.push_back({"order", "PRODUCT_ID", "order a plan or add-on: quote, confirm, place",
                     "Gets a quote for PRODUCT_ID (see `selfcare plans`), shows the price and when it takes\n"
                     "effect, asks to confirm (y/N; read from stdin when it is not a terminal) and places\n"
                     "the order. It is charged exactly once even if the answer is lost and it is retried.\n\n"
                     "Example:\n"
                     "  selfcare order A-DATA-10G --yes",
                     {{"--yes", "", "do not ask for confirmation"}},
                     1, 1, {{"product_id", "PRODUCT_ID"}, {"quote_id", "quote"}}, order});
    table.push_back({"redeem", "REWARD_ID", "spend points on a reward",
                     "Redeems REWARD_ID (see `selfcare rewards`) after confirming (y/N) and shows the voucher\n"
                     "code. Points are deducted exactly once; offline it is saved and sent later.\n\n"
                     "Example:\n"
                     "  selfcare redeem R-DATA-5G --yes",
                     {{"--yes", "", "do not ask for confirmation"}},
                     1, 1, {{"reward_id", "REWARD_ID"}}, redeem});
}

}  // namespace selfcare::cli
