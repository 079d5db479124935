// SPDX-License-Identifier: Apache-2.0
#include "service/tickets.hpp"

#include "domain/iso8601.hpp"
#include "domain/sla.hpp"
#include "service/feed.hpp"

namespace selfcare::server {
namespace {

using Json = nlohmann::json;
using domain::TicketStatus;

domain::Instant at(std::int64_t s) { return domain::Instant{domain::Duration{s}}; }
std::string iso(std::int64_t s) { return domain::format_iso8601(at(s)); }
Json iso_or_null(const Row& r, std::size_t i) { return r.is_null(i) ? Json(nullptr) : Json(iso(r.integer(i))); }

}  // namespace

domain::SlaStanding stored_standing(const Context& ctx, std::int64_t created_at, std::int64_t acknowledge_by,
                                    std::int64_t resolve_by, std::optional<std::int64_t> first_response_at,
                                    std::optional<std::int64_t> resolved_at, bool repeat) {
    domain::SlaDeadlines deadlines;
    deadlines.created_at = at(created_at);
    deadlines.acknowledge_by = at(acknowledge_by);
    deadlines.resolve_by = at(resolve_by);
    deadlines.escalation_step = ctx.sla.escalation_step;
    domain::SlaProgress progress;
    if (first_response_at) progress.first_response_at = at(*first_response_at);
    if (resolved_at) progress.resolved_at = at(*resolved_at);
    progress.repeat = repeat;
    return domain::evaluate_sla(deadlines, progress, ctx.clock.now());
}

domain::Result<void> move_ticket(Sql& sql, const Context& ctx, const std::string& id, TicketStatus to,
                                 const std::string& actor, const std::string& note) {
    auto rows = sql.query("SELECT status, msisdn, first_response_at FROM tickets WHERE id = ?", {id});
    if (!rows) return rows.error();
    if (rows->empty()) return domain::make_error(domain::ErrorCode::kNotFound, "server.not_found", "ticket not found");
    const auto from = domain::from_string<TicketStatus>((*rows)[0].text(0));
    if (!from) return domain::make_error(domain::ErrorCode::kInternal, "server.storage", "unknown stored status");
    if (auto ok = domain::ticket_lifecycle().check(*from, to); !ok) return ok;
    const std::int64_t now = ctx.now();
    const bool first_response = (*rows)[0].is_null(2) && *from == TicketStatus::kAcknowledged;
    const bool resolving = to == TicketStatus::kResolved;
    const bool reopening = *from == TicketStatus::kResolved && to != TicketStatus::kClosed;
    auto u = sql.execute(
        "UPDATE tickets SET status = ?, updated_at = ?,"
        " first_response_at = CASE WHEN ? = 1 THEN ? ELSE first_response_at END,"
        " resolved_at = CASE WHEN ? = 1 THEN ? WHEN ? = 1 THEN NULL ELSE resolved_at END"
        " WHERE id = ?",
        {std::string(domain::to_string(to)), now, std::int64_t{first_response}, now, std::int64_t{resolving}, now,
         std::int64_t{reopening}, id});
    if (!u) return u.error();
    auto e = sql.execute("INSERT INTO ticket_events (ticket_id, at, status, actor, note) VALUES (?, ?, ?, ?, ?)",
                         {id, now, std::string(domain::to_string(to)), actor, note});
    if (!e) return e.error();
    if (to == TicketStatus::kCancelled) {
        // A cancelled ticket needs no visit: its open work order is cancelled with it, and the
        // engineer hears of it (an update they queued offline is then refused on arrival).
        auto open = sql.query("SELECT id, assignee FROM work_orders WHERE ticket_id = ?"
                              " AND status NOT IN ('completed', 'unableToComplete', 'cancelled')", {id});
        if (!open) return open.error();
        for (const Row& w : *open) {
            auto c = sql.execute("UPDATE work_orders SET status = 'cancelled', updated_at = ? WHERE id = ?", {now, w.text(0)});
            if (!c) return c.error();
            auto ce = sql.execute("INSERT INTO work_order_events (work_order_id, at, status, actor, note) VALUES (?, ?, 'cancelled', ?, ?)",
                                  {w.text(0), now, actor, "ticket cancelled"});
            if (!ce) return ce.error();
            if (auto f = append_event(sql, now, (*rows)[0].text(1), w.text(1), "workorder.updated", w.text(0),
                                      {{"id", w.text(0)}, {"ticketId", id}, {"status", "cancelled"}}); !f) return f;
        }
    }
    return append_event(sql, now, (*rows)[0].text(1), "", "ticket.updated", id,
                        {{"id", id}, {"status", domain::to_string(to)}});
}

domain::Result<std::optional<Json>> ticket_document(Sql& sql, const Context& ctx, const std::string& id) {
    auto rows = sql.query(
        "SELECT id, msisdn, category, subcategory, severity, channel, description, contact, address,"
        " area_type, diagnostics, appointment_start, appointment_end, status, tier, repeat_flag, complex,"
        " created_at, updated_at, acknowledge_by, resolve_by, first_response_at, resolved_at, rating,"
        " rating_comment, external_id, compensated FROM tickets WHERE id = ?",
        {id});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<Json>{};
    const Row& t = rows->front();

    const auto optional_time = [&](std::size_t i) { return t.is_null(i) ? std::nullopt : std::optional(t.integer(i)); };
    const auto standing = stored_standing(ctx, t.integer(17), t.integer(19), t.integer(20), optional_time(21),
                                          optional_time(22), t.integer(15) != 0);

    Json doc{
        {"id", t.text(0)},
        {"href", ctx.options.public_base + "/tmf-api/troubleTicket/v4/troubleTicket/" + t.text(0)},
        {"@type", "TroubleTicket"},
        {"ticketType", t.text(2)},
        {"subcategory", t.text(3)},
        {"severity", t.text(4)},
        {"channel", {{"name", t.text(5)}}},
        {"description", t.text(6)},
        {"contactNumber", t.text(7)},
        {"status", t.text(13)},
        {"creationDate", iso(t.integer(17))},
        {"lastUpdate", iso(t.integer(18))},
        {"expectedResolutionDate", iso(t.integer(20))},
        {"resolutionDate", iso_or_null(t, 22)},
        {"repeatComplaint", t.integer(15) != 0},
        {"complex", t.integer(16) != 0},
        {"compensated", t.integer(26) != 0},
        {"relatedParty", Json::array({{{"role", "customer"}, {"id", t.text(1)}, {"@referredType", "Individual"}}})},
        {"sla",
         {{"acknowledgeBy", iso(t.integer(19))},
          {"resolveBy", iso(t.integer(20))},
          {"acknowledgeOverdue", standing.acknowledge_overdue},
          {"resolveOverdue", standing.resolve_overdue},
          {"overdue", standing.overdue()},
          {"tier", t.text(14)},
          {"nextEscalation", standing.next_escalation_at ? Json(domain::format_iso8601(*standing.next_escalation_at))
                                                         : Json(nullptr)}}},
    };
    if (!t.is_null(8)) doc["address"] = {{"text", t.text(8)}, {"areaType", t.text(9)}};
    if (!t.is_null(10)) doc["diagnostics"] = Json::parse(t.text(10), nullptr, false);
    if (!t.is_null(11)) {
        doc["appointment"] = {{"validFor", {{"startDateTime", iso(t.integer(11))}, {"endDateTime", iso(t.integer(12))}}}};
    }
    if (!t.is_null(23)) doc["rating"] = {{"score", t.integer(23)}, {"comment", t.text(24)}};
    if (!t.is_null(25)) doc["externalId"] = t.text(25);

    auto events = sql.query("SELECT at, status, actor, note FROM ticket_events WHERE ticket_id = ? ORDER BY id", {id});
    if (!events) return events.error();
    Json timeline = Json::array();
    for (const Row& e : *events) {
        timeline.push_back({{"changeDate", iso(e.integer(0))}, {"status", e.text(1)}, {"actor", e.text(2)},
                            {"changeReason", e.text(3)}});
    }
    // Every change to a ticket or its visits is recorded as an event: their count orders two
    // copies of the ticket where lastUpdate (whole seconds) cannot.
    auto visits = sql.query("SELECT count(*) FROM work_order_events e JOIN work_orders w ON w.id = e.work_order_id"
                            " WHERE w.ticket_id = ?", {id});
    if (!visits) return visits.error();
    doc["revision"] = static_cast<std::int64_t>(timeline.size()) + visits->front().integer(0);
    doc["statusChange"] = std::move(timeline);

    auto wo = sql.query("SELECT w.id, w.status, w.assignee, s.name, w.latitude, w.longitude, w.eta"
                        " FROM work_orders w LEFT JOIN staff s ON s.id = w.assignee"
                        " WHERE w.ticket_id = ? ORDER BY w.created_at DESC",
                        {id});
    if (!wo) return wo.error();
    if (!wo->empty()) {
        const Row& w = wo->front();
        Json order{{"id", w.text(0)}, {"status", w.text(1)}, {"assignee", w.text(2)}, {"assigneeName", w.text(3)},
                   {"eta", iso_or_null(w, 6)}};
        if (!w.is_null(4)) order["location"] = {{"latitude", std::stod(w.text(4))}, {"longitude", std::stod(w.text(5))}};
        auto hist = sql.query("SELECT at, status, note, eta, latitude, longitude, recorded_at FROM work_order_events"
                              " WHERE work_order_id = ? ORDER BY id", {w.text(0)});
        if (!hist) return hist.error();
        Json history = Json::array();
        for (const Row& h : *hist) {
            Json entry{{"at", iso(h.integer(0))}, {"status", h.text(1)}, {"note", h.text(2)}, {"eta", iso_or_null(h, 3)}};
            // When the engineer made the change on the device; `at` is when it reached us.
            entry["recordedAt"] = iso_or_null(h, 6);
            if (!h.is_null(4)) entry["location"] = {{"latitude", std::stod(h.text(4))}, {"longitude", std::stod(h.text(5))}};
            history.push_back(std::move(entry));
        }
        order["history"] = std::move(history);
        doc["workOrder"] = std::move(order);
    } else {
        doc["workOrder"] = nullptr;
    }
    return std::optional<Json>{std::move(doc)};
}

}  // namespace selfcare::server
