// SPDX-License-Identifier: Apache-2.0
#include "http/reply.hpp"

#include <chrono>
#include <cstdio>
#include <mutex>

#include "domain/privacy.hpp"
#include "security.hpp"

namespace selfcare::server {
namespace {

std::mutex routes_mutex;
std::vector<std::pair<std::string, std::string>>& routes_list() {
    static std::vector<std::pair<std::string, std::string>> list;
    return list;
}

domain::Error unauthenticated(std::string why) {
    return domain::make_error(domain::ErrorCode::kUnauthenticated, "auth.unauthenticated", std::move(why));
}

domain::Result<Principal> authenticate(Context& ctx, const httplib::Request& req) {
    const std::string header = req.get_header_value("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0) {
        return unauthenticated("a bearer token is required");
    }
    const std::string token_hash = sha256_hex(std::string_view(header).substr(kBearer.size()));
    auto rows = ctx.db.query("SELECT role, subject, expires_at FROM tokens WHERE token_hash = ?", {token_hash});
    if (!rows) return rows.error();
    if (rows->empty()) return unauthenticated("the token is not valid");
    if ((*rows)[0].integer(2) <= ctx.now()) return unauthenticated("the token has expired");
    return Principal{(*rows)[0].text(0), (*rows)[0].text(1), token_hash};
}

bool allowed(Access access, const Principal& p) {
    switch (access) {
        case Access::kPublic: return true;
        // A kiosk's own token signs customers in and delivers the fault reports they left in
        // its outbox; it reads nobody's data.
        case Access::kAnyUser: return p.role == "customer" || p.role == "engineer" || p.role == "admin";
        case Access::kCustomer: return p.role == "customer";
        case Access::kCustomerOrKiosk: return p.role == "customer" || p.role == "kiosk";
        case Access::kEngineer: return p.role == "engineer";
        case Access::kAdmin: return p.role == "admin";
    }
    return false;
}

// Request log line: method, route pattern (not the path: ids stay out), status, time, role.
void log_request(const std::string& method, const std::string& pattern, int status,
                 std::chrono::steady_clock::duration took, const std::string& role) {
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(took).count();
    std::fprintf(stderr, "http %s %s %d %lldus %s\n", method.c_str(), pattern.c_str(), status,
                 static_cast<long long>(us), role.empty() ? "-" : role.c_str());
}

void send(httplib::Response& res, const Reply& reply) {
    res.status = reply.status;
    for (const auto& [k, v] : reply.headers) res.set_header(k, v);
    if (!reply.raw.empty()) {
        res.set_content(reply.raw, "application/json");
    } else if (reply.status != 204) {
        res.set_content(reply.body.dump(), "application/json");
    }
}

}  // namespace

int http_status(const domain::Error& e) {
    using domain::ErrorCode;
    switch (e.code) {
        case ErrorCode::kInvalidArgument: return 400;
        case ErrorCode::kUnauthenticated: return 401;
        case ErrorCode::kForbidden: return 403;
        case ErrorCode::kNotFound: return 404;
        case ErrorCode::kConflict: return 409;
        case ErrorCode::kServer: return e.retryable ? 503 : 422;
        default: return 500;
    }
}

Json error_body(const domain::Error& e) {
    Json body{{"code", e.id}, {"reason", std::string(domain::to_string(e.code))}, {"message", e.message},
              {"status", std::to_string(http_status(e))}, {"@type", "Error"}};
    if (!e.field.empty()) body["field"] = e.field;
    if (e.fields.size() > 1) {
        Json fields = Json::array();
        for (const auto& f : e.fields) fields.push_back({{"field", f.field}, {"code", f.id}, {"message", f.message}});
        body["fields"] = std::move(fields);
    }
    return body;
}

void route(httplib::Server& server, Context& ctx, const std::string& method, const std::string& pattern,
           Access access, Handler handler) {
    {
        std::lock_guard lock(routes_mutex);
        routes_list().emplace_back(method, pattern);
    }
    auto wrapped = [&ctx, method, pattern, access, handler = std::move(handler)](
                       const httplib::Request& req, httplib::Response& res) {
        const auto start = std::chrono::steady_clock::now();
        Principal principal;
        Reply reply;
        try {
            Result result = [&]() -> Result {
                if (access != Access::kPublic) {
                    auto who = authenticate(ctx, req);
                    if (!who) return who.error();
                    principal = std::move(who).value();
                    if (!allowed(access, principal)) {
                        return domain::make_error(domain::ErrorCode::kForbidden, "auth.forbidden",
                                                  "this route needs another role");
                    }
                }
                return handler(req, principal);
            }();
            if (result) {
                reply = std::move(result).value();
            } else {
                reply.status = http_status(result.error());
                reply.body = error_body(result.error());
            }
        } catch (const std::exception&) {
            const auto e = domain::make_error(domain::ErrorCode::kInternal, "server.internal", "unexpected failure");
            reply.status = 500;
            reply.body = error_body(e);
        }
        send(res, reply);
        log_request(method, pattern, reply.status, std::chrono::steady_clock::now() - start, principal.role);
    };
    if (method == "GET") server.Get(pattern, wrapped);
    else if (method == "POST") server.Post(pattern, wrapped);
    else if (method == "PATCH") server.Patch(pattern, wrapped);
    else if (method == "DELETE") server.Delete(pattern, wrapped);
    else if (method == "PUT") server.Put(pattern, wrapped);
}

const std::vector<std::pair<std::string, std::string>>& registered_routes() { return routes_list(); }

domain::Result<Json> json_body(const httplib::Request& req) {
    Json body = Json::parse(req.body, nullptr, false);
    if (body.is_discarded()) {
        return domain::invalid_argument({{"body", "validation.json", "body is not well-formed JSON"}});
    }
    if (!body.is_object()) {
        return domain::invalid_argument({{"body", "validation.object", "body must be a JSON object"}});
    }
    return body;
}

domain::Result<Page> page_of(const httplib::Request& req) {
    Page page;
    domain::FieldErrors errors;
    const auto read = [&](const char* name, std::int64_t& out, std::int64_t lo, std::int64_t hi) {
        if (!req.has_param(name)) return;
        const std::string v = req.get_param_value(name);
        try {
            std::size_t used = 0;
            const long long n = std::stoll(v, &used);
            if (used != v.size() || n < lo || n > hi) throw std::out_of_range(name);
            out = n;
        } catch (const std::exception&) {
            errors.push_back({name, "validation.out_of_range",
                              std::string(name) + " must be an integer from " + std::to_string(lo) +
                                  " to " + std::to_string(hi)});
        }
    };
    read("offset", page.offset, 0, 1'000'000);
    read("limit", page.limit, 1, 100);
    if (!errors.empty()) return domain::invalid_argument(std::move(errors));
    return page;
}

Reply list_reply(Json items, std::int64_t total, const Page& page) {
    Reply r;
    const auto count = static_cast<std::int64_t>(items.size());
    r.status = page.offset == 0 && count >= total ? 200 : 206;
    r.body = std::move(items);
    r.headers = {{"X-Total-Count", std::to_string(total)}, {"X-Result-Count", std::to_string(count)}};
    return r;
}

domain::Error not_found(const std::string& what) {
    return domain::make_error(domain::ErrorCode::kNotFound, "server.not_found", what + " not found");
}

}  // namespace selfcare::server
