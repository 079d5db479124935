// SPDX-License-Identifier: Apache-2.0
// Route plumbing: JSON replies, TMF error bodies, body parsing with field errors, paging, and the
// wrapper that authenticates, runs a handler and never lets an exception become a 500 page.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "context.hpp"
#include "domain/error.hpp"
#include "domain/result.hpp"
#include "http/httplib.hpp"

namespace selfcare::server {

using Json = nlohmann::json;

/// Who is calling. role: "customer" (subject = msisdn), "engineer" or "admin" (subject = staff id).
struct Principal {
    std::string role;
    std::string subject;
    std::string token_hash;
};

/// A handler's answer.
struct Reply {
    int status = 200;
    Json body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string raw;  ///< when set, sent as-is (a replayed idempotent response)
};

using Result = domain::Result<Reply>;

/// Who may call a route.
/// kCustomerOrKiosk: a customer, or a kiosk delivering on behalf of a customer who signed in
/// there (the handler checks the visit).
enum class Access { kPublic, kCustomer, kEngineer, kAdmin, kAnyUser, kCustomerOrKiosk };

using Handler = std::function<Result(const httplib::Request&, const Principal&)>;

/// Registers `handler` for `method` `pattern` with authentication per `access`, JSON errors,
/// request logging without personal data, and exception containment.
void route(httplib::Server& server, Context& ctx, const std::string& method, const std::string& pattern,
           Access access, Handler handler);

/// Every (method, pattern) registered so far, for the OpenAPI completeness test and /health.
const std::vector<std::pair<std::string, std::string>>& registered_routes();

/// The HTTP status for an error code.
int http_status(const domain::Error& error);

/// The TMF error body: {code, reason, message, status, field?, fields?, @type}.
Json error_body(const domain::Error& error);

/// Parses the request body as a JSON object; kInvalidArgument on field "body" otherwise.
domain::Result<Json> json_body(const httplib::Request& req);

/// offset/limit from the query (defaults 0 and 20, limit at most 100); field errors otherwise.
struct Page {
    std::int64_t offset = 0;
    std::int64_t limit = 20;
};
domain::Result<Page> page_of(const httplib::Request& req);

/// A list reply with X-Total-Count and X-Result-Count; 206 when the page is not everything.
Reply list_reply(Json items, std::int64_t total, const Page& page);

/// Shorthand for a not-found error (also used for other customers' resources: 404, not 403).
domain::Error not_found(const std::string& what);

}  // namespace selfcare::server
