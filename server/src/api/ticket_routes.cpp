// SPDX-License-Identifier: Apache-2.0
// TMF621 trouble tickets: create (validated by the domain rules the SDK also applies), list, read
// with timeline and SLA standing, status changes, rating. Creating a network fault at an address
// dispatches a work order to an engineer of the customer's area.
#include <set>

#include "api/routes.hpp"
#include "domain/iso8601.hpp"
#include "domain/sla.hpp"
#include "domain/validation.hpp"
#include "http/reply.hpp"
#include "security.hpp"
#include "service/feed.hpp"
#include "service/tickets.hpp"

namespace selfcare::server {
namespace {

// Whose ticket this is: the signed-in customer's; or, when a kiosk delivers a report a
// customer queued there before leaving, the customer named in relatedParty, provided they
// signed in at that kiosk within the last week (a store's outage rarely lasts longer).
domain::Result<std::string> ticket_owner(Context& ctx, const Json& body, const Principal& caller) {
    if (caller.role == "customer") return caller.subject;
    const Json parties = body.value("relatedParty", Json::array());
    std::string msisdn;
    if (parties.is_array()) {
        for (const Json& p : parties) {
            if (p.is_object() && p.value("role", Json()) == "customer" && p.value("id", Json()).is_string()) msisdn = p["id"];
        }
    }
    auto normal = domain::normalize_msisdn(msisdn, "relatedParty");
    if (!normal) return normal.error();
    auto visit = ctx.db.query("SELECT at FROM kiosk_visits WHERE device = ? AND msisdn = ? AND at >= ?",
                              {caller.subject, *normal, ctx.now() - 7 * 24 * 3600});
    if (!visit) return visit.error();
    if (visit->empty()) {
        return domain::make_error(domain::ErrorCode::kForbidden, "kiosk.no_visit",
                                  "this customer has not signed in at this kiosk recently");
    }
    return *normal;
}

using domain::TicketStatus;
constexpr const char* kBase = "/tmf-api/troubleTicket/v4/troubleTicket";

// Reads the create body into a draft, collecting type and enum errors by field.
domain::Result<domain::TicketDraft> read_draft(const Json& b) {
    domain::FieldErrors errors;
    domain::TicketDraft d;
    const auto text = [&](const Json& obj, const char* key, const std::string& field, bool required) -> std::string {
        const auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) {
            if (required) errors.push_back({field, "validation.required", field + " is required"});
            return {};
        }
        if (!it->is_string()) {
            errors.push_back({field, "validation.type", field + " must be a string"});
            return {};
        }
        return it->get<std::string>();
    };
    const auto enum_of = [&]<class E>(const std::string& value, const std::string& field, E& out) {
        if (value.empty()) return;
        if (auto e = domain::from_string<E>(value)) {
            out = *e;
        } else {
            std::string allowed;
            for (E v : domain::all_values<E>()) allowed += (allowed.empty() ? "" : ", ") + std::string(domain::to_string(v));
            errors.push_back({field, "validation.enum", field + " must be one of " + allowed});
        }
    };
    enum_of(text(b, "ticketType", "ticketType", true), "ticketType", d.category);
    d.subcategory = text(b, "subcategory", "subcategory", true);
    enum_of(text(b, "severity", "severity", false), "severity", d.severity);
    d.description = text(b, "description", "description", true);
    d.contact = text(b, "contactNumber", "contactNumber", true);
    if (const auto it = b.find("channel"); it != b.end() && it->is_object()) {
        enum_of(text(*it, "name", "channel.name", false), "channel.name", d.channel);
    }
    if (const auto it = b.find("address"); it != b.end() && !it->is_null()) {
        if (!it->is_object()) {
            errors.push_back({"address", "validation.type", "address must be an object"});
        } else {
            domain::Address a;
            a.text = text(*it, "text", "address.text", true);
            enum_of(text(*it, "areaType", "address.areaType", false), "address.areaType", a.area);
            d.address = a;
        }
    }
    if (const auto it = b.find("diagnostics"); it != b.end() && !it->is_null()) {
        domain::Diagnostics diag;
        if (!it->is_object() || !it->value("signalDbm", Json()).is_number_integer()) {
            errors.push_back({"diagnostics.signalDbm", "validation.type", "diagnostics.signalDbm must be an integer"});
        } else {
            diag.signal_dbm = (*it)["signalDbm"].get<int>();
            diag.cell_id = text(*it, "cellId", "diagnostics.cellId", false);
            enum_of(text(*it, "networkType", "diagnostics.networkType", false), "diagnostics.networkType", diag.network);
            d.diagnostics = diag;
        }
    }
    if (const auto it = b.find("appointment"); it != b.end() && !it->is_null()) {
        const Json vf = it->is_object() ? it->value("validFor", Json::object()) : Json::object();
        const std::string start = vf.is_object() ? text(vf, "startDateTime", "appointment.start", true) : "";
        const std::string end = vf.is_object() ? text(vf, "endDateTime", "appointment.end", true) : "";
        auto s = domain::parse_iso8601(start, "appointment.start");
        auto e = domain::parse_iso8601(end, "appointment.end");
        if (!start.empty() && !s) errors.push_back(s.error().fields.front());
        if (!end.empty() && !e) errors.push_back(e.error().fields.front());
        if (s && e) d.appointment = domain::Appointment{*s, *e};
    }
    if (!errors.empty()) return domain::invalid_argument(std::move(errors));
    return d;
}

domain::Result<bool> may_see(Sql& sql, const Principal& who, const std::string& id) {
    if (who.role == "admin") return true;
    if (who.role == "customer") {
        auto r = sql.query("SELECT 1 FROM tickets WHERE id = ? AND msisdn = ?", {id, who.subject});
        if (!r) return r.error();
        return !r->empty();
    }
    auto r = sql.query("SELECT 1 FROM work_orders WHERE ticket_id = ? AND assignee = ?", {id, who.subject});
    if (!r) return r.error();
    return !r->empty();
}

// Picks the engineer of `area` with the fewest open work orders (ties by id), or "" if none.
domain::Result<std::string> pick_engineer(Sql& sql, const std::string& area) {
    auto r = sql.query(
        "SELECT s.id, (SELECT count(*) FROM work_orders w WHERE w.assignee = s.id AND w.status IN"
        " ('assigned','accepted','enRoute','onSite')) AS load FROM staff s"
        " WHERE s.role = 'engineer' AND s.area = ? ORDER BY load, s.id LIMIT 1",
        {area});
    if (!r) return r.error();
    return r->empty() ? std::string() : r->front().text(0);
}

}  // namespace

void register_ticket_routes(httplib::Server& server, Context& ctx) {
    const std::string base = kBase;

    route(server, ctx, "POST", base, Access::kCustomerOrKiosk, [&ctx](const httplib::Request& req, const Principal& caller) -> Result {
        auto body = json_body(req);
        if (!body) return body.error();
        // From here on the ticket's owner is the principal, also when a kiosk delivers it.
        auto owner = ticket_owner(ctx, *body, caller);
        if (!owner) return owner.error();
        const Principal who{"customer", *owner, caller.token_hash};
        auto draft = read_draft(*body);
        if (!draft) return draft.error();
        auto valid = domain::validate_ticket_draft(*draft, ctx.clock.now());
        if (!valid) return valid.error();
        const domain::TicketDraft& d = *valid;
        std::string external_id;
        if (const auto it = body->find("externalId"); it != body->end() && it->is_string()) external_id = *it;
        if (external_id.size() > 64) return domain::invalid_argument({{"externalId", "validation.too_long", "externalId must have at most 64 characters"}});

        std::string id;
        int status = 201;
        auto tx = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
            const std::int64_t now = ctx.now();
            if (!external_id.empty()) {
                // The client's own reference makes a retried create return the first ticket.
                auto existing = sql.query("SELECT id FROM tickets WHERE msisdn = ? AND external_id = ?",
                                          {who.subject, external_id});
                if (!existing) return existing.error();
                if (!existing->empty()) {
                    id = existing->front().text(0);
                    status = 200;
                    return domain::success();
                }
            }
            auto customer = sql.query("SELECT area, area_type FROM customers WHERE msisdn = ?", {who.subject});
            if (!customer) return customer.error();
            if (customer->empty()) return not_found("customer");
            const std::string area = customer->front().text(0);
            const auto area_type = d.address ? d.address->area
                                             : domain::from_string<domain::AreaType>(customer->front().text(1)).value_or(domain::AreaType::kUrban);

            auto prior = sql.query("SELECT created_at FROM tickets WHERE msisdn = ? AND category = ? AND created_at >= ?",
                                   {who.subject, std::string(domain::to_string(d.category)),
                                    now - ctx.sla.repeat_window.count()});
            if (!prior) return prior.error();
            const bool repeat = !prior->empty();

            domain::SlaSubject subject{d.category, d.severity, false,
                                       d.category == domain::TicketCategory::kNetwork ? std::optional(area_type) : std::nullopt,
                                       ctx.clock.now()};
            const auto deadlines = domain::compute_deadlines(ctx.sla, subject);
            id = "TT-" + random_digits(10);
            Json diag = nullptr;
            if (d.diagnostics) {
                diag = {{"signalDbm", d.diagnostics->signal_dbm}, {"cellId", d.diagnostics->cell_id},
                        {"networkType", domain::to_string(d.diagnostics->network)}};
            }
            auto ins = sql.execute(
                "INSERT INTO tickets (id, msisdn, category, subcategory, severity, channel, description, contact,"
                " address, area_type, diagnostics, appointment_start, appointment_end, status, tier, repeat_flag,"
                " complex, created_at, updated_at, acknowledge_by, resolve_by, compensated, external_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'acknowledged', ?, ?, 0, ?, ?, ?, ?, 0, ?)",
                {id, who.subject, std::string(domain::to_string(d.category)), d.subcategory,
                 std::string(domain::to_string(d.severity)), std::string(domain::to_string(d.channel)), d.description,
                 d.contact, d.address ? SqlValue(d.address->text) : SqlValue(nullptr),
                 std::string(domain::to_string(area_type)), diag.is_null() ? SqlValue(nullptr) : SqlValue(diag.dump()),
                 d.appointment ? SqlValue(d.appointment->start.time_since_epoch().count()) : SqlValue(nullptr),
                 d.appointment ? SqlValue(d.appointment->end.time_since_epoch().count()) : SqlValue(nullptr),
                 std::string(repeat ? "branch" : "store"), std::int64_t{repeat}, now, now,
                 deadlines.acknowledge_by.time_since_epoch().count(), deadlines.resolve_by.time_since_epoch().count(),
                 external_id.empty() ? SqlValue(nullptr) : SqlValue(external_id)});
            if (!ins) return ins.error();
            const std::string note = repeat ? "received; repeat complaint, escalated to branch" : "received";
            auto ev = sql.execute("INSERT INTO ticket_events (ticket_id, at, status, actor, note) VALUES (?, ?, 'acknowledged', 'system', ?)",
                                  {id, now, note});
            if (!ev) return ev.error();
            if (auto f = append_event(sql, now, who.subject, "", "ticket.updated", id, {{"id", id}, {"status", "acknowledged"}}); !f) return f;

            // A fault at a fixed address needs a visit: dispatch at once.
            const auto* sub = domain::find_subcategory(d.subcategory);
            const bool needs_visit = d.category == domain::TicketCategory::kNetwork && (d.address || (sub && sub->needs_address));
            if (needs_visit) {
                auto engineer = pick_engineer(sql, area);
                if (!engineer) return engineer.error();
                if (!engineer->empty()) {
                    const std::string wo = "WO-" + random_digits(10);
                    auto w = sql.execute(
                        "INSERT INTO work_orders (id, ticket_id, assignee, status, appointment_start, appointment_end,"
                        " created_at, updated_at) VALUES (?, ?, ?, 'assigned', ?, ?, ?, ?)",
                        {wo, id, *engineer,
                         d.appointment ? SqlValue(d.appointment->start.time_since_epoch().count()) : SqlValue(nullptr),
                         d.appointment ? SqlValue(d.appointment->end.time_since_epoch().count()) : SqlValue(nullptr), now, now});
                    if (!w) return w.error();
                    auto we = sql.execute("INSERT INTO work_order_events (work_order_id, at, status, actor, note) VALUES (?, ?, 'assigned', 'system', 'dispatched')",
                                          {wo, now});
                    if (!we) return we.error();
                    if (auto f = append_event(sql, now, who.subject, *engineer, "workorder.updated", wo,
                                              {{"id", wo}, {"ticketId", id}, {"status", "assigned"}}); !f) return f;
                    if (auto m = move_ticket(sql, ctx, id, TicketStatus::kInProgress, "system", "engineer dispatched"); !m) return m;
                }
            }
            return domain::success();
        });
        if (!tx) return tx.error();
        Result out = Reply{};
        auto doc_tx = ctx.db.read([&](Sql& sql) -> domain::Result<void> {
            auto doc = ticket_document(sql, ctx, id);
            if (!doc) return doc.error();
            Reply r;
            r.status = status;
            r.body = std::move(**doc);
            r.headers = {{"Location", r.body["href"].get<std::string>()}};
            out = std::move(r);
            return domain::success();
        });
        if (!doc_tx) return doc_tx.error();
        return out;
    });

    route(server, ctx, "GET", base, Access::kAnyUser, [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        auto page = page_of(req);
        if (!page) return page.error();
        std::string where = "1 = 1";
        SqlParams params;
        if (who.role == "customer") {
            where = "t.msisdn = ?";
            params.push_back(who.subject);
        } else if (who.role == "engineer") {
            where = "t.id IN (SELECT ticket_id FROM work_orders WHERE assignee = ?)";
            params.push_back(who.subject);
        }
        if (req.has_param("status")) {
            const std::string s = req.get_param_value("status");
            if (!domain::from_string<TicketStatus>(s)) {
                return domain::invalid_argument({{"status", "validation.enum", "status is not a ticket status"}});
            }
            where += " AND t.status = ?";
            params.push_back(s);
        }
        Result out = Reply{};
        auto tx = ctx.db.read([&](Sql& sql) -> domain::Result<void> {
            auto total = sql.query("SELECT count(*) FROM tickets t WHERE " + where, params);
            if (!total) return total.error();
            SqlParams p = params;
            p.push_back(page->limit);
            p.push_back(page->offset);
            auto ids = sql.query("SELECT t.id FROM tickets t WHERE " + where + " ORDER BY t.created_at DESC, t.id LIMIT ? OFFSET ?", p);
            if (!ids) return ids.error();
            Json items = Json::array();
            for (const Row& r : *ids) {
                auto doc = ticket_document(sql, ctx, r.text(0));
                if (!doc) return doc.error();
                if (*doc) items.push_back(std::move(**doc));
            }
            out = list_reply(std::move(items), total->front().integer(0), *page);
            return domain::success();
        });
        if (!tx) return tx.error();
        return out;
    });

    route(server, ctx, "GET", base + "/([A-Za-z0-9-]{1,40})", Access::kAnyUser,
          [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        const std::string id = req.matches[1];
        Result out = not_found("ticket");
        auto tx = ctx.db.read([&](Sql& sql) -> domain::Result<void> {
            auto visible = may_see(sql, who, id);
            if (!visible) return visible.error();
            if (!*visible) return domain::success();
            auto doc = ticket_document(sql, ctx, id);
            if (!doc) return doc.error();
            if (*doc) out = Reply{200, std::move(**doc), {}, {}};
            return domain::success();
        });
        if (!tx) return tx.error();
        return out;
    });

    route(server, ctx, "PATCH", base + "/([A-Za-z0-9-]{1,40})", Access::kAnyUser,
          [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        const std::string id = req.matches[1];
        auto body = json_body(req);
        if (!body) return body.error();
        const Json status_json = body->value("status", Json());
        if (!status_json.is_string()) return domain::invalid_argument({{"status", "validation.required", "status is required"}});
        const auto to = domain::from_string<TicketStatus>(status_json.get<std::string>());
        if (!to) return domain::invalid_argument({{"status", "validation.enum", "status is not a ticket status"}});
        const Json reason = body->value("statusChangeReason", Json(""));
        if (!reason.is_string()) return domain::invalid_argument({{"statusChangeReason", "validation.type", "statusChangeReason must be a string"}});
        domain::FieldErrors errs;
        domain::check_text(errs, "statusChangeReason", reason.get<std::string>(), {0, domain::kMaxNote, true});
        if (!errs.empty()) return domain::invalid_argument(std::move(errs));
        if (who.role == "engineer") {
            return domain::make_error(domain::ErrorCode::kForbidden, "auth.forbidden", "engineers move work orders, not tickets");
        }
        if (who.role == "customer" && *to != TicketStatus::kCancelled && *to != TicketStatus::kClosed) {
            return domain::make_error(domain::ErrorCode::kForbidden, "ticket.customer_transition",
                                      "a customer may cancel a ticket or confirm (close) a resolved one");
        }
        Result out = not_found("ticket");
        auto tx = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
            auto visible = may_see(sql, who, id);
            if (!visible) return visible.error();
            if (!*visible) return domain::success();
            if (auto m = move_ticket(sql, ctx, id, *to, who.role == "customer" ? "customer" : who.subject, reason.get<std::string>()); !m) return m;
            auto doc = ticket_document(sql, ctx, id);
            if (!doc) return doc.error();
            out = Reply{200, std::move(**doc), {}, {}};
            return domain::success();
        });
        if (!tx) return tx.error();
        return out;
    });

    route(server, ctx, "POST", base + "/([A-Za-z0-9-]{1,40})/rating", Access::kCustomer,
          [&ctx](const httplib::Request& req, const Principal& who) -> Result {
        const std::string id = req.matches[1];
        auto body = json_body(req);
        if (!body) return body.error();
        domain::Rating rating;
        const Json score = body->value("score", Json());
        if (!score.is_number_integer()) return domain::invalid_argument({{"score", "validation.required", "score must be an integer from 1 to 5"}});
        rating.score = score.get<int>();
        const Json comment = body->value("comment", Json(""));
        if (!comment.is_string()) return domain::invalid_argument({{"comment", "validation.type", "comment must be a string"}});
        rating.comment = comment.get<std::string>();
        if (auto v = domain::validate_rating(rating); !v) return v.error();
        const Json reopen = body->value("reopen", Json(false));
        if (!reopen.is_boolean()) return domain::invalid_argument({{"reopen", "validation.type", "reopen must be true or false"}});

        Result out = not_found("ticket");
        auto tx = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
            auto visible = may_see(sql, who, id);
            if (!visible) return visible.error();
            if (!*visible) return domain::success();
            auto status = sql.query("SELECT status FROM tickets WHERE id = ?", {id});
            if (!status) return status.error();
            if (status->front().text(0) != "resolved") {
                return domain::make_error(domain::ErrorCode::kConflict, "ticket.not_resolved",
                                          "only a resolved ticket can be rated");
            }
            auto u = sql.execute("UPDATE tickets SET rating = ?, rating_comment = ? WHERE id = ?",
                                 {std::int64_t{rating.score}, rating.comment, id});
            if (!u) return u.error();
            const bool again = reopen.get<bool>();
            if (auto m = move_ticket(sql, ctx, id, again ? TicketStatus::kInProgress : TicketStatus::kClosed, "customer",
                                     again ? "customer reopened: not fixed" : "customer confirmed and rated");
                !m) {
                return m;
            }
            auto doc = ticket_document(sql, ctx, id);
            if (!doc) return doc.error();
            out = Reply{200, std::move(**doc), {}, {}};
            return domain::success();
        });
        if (!tx) return tx.error();
        return out;
    });
}

}  // namespace selfcare::server
