// SPDX-License-Identifier: Apache-2.0
// /health for load balancers (200 only when the database answers), /openapi.yaml, and the
// test-only clock offset (registered only when the server runs with --test-clock).
#include <fstream>
#include <iterator>

#include "api/routes.hpp"
#include "http/reply.hpp"

extern const char* const kOpenApiYaml;

namespace selfcare::server {

void register_health_routes(httplib::Server& server, Context& ctx) {
    route(server, ctx, "GET", "/health", Access::kPublic, [&ctx](const httplib::Request&, const Principal&) -> Result {
        auto r = ctx.db.query("SELECT 1");
        if (!r) return domain::make_error(domain::ErrorCode::kServer, "server.db_unreachable", "database unreachable", true);
        return Reply{200, {{"status", "ok"}, {"database", ctx.db.backend()}}, {}, {}};
    });
    route(server, ctx, "GET", "/openapi.yaml", Access::kPublic, [](const httplib::Request&, const Principal&) -> Result {
        Reply r;
        r.raw = kOpenApiYaml;
        r.headers = {{"Content-Type", "application/yaml"}};
        return r;
    });
    if (ctx.options.test_clock) {
        route(server, ctx, "POST", "/test/clock", Access::kPublic, [&ctx](const httplib::Request& req, const Principal&) -> Result {
            auto body = json_body(req);
            if (!body) return body.error();
            const Json off = body->value("offsetSeconds", Json());
            if (!off.is_number_integer()) {
                return domain::invalid_argument({{"offsetSeconds", "validation.type", "offsetSeconds must be an integer"}});
            }
            ctx.clock.set_offset(off.get<std::int64_t>());
            return Reply{200, {{"offsetSeconds", ctx.clock.offset()}}, {}, {}};
        });
    }
}

}  // namespace selfcare::server
