// SPDX-License-Identifier: Apache-2.0
// TMF697 work orders for field engineers: their list (by appointment time) and status updates,
// checked against the domain lifecycle and the assignee rule. Completing a work order resolves
// its ticket; every change lands in the ticket's timeline and the event feed.
#include <cmath>
#include <cstdio>

#include "api/routes.hpp"
#include "domain/iso8601.hpp"
#include "domain/work_order.hpp"
#include "http/reply.hpp"
#include "service/feed.hpp"
#include "service/idempotency.hpp"
#include "service/tickets.hpp"

namespace selfcare::server {
namespace {

constexpr const char* kBase = "/tmf-api/workOrderManagement/v4/workOrder";
using domain::WorkOrderStatus;

std::string iso(std::int64_t s) { return domain::format_iso8601(domain::Instant{domain::Duration{s}}); }

std::string coord(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

Json work_order_json(const Context& ctx, const Row& w) {
    // columns: id, ticket_id, assignee, status, latitude, longitude, eta, appointment_start,
    //          appointment_end, created_at, updated_at, address, subcategory, contact, revision
    Json j{{"id", w.text(0)},
           {"href", ctx.options.public_base + kBase + std::string("/") + w.text(0)},
           {"@type", "WorkOrder"},
           {"state", w.text(3)},
           {"assignee", w.text(2)},
           {"relatedEntity", Json::array({{{"id", w.text(1)}, {"role", "troubleTicket"}, {"@referredType", "TroubleTicket"}}})},
           {"orderDate", iso(w.integer(9))},
           {"lastUpdate", iso(w.integer(10))},
           {"eta", w.is_null(6) ? Json(nullptr) : Json(iso(w.integer(6)))},
           {"place", {{"address", w.text(11)}}},
           {"problem", w.text(12)},
           {"contactNumber", w.text(13)},
           // Counts the recorded changes, so a client can tell which of two copies is newer
           // (lastUpdate has whole seconds; two steps often share one).
           {"revision", w.integer(14)}};
    if (!w.is_null(7)) {
        j["appointment"] = {{"validFor", {{"startDateTime", iso(w.integer(7))}, {"endDateTime", iso(w.integer(8))}}}};
    }
    if (!w.is_null(4)) j["location"] = {{"latitude", std::stod(w.text(4))}, {"longitude", std::stod(w.text(5))}};
    return j;
}

constexpr const char* kSelect =
    "SELECT w.id, w.ticket_id, w.assignee, w.status, w.latitude, w.longitude, w.eta, w.appointment_start,"
    " w.appointment_end, w.created_at, w.updated_at, COALESCE(t.address, ''), t.subcategory, t.contact,"
    " (SELECT count(*) FROM work_order_events e WHERE e.work_order_id = w.id)"
    " FROM work_orders w JOIN tickets t ON t.id = w.ticket_id";

// Reads {state, location{latitude,longitude}, etaMinutes, note} into an update; the ETA counts
// from `now`, the moment the engineer decided (recordedAt).
domain::Result<domain::WorkOrderUpdate> read_update(const Json& b, domain::Instant now) {
    domain::FieldErrors errors;
    domain::WorkOrderUpdate u;
    const Json state = b.value("state", Json());
    if (!state.is_string()) {
        errors.push_back({"state", "validation.required", "state is required"});
    } else if (auto s = domain::from_string<WorkOrderStatus>(state.get<std::string>())) {
        u.to = *s;
    } else {
        errors.push_back({"state", "validation.enum", "state is not a work-order status"});
    }
    if (const auto it = b.find("location"); it != b.end() && !it->is_null()) {
        if (!it->is_object() || !it->value("latitude", Json()).is_number() || !it->value("longitude", Json()).is_number()) {
            errors.push_back({"location", "validation.type", "location needs numeric latitude and longitude"});
        } else {
            u.location = domain::GeoPoint{(*it)["latitude"].get<double>(), (*it)["longitude"].get<double>()};
        }
    }
    if (const auto it = b.find("etaMinutes"); it != b.end() && !it->is_null()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > 24 * 60) {
            errors.push_back({"etaMinutes", "validation.out_of_range", "etaMinutes must be a whole number from 0 to 1440"});
        } else {
            u.eta = now + std::chrono::minutes(it->get<std::int64_t>());
        }
    }
    if (const auto it = b.find("note"); it != b.end() && !it->is_null()) {
        if (!it->is_string()) errors.push_back({"note", "validation.type", "note must be a string"});
        else u.note = it->get<std::string>();
    }
    if (!errors.empty()) return domain::invalid_argument(std::move(errors));
    return u;
}


// recordedAt: when the engineer made the change on the device (it may reach us much later, from
// an offline queue). Absent means now. It may not lie in the future beyond clock skew, nor be
// older than a queue is expected to hold.
domain::Result<domain::Instant> recorded_at(const Json& b, domain::Instant now) {
    const auto it = b.find("recordedAt");
    if (it == b.end() || it->is_null()) return now;
    if (!it->is_string()) return domain::invalid_argument({{"recordedAt", "validation.type", "recordedAt must be a date-time"}});
    auto at = domain::parse_iso8601(it->get<std::string>(), "recordedAt");
    if (!at) return at.error();
    if (*at > now + std::chrono::minutes(10) || *at < now - std::chrono::hours(24 * 7)) {
        return domain::invalid_argument({{"recordedAt", "validation.out_of_range",
                                          "recordedAt must be within the last 7 days and not in the future"}});
    }
    return *at;
}

// Checks and applies one update inside `sql`'s transaction; the ticket's timeline follows.
Result apply_update(Sql& sql, Context& ctx, const Principal& who, const std::string& id,
                    const domain::WorkOrderUpdate& update, domain::Instant recorded) {
    auto rows = sql.query("SELECT w.ticket_id, w.assignee, w.status, t.msisdn FROM work_orders w"
                          " JOIN tickets t ON t.id = w.ticket_id WHERE w.id = ?", {id});
    if (!rows) return rows.error();
    if (rows->empty()) return not_found("work order");
    const Row& w = rows->front();
    domain::WorkOrder order;
    order.id = id;
    order.assignee = w.text(1);
    order.status = domain::from_string<WorkOrderStatus>(w.text(2)).value_or(WorkOrderStatus::kCancelled);
    if (auto ok = domain::check_work_order_update(order, who.subject, update, recorded); !ok) {
        // Another engineer's work order is not theirs to see either.
        if (ok.error().code == domain::ErrorCode::kForbidden) return not_found("work order");
        return ok.error();
    }
    const std::int64_t now = ctx.now();
    const std::string to(domain::to_string(update.to));
    const SqlValue lat = update.location ? SqlValue(coord(update.location->latitude)) : SqlValue(nullptr);
    const SqlValue lon = update.location ? SqlValue(coord(update.location->longitude)) : SqlValue(nullptr);
    const SqlValue eta = update.eta ? SqlValue(update.eta->time_since_epoch().count()) : SqlValue(nullptr);
    auto u = sql.execute("UPDATE work_orders SET status = ?, updated_at = ?, latitude = COALESCE(?, latitude),"
                         " longitude = COALESCE(?, longitude), eta = COALESCE(?, eta) WHERE id = ?",
                         {to, now, lat, lon, eta, id});
    if (!u) return u.error();
    auto e = sql.execute("INSERT INTO work_order_events (work_order_id, at, status, actor, note, latitude, longitude, eta,"
                         " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         {id, now, to, who.subject, update.note, lat, lon, eta, recorded.time_since_epoch().count()});
    if (!e) return e.error();
    Json payload{{"id", id}, {"ticketId", w.text(0)}, {"status", to}};
    if (update.eta) payload["eta"] = domain::format_iso8601(*update.eta);
    if (auto f = append_event(sql, now, w.text(3), who.subject, "workorder.updated", id, payload); !f) return f.error();

    // The ticket's own timeline follows the visit.
    const std::string ticket_id = w.text(0);
    if (update.to == WorkOrderStatus::kCompleted) {
        if (auto m = move_ticket(sql, ctx, ticket_id, domain::TicketStatus::kResolved, who.subject,
                                 update.note.empty() ? "repaired on site" : update.note); !m) return m.error();
    } else if (update.to == WorkOrderStatus::kUnableToComplete) {
        if (auto m = move_ticket(sql, ctx, ticket_id, domain::TicketStatus::kHeld, who.subject, update.note); !m) {
            if (m.error().code != domain::ErrorCode::kConflict) return m.error();
        }
    } else {
        auto t = sql.query("SELECT status FROM tickets WHERE id = ?", {ticket_id});
        if (!t) return t.error();
        if (t->front().text(0) == "acknowledged") {
            if (auto m = move_ticket(sql, ctx, ticket_id, domain::TicketStatus::kInProgress, who.subject, "engineer " + to); !m) return m.error();
        } else {
            auto te = sql.execute("INSERT INTO ticket_events (ticket_id, at, status, actor, note) VALUES (?, ?, ?, ?, ?)",
                                  {ticket_id, now, t->front().text(0), who.subject, "engineer " + to});
            if (!te) return te.error();
            if (auto f = append_event(sql, now, w.text(3), "", "ticket.updated", ticket_id,
                                      {{"id", ticket_id}, {"status", t->front().text(0)}}); !f) return f.error();
        }
    }
    auto after = sql.query(std::string(kSelect) + " WHERE w.id = ?", {id});
    if (!after) return after.error();
    return Reply{200, work_order_json(ctx, after->front()), {}, {}};
}
}  // namespace

void register_work_order_routes(httplib::Server& server, Context& ctx) {
    const std::string base = kBase;

    route(server, ctx, "GET", base, Access::kAnyUser, [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        if (who.role == "customer") {
            return domain::make_error(domain::ErrorCode::kForbidden, "auth.forbidden", "work orders are for staff");
        }
        auto page = page_of(req);
        if (!page) return page.error();
        std::string where = who.role == "engineer" ? " WHERE w.assignee = ?" : " WHERE 1 = 1";
        SqlParams params;
        if (who.role == "engineer") params.push_back(who.subject);
        if (req.has_param("state")) {
            if (!domain::from_string<WorkOrderStatus>(req.get_param_value("state"))) {
                return domain::invalid_argument({{"state", "validation.enum", "state is not a work-order status"}});
            }
            where += " AND w.status = ?";
            params.push_back(req.get_param_value("state"));
        }
        auto total = ctx.db.query("SELECT count(*) FROM work_orders w" + where, params);
        if (!total) return total.error();
        SqlParams p = params;
        p.push_back(page->limit);
        p.push_back(page->offset);
        // By appointment time, unscheduled last, so the engineer's day reads top to bottom.
        auto rows = ctx.db.query(std::string(kSelect) + where +
                                     " ORDER BY CASE WHEN w.appointment_start IS NULL THEN 1 ELSE 0 END,"
                                     " w.appointment_start, w.created_at LIMIT ? OFFSET ?",
                                 p);
        if (!rows) return rows.error();
        Json items = Json::array();
        for (const Row& r : *rows) items.push_back(work_order_json(ctx, r));
        return list_reply(std::move(items), total->front().integer(0), *page);
    });

    route(server, ctx, "GET", base + "/([A-Za-z0-9-]{1,40})", Access::kAnyUser,
          [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        auto rows = ctx.db.query(std::string(kSelect) + " WHERE w.id = ?", {std::string(req.matches[1])});
        if (!rows) return rows.error();
        if (rows->empty() || who.role == "customer" || (who.role == "engineer" && rows->front().text(2) != who.subject)) {
            return not_found("work order");
        }
        return Reply{200, work_order_json(ctx, rows->front()), {}, {}};
    });

    route(server, ctx, "PATCH", base + "/([A-Za-z0-9-]{1,40})", Access::kEngineer,
          [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        const std::string id = req.matches[1];
        auto body = json_body(req);
        if (!body) return body.error();
        auto recorded = recorded_at(*body, ctx.clock.now());
        if (!recorded) return recorded.error();
        auto update = read_update(*body, *recorded);
        if (!update) return update.error();
        const auto effect = [&](Sql& sql) { return apply_update(sql, ctx, who, id, *update, *recorded); };
        // Devices that queue updates offline send a key so a resend after a lost answer replays
        // the first answer instead of failing as an illegal (repeated) transition.
        if (req.has_header("Idempotency-Key")) return with_idempotency(ctx, req, who, "workOrderUpdate", effect);
        Result out = Reply{};
        auto tx = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
            out = effect(sql);
            if (!out) return out.error();
            return domain::success();
        });
        if (!tx) return tx.error();
        return out;
    });
}

}  // namespace selfcare::server
