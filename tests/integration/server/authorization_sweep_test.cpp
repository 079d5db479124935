// SPDX-License-Identifier: Apache-2.0
// The authorization sweep: for every operation in the served openapi.yaml, the wrong callers -
// no token, an expired token of every role, a forged token, every role the operation's x-roles
// leaves out, and another member of a role in x-owned-by - get the status the document gives
// them (401, 403 or 404, each listed in the operation's responses), learn nothing of the owner's
// data, and change nothing: the owners read everything back unchanged afterwards.
// auth_test.cpp holds the hand-written matrix for a few routes; this covers all of them, and an
// operation added to the document without a request below fails here.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "support/server_process.hpp"

using namespace selfcare::test;
using nlohmann::json;

namespace {

const std::vector<std::string> kRoles = {"customer", "engineer", "admin", "kiosk"};
constexpr const char* kOtherCustomer = "13900139000";
constexpr const char* kOtherEngineer = "E1002";
constexpr const char* kOtherEngineerPassword = "demo1002";
constexpr const char* kSweepDevice = "K-SWEEP01";

// One operation as the document describes it.
struct Operation {
    std::string method;  // upper case
    std::string path;    // as in the document, e.g. /tmf-api/troubleTicket/v4/troubleTicket/{id}
    bool is_public = false;
    std::set<std::string> roles, not_found_for, owned_by, documented;
    std::string name() const { return method + " " + path; }
};

std::set<std::string> string_set(const YAML::Node& list) {
    std::set<std::string> out;
    if (list) {
        for (const auto& item : list) out.insert(item.as<std::string>());
    }
    return out;
}

std::vector<Operation> operations_of(const std::string& yaml) {
    const YAML::Node doc = YAML::Load(yaml);
    std::vector<Operation> ops;
    for (const auto& path : doc["paths"]) {
        for (const auto& entry : path.second) {
            std::string method = entry.first.as<std::string>();
            if (method != "get" && method != "post" && method != "patch" && method != "put" && method != "delete") continue;
            const YAML::Node op = entry.second;
            Operation o;
            for (auto& ch : method) ch = static_cast<char>(std::toupper(ch));
            o.method = method;
            o.path = path.first.as<std::string>();
            o.is_public = op["security"] && op["security"].IsSequence() && op["security"].size() == 0;
            o.roles = string_set(op["x-roles"]);
            o.not_found_for = string_set(op["x-not-found-for"]);
            o.owned_by = string_set(op["x-owned-by"]);
            for (const auto& r : op["responses"]) o.documented.insert(r.first.as<std::string>());
            ops.push_back(std::move(o));
        }
    }
    return ops;
}

// A request that the operation's rightful caller could make and that would change or reveal
// the demo customer's (or the demo engineer's) records if a wrong caller got through.
struct Sample {
    std::string target;  // path with ids and query
    json body;           // null for no body
    httplib::Headers headers;
};

// Identities, each with a token.
struct Callers {
    std::map<std::string, std::string> valid;    // role -> token of the resources' owner (or any)
    std::map<std::string, std::string> expired;  // role -> a token that has expired
    std::map<std::string, std::string> stranger; // role -> a member of that role who owns nothing here
};

std::string sign_in(ApiClient& c, const std::string& role) {
    ApiClient::Response r;
    if (role == "customer") r = c.login_customer(kDemoCustomer);
    else if (role == "engineer") r = c.login_staff(kDemoEngineer, kDemoEngineerPassword);
    else if (role == "admin") r = c.login_staff("A0001", "admin0001");
    else r = c.post("/auth/token", {{"device_id", "K-DC01"}, {"device_secret", "demo-kiosk-secret-0001"}});
    REQUIRE_MESSAGE(r.status == 201, role);
    return r.body["access_token"];
}

// Drops what changes by itself with the clock (the time an answer was made).
json without_clock(json j) {
    if (j.is_object()) {
        j.erase("asOf");
        for (auto& [k, v] : j.items()) v = without_clock(v);
    } else if (j.is_array()) {
        for (auto& v : j) v = without_clock(v);
    }
    return j;
}

// What the owners see: read before and after the sweep, must not differ.
std::map<std::string, json> owners_view(ApiClient& customer, ApiClient& engineer, ApiClient& admin) {
    std::map<std::string, json> view;
    const auto read = [&](const std::string& who, ApiClient& c, const std::string& path) {
        auto r = c.get(path);
        REQUIRE_MESSAGE(r.status == 200, who << " " << path);
        view[who + " " + path] = without_clock(r.body);
    };
    for (const std::string path : {"/selfcare/v1/account", "/tmf-api/troubleTicket/v4/troubleTicket?limit=100",
                                   "/tmf-api/productOrderingManagement/v4/productOrder?limit=100",
                                   "/tmf-api/loyalty/v4/loyaltyAccount", "/tmf-api/loyalty/v4/redemption?limit=100",
                                   "/selfcare/v1/events?after=0&wait=0"}) {
        read("customer", customer, path);
    }
    read("engineer", engineer, "/tmf-api/workOrderManagement/v4/workOrder?limit=100");
    read("engineer", engineer, "/selfcare/v1/events?after=0&wait=0");
    read("admin", admin, "/tmf-api/troubleTicket/v4/troubleTicket?limit=100");
    read("admin", admin, "/tmf-api/workOrderManagement/v4/workOrder?limit=100");
    read("admin", admin, "/selfcare/v1/events?after=0&wait=0");
    return view;
}

}  // namespace

TEST_CASE("authorization sweep: every route in openapi.yaml refuses the wrong callers and changes nothing") {
    ServerProcess server;
    ApiClient customer(server), engineer(server), admin(server), kiosk(server);
    ApiClient other_customer(server), other_engineer(server), minting(server);
    Callers callers;
    callers.valid["customer"] = sign_in(customer, "customer");
    callers.valid["engineer"] = sign_in(engineer, "engineer");
    callers.valid["admin"] = sign_in(admin, "admin");
    callers.valid["kiosk"] = sign_in(kiosk, "kiosk");
    REQUIRE(other_customer.login_customer(kOtherCustomer).status == 201);
    REQUIRE(other_engineer.login_staff(kOtherEngineer, kOtherEngineerPassword).status == 201);
    callers.stranger["customer"] = other_customer.token();
    callers.stranger["engineer"] = other_engineer.token();

    // Tokens that have expired: issued 13 hours ago (longer than any role's lifetime), so time
    // is back where it was for the sweep and nothing else ages.
    REQUIRE(minting.post("/test/clock", {{"offsetSeconds", -13 * 3600}}).status == 200);
    for (const auto& role : kRoles) callers.expired[role] = sign_in(minting, role);
    REQUIRE(minting.post("/test/clock", {{"offsetSeconds", 0}}).status == 200);

    // The demo customer's own order, and a quote not yet ordered, for the routes that name them.
    const std::string orders = "/tmf-api/productOrderingManagement/v4";
    auto quote = customer.post(orders + "/quote", {{"productId", "A-GAME"}});
    REQUIRE(quote.status == 201);
    auto order = customer.post(orders + "/productOrder", {{"quoteId", quote.body["id"]}}, {{"Idempotency-Key", "sweep-setup"}});
    REQUIRE(order.status == 201);
    const std::string order_id = order.body["id"];
    auto open_quote = customer.post(orders + "/quote", {{"productId", "A-CLOUD-200G"}});
    REQUIRE(open_quote.status == 201);
    const std::string quote_id = open_quote.body["id"];

    const std::string tickets = "/tmf-api/troubleTicket/v4/troubleTicket";
    const std::string work_orders = "/tmf-api/workOrderManagement/v4/workOrder";
    const json ticket_draft{{"ticketType", "network"}, {"subcategory", "noSignal"},
                            {"description", "no signal at home since this morning"}, {"contactNumber", kDemoCustomer},
                            {"externalId", "sweep-ticket"}};
    const httplib::Headers keyed{{"Idempotency-Key", "sweep-key"}};
    // Every operation of the document, by "METHOD path": a request its rightful caller could make.
    const std::map<std::string, Sample> samples = {
        {"GET /health", {"/health", nullptr, {}}},
        {"GET /openapi.yaml", {"/openapi.yaml", nullptr, {}}},
        {"POST /test/clock", {"/test/clock", {{"offsetSeconds", 0}}, {}}},
        {"POST /auth/otp", {"/auth/otp", json::object(), {}}},
        {"POST /auth/token", {"/auth/token", json::object(), {}}},
        {"POST /auth/logout", {"/auth/logout", json::object(), {}}},
        {"GET /selfcare/v1/account", {"/selfcare/v1/account", nullptr, {}}},
        {"GET /tmf-api/customerBillManagement/v4/customerBill", {"/tmf-api/customerBillManagement/v4/customerBill", nullptr, {}}},
        {"GET /tmf-api/usageConsumption/v4/usage", {"/tmf-api/usageConsumption/v4/usage?month=2026-10", nullptr, {}}},
        {"GET /tmf-api/productCatalogManagement/v4/productOffering", {"/tmf-api/productCatalogManagement/v4/productOffering", nullptr, {}}},
        {"GET /selfcare/v1/kb", {"/selfcare/v1/kb?q=signal", nullptr, {}}},
        {"GET /selfcare/v1/notices", {"/selfcare/v1/notices", nullptr, {}}},
        {"POST " + tickets, {tickets, ticket_draft, {}}},
        {"GET " + tickets, {tickets + "?limit=100", nullptr, {}}},
        {"GET " + tickets + "/{id}", {tickets + "/TT-DEMO-0001", nullptr, {}}},
        {"PATCH " + tickets + "/{id}", {tickets + "/TT-DEMO-0002", {{"status", "cancelled"}}, {}}},
        {"POST " + tickets + "/{id}/rating", {tickets + "/TT-DEMO-0003/rating", {{"score", 5}}, {}}},
        {"GET " + work_orders, {work_orders + "?limit=100", nullptr, {}}},
        {"GET " + work_orders + "/{id}", {work_orders + "/WO-DEMO-0001", nullptr, {}}},
        {"PATCH " + work_orders + "/{id}", {work_orders + "/WO-DEMO-0001", {{"state", "accepted"}}, keyed}},
        {"POST " + orders + "/quote", {orders + "/quote", {{"productId", "A-DATA-10G"}}, {}}},
        {"POST " + orders + "/productOrder", {orders + "/productOrder", {{"quoteId", quote_id}}, keyed}},
        {"GET " + orders + "/productOrder", {orders + "/productOrder", nullptr, {}}},
        {"GET " + orders + "/productOrder/{id}", {orders + "/productOrder/" + order_id, nullptr, {}}},
        {"POST " + orders + "/cancelProductOrder", {orders + "/cancelProductOrder", {{"productOrder", {{"id", order_id}}}}, {}}},
        {"GET /tmf-api/loyalty/v4/loyaltyAccount", {"/tmf-api/loyalty/v4/loyaltyAccount", nullptr, {}}},
        {"GET /tmf-api/loyalty/v4/reward", {"/tmf-api/loyalty/v4/reward", nullptr, {}}},
        {"POST /tmf-api/loyalty/v4/redemption", {"/tmf-api/loyalty/v4/redemption", {{"rewardId", "R-VIDEO-M"}}, keyed}},
        {"GET /tmf-api/loyalty/v4/redemption", {"/tmf-api/loyalty/v4/redemption", nullptr, {}}},
        {"GET /selfcare/v1/events", {"/selfcare/v1/events?after=0&wait=0", nullptr, {}}},
        {"GET /selfcare/v1/admin/metrics", {"/selfcare/v1/admin/metrics", nullptr, {}}},
        {"POST /selfcare/v1/admin/devices", {"/selfcare/v1/admin/devices", {{"id", kSweepDevice}, {"storeId", "S-DC01"}}, {}}},
        {"POST /selfcare/v1/admin/sla/sweep", {"/selfcare/v1/admin/sla/sweep", json::object(), {}}},
    };
    // What must never reach a wrong caller: the demo customer's number, name, address and ids.
    const std::vector<std::string> owner_secrets = {kDemoCustomer, "138****8000", "王秀兰", "幸福路",
                                                    "TT-DEMO-", order_id, quote_id};

    const auto before = owners_view(customer, engineer, admin);
    auto spec = customer.get("/openapi.yaml");
    REQUIRE(spec.status == 200);
    const auto ops = operations_of(spec.raw);
    REQUIRE(ops.size() >= 30);

    ApiClient probe(server);
    const auto send = [&](const Sample& s, const std::string& method, const std::string& token) {
        probe.set_token(token);
        return probe.send(method, s.target, s.body.is_null() ? "" : s.body.dump(), s.headers);
    };
    int requests = 0;
    std::set<std::string> covered;
    for (const auto& op : ops) {
        CAPTURE(op.name());
        const auto sample = samples.find(op.name());
        REQUIRE_MESSAGE(sample != samples.end(), "no sweep request for " << op.name() << ": add one to `samples`");
        covered.insert(op.name());
        const Sample& s = sample->second;

        // Answers `expected`, which the document lists for the operation, as an error document
        // that names nobody's data.
        const auto expect = [&](const std::string& who, const std::string& token, int expected) {
            CAPTURE(who);
            CHECK_MESSAGE(op.documented.count(std::to_string(expected)) == 1,
                          "the document does not list " << expected << " for " << op.name());
            auto r = send(s, op.method, token);
            ++requests;
            CHECK(r.status == expected);
            const auto field = [&](const char* name) {
                return r.body.is_object() && r.body.contains(name) && r.body[name].is_string() ? r.body[name].get<std::string>() : "";
            };
            CHECK(field("status") == std::to_string(expected));
            CHECK(field("code") == (expected == 401   ? "auth.unauthenticated"
                                               : expected == 403 ? "auth.forbidden"
                                                                 : "server.not_found"));
            for (const auto& secret : owner_secrets) CHECK_MESSAGE(r.raw.find(secret) == std::string::npos, secret);
        };

        if (op.is_public) {
            // Public routes answer without a token (these requests are harmless by construction).
            auto r = send(s, op.method, "");
            ++requests;
            CHECK(r.status != 401);
            CHECK(r.status != 403);
            CHECK(r.status < 500);
            continue;
        }
        REQUIRE_MESSAGE(!op.roles.empty(), op.name() << " uses the bearer scheme but has no x-roles");
        expect("no token", "", 401);
        expect("a forged token", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 401);
        for (const auto& role : kRoles) expect("an expired " + role + " token", callers.expired[role], 401);
        for (const auto& role : kRoles) {
            if (op.roles.count(role) == 0) expect("a " + role, callers.valid[role], op.not_found_for.count(role) ? 404 : 403);
        }
        for (const auto& role : op.owned_by) {
            REQUIRE(callers.stranger.count(role) == 1);
            expect("another " + role, callers.stranger[role], 404);
        }
        // Where another customer may call the route, what they get is theirs, never the owner's.
        if (op.roles.count("customer") && op.owned_by.count("customer") == 0 && op.method == "GET") {
            auto r = send(s, op.method, callers.stranger["customer"]);
            ++requests;
            CHECK(r.status == 200);
            for (const auto& secret : owner_secrets) CHECK_MESSAGE(r.raw.find(secret) == std::string::npos, secret);
        }
    }
    for (const auto& [name, sample] : samples) CHECK_MESSAGE(covered.count(name) == 1, name << " is not in openapi.yaml");
    MESSAGE("authorization sweep: " << ops.size() << " operations, " << requests << " requests");

    // Nothing changed: the owners see exactly what they saw, and no device was registered.
    const auto after = owners_view(customer, engineer, admin);
    for (const auto& [what, seen] : before) {
        CAPTURE(what);
        CHECK(after.at(what) == seen);
    }
    CHECK(admin.post("/selfcare/v1/admin/devices", {{"id", kSweepDevice}, {"storeId", "S-DC01"}}).status == 201);
    CHECK(server.stop() == 0);
}
