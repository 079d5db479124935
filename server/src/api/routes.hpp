// SPDX-License-Identifier: Apache-2.0
// Route groups, one file each. Every group registers through route() (http/reply.hpp), which
// authenticates and checks the role before the handler runs.
#pragma once

#include "context.hpp"
#include "http/httplib.hpp"

namespace selfcare::server {

void register_health_routes(httplib::Server& server, Context& ctx);
void register_auth_routes(httplib::Server& server, Context& ctx);
void register_account_routes(httplib::Server& server, Context& ctx);
void register_ticket_routes(httplib::Server& server, Context& ctx);
void register_work_order_routes(httplib::Server& server, Context& ctx);
void register_event_routes(httplib::Server& server, Context& ctx);
void register_order_routes(httplib::Server& server, Context& ctx);
void register_loyalty_routes(httplib::Server& server, Context& ctx);
void register_admin_routes(httplib::Server& server, Context& ctx);

}  // namespace selfcare::server
