// SPDX-License-Identifier: Apache-2.0
#include "capi/commands.hpp"

#include <algorithm>

#include "capi/client.hpp"
#include "flows/auth_flow.hpp"
#include "flows/order_flow.hpp"
#include "flows/query_flow.hpp"
#include "flows/sync_flow.hpp"
#include "flows/ticket_flow.hpp"
#include "flows/work_order_flow.hpp"
#include "store/migrations.hpp"

namespace selfcare::capi {
namespace {

Json object_schema(Json properties = Json::object(), Json required = Json::array()) {
    return Json{{"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}

Json catalog_json() {
    Json list = Json::array();
    for (const Command& c : command_table()) {
        list.push_back({{"name", c.name}, {"summary", c.summary}, {"args", c.args},
                        {"result", c.result}, {"offline", c.offline}});
    }
    return Json{{"commands", std::move(list)}};
}

domain::Result<Reply> sdk_commands(Client&, const Json&) { return Reply{catalog_json()}; }

domain::Result<Reply> sdk_info(Client& client, const Json&) {
    auto pending = client.store().outbox_pending_count();
    if (!pending) return pending.error();
    const auto& info = client.store().info();
    const auto& cfg = client.config();
    return Reply{Json{
        {"sdk_version", "0.1.0"},
        {"abi_version", SC_ABI_VERSION},
        {"data_dir", cfg.data_dir.string()},
        {"server", cfg.server},
        {"device", {{"kind", to_string(cfg.device_kind)}, {"id", cfg.device_id}, {"store_id", cfg.store_id}}},
        {"locale", cfg.locale},
        {"store", {{"state", "open"},
                   {"schema_version", info.schema_version},
                   {"latest_schema_version", store::latest_schema_version()},
                   {"created_this_open", info.created},
                   {"outbox_pending", *pending}}},
    }};
}

// Adapts a flow function to a handler.
Handler flow(domain::Result<Json> (*fn)(flows::FlowContext&, const Json&)) {
    return [fn](Client& client, const Json& args) -> domain::Result<Reply> {
        auto r = fn(client.flows(), args);
        if (!r) return r.error();
        return Reply{std::move(r).value()};
    };
}

domain::Result<Reply> tickets_create(Client& client, const Json& args) {
    bool queued = false;
    auto r = flows::create_ticket(client.flows(), args, queued);
    if (!r) return r.error();
    return Reply{std::move(r).value(), queued};
}

// A write that may be queued: SC_E_OFFLINE_QUEUED with a usable result when it was.
template <domain::Result<Json> (*Fn)(flows::FlowContext&, const Json&, bool&)>
domain::Result<Reply> queued_write(Client& client, const Json& args) {
    bool queued = false;
    auto r = Fn(client.flows(), args, queued);
    if (!r) return r.error();
    return Reply{std::move(r).value(), queued};
}

Json string_prop(const char* description) { return {{"type", "string"}, {"description", description}}; }

Json list_schema() {
    return object_schema({{"items", {{"type", "array"}}}, {"stale", {{"type", "boolean"}}},
                          {"fetched_at", {{"type", "string"}, {"format", "date-time"}}}},
                         {"items", "stale", "fetched_at"});
}

std::vector<Command> build_table() {
    std::vector<Command> table{
        {"sdk.commands", "the catalog of commands with their argument and result schemas",
         object_schema(), object_schema({{"commands", {{"type", "array"}}}}, {"commands"}), true,
         sdk_commands},
        {"sdk.info", "versions, data folder, device and store state",
         object_schema(),
         object_schema({{"sdk_version", {{"type", "string"}}}, {"abi_version", {{"type", "integer"}}},
                        {"store", {{"type", "object"}}}},
                       {"sdk_version", "abi_version", "store"}),
         true, sdk_info},
        {"auth.request_otp", "send a one-time code by SMS to a customer's number",
         object_schema({{"msisdn", string_prop("mainland mobile number, +86 optional")}}, {"msisdn"}),
         object_schema({{"sent", {{"type", "boolean"}}}}), false, flow(flows::request_otp)},
        {"auth.login", "sign a customer in with the SMS code or the service password",
         object_schema({{"msisdn", string_prop("mobile number")}, {"otp", string_prop("6-digit SMS code")},
                        {"service_password", string_prop("instead of otp")}},
                       {"msisdn"}),
         object_schema({{"role", {{"type", "string"}}}, {"subject", string_prop("masked number")}}), false,
         flow(flows::login)},
        {"auth.login_staff", "sign a field engineer or admin in",
         object_schema({{"staff_id", string_prop("e.g. E1001")}, {"password", string_prop("staff password")}},
                       {"staff_id", "password"}),
         object_schema({{"role", {{"type", "string"}}}}), false, flow(flows::login_staff)},
        {"auth.logout", "end the session (the server token is revoked when reachable)", object_schema(),
         object_schema({{"signed_out", {{"type", "boolean"}}}}), true, flow(flows::logout)},
        {"account.summary", "balance, plan, allowances left and points; cached for offline use",
         object_schema(),
         object_schema({{"balance", {{"type", "object"}}}, {"stale", {{"type", "boolean"}}},
                        {"fetched_at", {{"type", "string"}, {"format", "date-time"}}}},
                       {"stale", "fetched_at"}),
         true, flow(flows::account_summary)},
        {"bills.list", "monthly bills, newest first; cached", object_schema(), list_schema(), true, flow(flows::bills_list)},
        {"bills.get", "one month's itemised usage; cached",
         object_schema({{"month", string_prop("YYYY-MM")}}, {"month"}), list_schema(), true, flow(flows::bills_get)},
        {"catalog.plans", "plans that can be ordered; cached", object_schema(), list_schema(), true, flow(flows::catalog_plans)},
        {"catalog.addons", "add-on packs that can be ordered; cached", object_schema(), list_schema(), true,
         flow(flows::catalog_addons)},
        {"kb.search", "FAQ and self-troubleshooting articles",
         object_schema({{"q", string_prop("search words")}, {"locale", string_prop("zh-CN or en")}}, {"q"}),
         object_schema({{"items", {{"type", "array"}}}}, {"items"}), false, flow(flows::kb_search)},
        {"notices.list", "notices for the customer's area; cached", object_schema(), list_schema(), true,
         flow(flows::notices_list)},
        {"loyalty.balance", "points balance; cached", object_schema(),
         object_schema({{"points", {{"type", "integer"}}}}), true, flow(flows::loyalty_balance)},
        {"loyalty.catalog", "rewards points can buy; cached", object_schema(), list_schema(), true,
         flow(flows::loyalty_catalog)},
        {"loyalty.history", "redemptions and granted compensation; cached", object_schema(), list_schema(), true,
         flow(flows::loyalty_history)},
        {"orders.list", "the customer's orders; cached", object_schema(), list_schema(), true, flow(flows::orders_list)},
        {"tickets.create", "report a fault or complaint; queued on the device when offline (SC_E_OFFLINE_QUEUED)",
         object_schema({{"category", string_prop("business, service or network")},
                        {"subcategory", string_prop("e.g. broadbandDown")},
                        {"description", string_prop("5-1000 characters")},
                        {"contact", string_prop("mobile number to call back")},
                        {"severity", string_prop("critical, major or minor")},
                        {"channel", string_prop("kiosk, app, hotline, web or store")},
                        {"address", {{"type", "object"}}},
                        {"diagnostics", {{"type", "object"}}},
                        {"appointment", {{"type", "object"}}}},
                       {"category", "subcategory", "description", "contact"}),
         object_schema({{"id", {{"type", "string"}}}, {"status", {{"type", "string"}}}, {"queued", {{"type", "boolean"}}}}),
         true, tickets_create},
        {"tickets.list", "the customer's tickets, including those still queued; cached", object_schema(), list_schema(), true,
         flow(flows::list_tickets)},
        {"tickets.get", "one ticket with timeline, deadlines, work order and engineer ETA; cached",
         object_schema({{"id", string_prop("ticket id or local reference")}}, {"id"}),
         object_schema({{"status", {{"type", "string"}}}}), true, flow(flows::get_ticket)},
        {"sync.now", "send what is queued, in order", object_schema(),
         object_schema({{"sent", {{"type", "integer"}}}, {"pending", {{"type", "integer"}}}}), true, flow(flows::sync_now)},
        {"sync.status", "what is queued (in all and by command), what failed, last success and last error, online", object_schema(),
         object_schema({{"pending", {{"type", "integer"}}}, {"pending_by_command", {{"type", "object"}}},
                        {"failed", {{"type", "integer"}}}, {"online", {{"type", {"boolean", "null"}}}}}),
         true,
         flow(flows::sync_status)},
        {"orders.quote", "price, effective date and eligibility of one change (online only)",
         object_schema({{"product_id", string_prop("plan or add-on id")}}, {"product_id"}),
         object_schema({{"id", string_prop("quote id")}, {"eligible", {{"type", "boolean"}}}}), false, flow(flows::quote)},
        {"orders.place", "order a quote; exactly once even when retried; queued when offline",
         object_schema({{"quote_id", string_prop("from orders.quote")}}, {"quote_id"}),
         object_schema({{"id", {{"type", "string"}}}, {"state", {{"type", "string"}}}}), true,
         queued_write<flows::place_order>},
        {"orders.cancel", "ask to cancel an order (refused once the point of no return has passed)",
         object_schema({{"id", string_prop("order id")}}, {"id"}), object_schema(), false, flow(flows::cancel_order)},
        {"tickets.rate", "rate a resolved ticket 1-5; closes it, or reopens it with reopen=true",
         object_schema({{"id", string_prop("ticket id")}, {"score", {{"type", "integer"}, {"minimum", 1}, {"maximum", 5}}},
                        {"comment", string_prop("optional")}, {"reopen", {{"type", "boolean"}}}},
                       {"id", "score"}),
         object_schema({{"status", {{"type", "string"}}}}), false, flow(flows::rate_ticket)},
        {"loyalty.redeem", "spend points on a reward; points deducted exactly once; queued when offline",
         object_schema({{"reward_id", string_prop("from loyalty.catalog")}}, {"reward_id"}),
         object_schema({{"voucherCode", {{"type", "string"}}}}), true, queued_write<flows::redeem>},
        {"workorders.list", "the signed-in engineer's work orders by appointment time; cached, with queued updates laid over",
         object_schema({{"state", string_prop("only work orders in this state")}}), list_schema(), true,
         flow(flows::list_work_orders)},
        {"workorders.update",
         "move a work order (accepted, enRoute with location and eta, onSite, completed, unableToComplete with note); "
         "checked against the lifecycle on the device, stamped with the device's time; queued when offline",
         object_schema({{"id", string_prop("work order id")},
                        {"status", string_prop("accepted, enRoute, onSite, completed, unableToComplete or cancelled")},
                        {"location", {{"type", "object"}, {"description", "{latitude, longitude}; required for enRoute"}}},
                        {"eta", {{"type", "integer"}, {"minimum", 0}, {"maximum", 1440},
                                 {"description", "minutes until arrival; required for enRoute"}}},
                        {"note", string_prop("required for unableToComplete")}},
                       {"id", "status"}),
         object_schema({{"id", {{"type", "string"}}}, {"state", {{"type", "string"}}}, {"queued", {{"type", "boolean"}}}}),
         true, queued_write<flows::update_work_order>},
        {"orders.get", "one order; cached", object_schema({{"id", string_prop("order id")}}, {"id"}),
         object_schema({{"state", {{"type", "string"}}}}), true, flow(flows::orders_get)},
    };
    std::sort(table.begin(), table.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
    return table;
}

}  // namespace

const std::vector<Command>& command_table() {
    static const std::vector<Command> table = build_table();
    return table;
}

const Command* find_command(std::string_view name) {
    const auto& table = command_table();
    const auto it = std::find_if(table.begin(), table.end(), [&](const Command& c) { return c.name == name; });
    return it == table.end() ? nullptr : &*it;
}

}  // namespace selfcare::capi
