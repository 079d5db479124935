// SPDX-License-Identifier: Apache-2.0
// Ticket operations shared by the routes, the work-order routes and the SLA sweep. All run
// inside the caller's transaction and enforce the domain lifecycle.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "context.hpp"
#include "domain/sla.hpp"
#include "domain/ticket_lifecycle.hpp"
#include "storage/database.hpp"

namespace selfcare::server {

/// Moves a ticket to `to` if the lifecycle allows it: updates status, first response and
/// resolution times, appends the timeline entry and a feed event.
/// Errors: "server.not_found", "ticket.illegal_transition" (kConflict).
domain::Result<void> move_ticket(Sql& sql, const Context& ctx, const std::string& id,
                                 domain::TicketStatus to, const std::string& actor, const std::string& note);

/// A ticket's SLA standing now, from its stored times (seconds since the epoch; a missing
/// first response or resolution as std::nullopt), under the server's policy.
domain::SlaStanding stored_standing(const Context& ctx, std::int64_t created_at, std::int64_t acknowledge_by,
                                    std::int64_t resolve_by, std::optional<std::int64_t> first_response_at,
                                    std::optional<std::int64_t> resolved_at, bool repeat);

/// The ticket as the API returns it (TMF621 shape plus deadlines, SLA standing, timeline and the
/// work order with the engineer's position and ETA). std::nullopt when it does not exist.
domain::Result<std::optional<nlohmann::json>> ticket_document(Sql& sql, const Context& ctx, const std::string& id);

}  // namespace selfcare::server
