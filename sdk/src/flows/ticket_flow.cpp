// SPDX-License-Identifier: Apache-2.0
#include "flows/ticket_flow.hpp"

#include "domain/iso8601.hpp"
#include "domain/validation.hpp"
#include "flows/cache_revision.hpp"
#include "flows/sync_flow.hpp"
#include "store/outbox.hpp"

namespace selfcare::flows {
namespace {

using domain::FieldErrors;

std::string text(const Json& obj, const char* key, const std::string& field, bool required, FieldErrors& errors) {
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
}

template <class E>
void enum_arg(const std::string& value, const std::string& field, E& out, FieldErrors& errors) {
    if (value.empty()) return;
    if (auto e = domain::from_string<E>(value)) {
        out = *e;
    } else {
        errors.push_back({field, "validation.enum", field + " is not one of the allowed values"});
    }
}

domain::Result<domain::TicketDraft> read_draft(const Json& a) {
    FieldErrors errors;
    domain::TicketDraft d;
    enum_arg(text(a, "category", "category", true, errors), "category", d.category, errors);
    d.subcategory = text(a, "subcategory", "subcategory", true, errors);
    enum_arg(text(a, "severity", "severity", false, errors), "severity", d.severity, errors);
    enum_arg(text(a, "channel", "channel", false, errors), "channel", d.channel, errors);
    d.description = text(a, "description", "description", true, errors);
    d.contact = text(a, "contact", "contact", true, errors);
    if (const auto it = a.find("address"); it != a.end() && !it->is_null()) {
        if (!it->is_object()) {
            errors.push_back({"address", "validation.type", "address must be an object"});
        } else {
            domain::Address addr;
            addr.text = text(*it, "text", "address.text", true, errors);
            enum_arg(text(*it, "area_type", "address.area_type", false, errors), "address.area_type", addr.area, errors);
            d.address = addr;
        }
    }
    if (const auto it = a.find("diagnostics"); it != a.end() && !it->is_null()) {
        if (!it->is_object() || !it->value("signal_dbm", Json()).is_number_integer()) {
            errors.push_back({"diagnostics.signal_dbm", "validation.type", "diagnostics.signal_dbm must be an integer"});
        } else {
            domain::Diagnostics diag;
            diag.signal_dbm = (*it)["signal_dbm"].get<int>();
            diag.cell_id = text(*it, "cell_id", "diagnostics.cell_id", false, errors);
            enum_arg(text(*it, "network_type", "diagnostics.network_type", false, errors), "diagnostics.network_type",
                     diag.network, errors);
            d.diagnostics = diag;
        }
    }
    if (const auto it = a.find("appointment"); it != a.end() && !it->is_null()) {
        const Json appt = it->is_object() ? *it : Json::object();
        auto start = domain::parse_iso8601(text(appt, "start", "appointment.start", true, errors), "appointment.start");
        auto end = domain::parse_iso8601(text(appt, "end", "appointment.end", true, errors), "appointment.end");
        if (start && end) {
            d.appointment = domain::Appointment{*start, *end};
        } else if (errors.empty()) {
            errors.push_back((!start ? start.error() : end.error()).fields.front());
        }
    }
    if (!errors.empty()) return domain::invalid_argument(std::move(errors));
    return d;
}

// The server's create body (TMF621 + our fields), carrying the local reference as externalId so
// a resend after a lost answer returns the ticket created the first time.
Json server_body(const domain::TicketDraft& d, const std::string& local_ref) {
    Json b{{"ticketType", domain::to_string(d.category)},
           {"subcategory", d.subcategory},
           {"severity", domain::to_string(d.severity)},
           {"description", d.description},
           {"contactNumber", d.contact},
           {"channel", {{"name", domain::to_string(d.channel)}}},
           {"externalId", local_ref}};
    if (d.address) b["address"] = {{"text", d.address->text}, {"areaType", domain::to_string(d.address->area)}};
    if (d.diagnostics) {
        b["diagnostics"] = {{"signalDbm", d.diagnostics->signal_dbm}, {"cellId", d.diagnostics->cell_id},
                            {"networkType", domain::to_string(d.diagnostics->network)}};
    }
    if (d.appointment) {
        b["appointment"] = {{"validFor", {{"startDateTime", domain::format_iso8601(d.appointment->start)},
                                          {"endDateTime", domain::format_iso8601(d.appointment->end)}}}};
    }
    return b;
}

// Never replaces a newer copy: a refresh fetched before a change may land after its answer.
domain::Result<void> cache_ticket(FlowContext& ctx, const Json& ticket) {
    const auto created = domain::parse_iso8601(ticket.value("creationDate", ""), "creationDate");
    return cache_unless_older(ctx.store(), store::RecordKind::kTicket,
                              {ticket.value("id", ""), ticket.value("status", ""),
                               created ? *created : ctx.clock().now(), ticket.dump(), ctx.clock().now()},
                              ticket);
}

}  // namespace

domain::Result<Json> send_ticket_create(FlowContext& ctx, const OutboxRequest& request) {
    auto req = net::HttpRequest::with_body(request.method, request.path, request.body.dump());
    // The server returns the first ticket for a repeated externalId, so a resend is safe: saying
    // so with the local reference as the Idempotency-Key lets a lost answer be retried within
    // the call, instead of parking the report (and everything queued behind it) for a backoff.
    // (decode_outbox_entry has checked it is "L-" and a UUID, so it is safe in a header.)
    req.idempotency_key = request.local_ref;
    const std::string& owner = request.customer;
    const auto who = ctx.session();
    if (ctx.is_kiosk() && !owner.empty() && (!who || who->msisdn != owner)) {
        // The customer has left the kiosk: the kiosk delivers the report for them, and their
        // ticket does not go into the next customer's cache.
        auto r = ctx.call_as_kiosk(std::move(req));
        if (!r) return r.error();
        return r;
    }
    auto r = ctx.call(std::move(req));
    if (!r) return r.error();
    auto tx = ctx.store().transaction([&]() -> domain::Result<void> {
        if (auto rm = ctx.store().remove_record(store::RecordKind::kTicket, request.local_ref); !rm) return rm;
        return cache_ticket(ctx, *r);
    });
    if (!tx) return tx.error();
    return r;
}

domain::Result<Json> create_ticket(FlowContext& ctx, const Json& args, bool& queued) {
    queued = false;
    auto who = ctx.require_session("customer");
    if (!who) return who.error();
    auto draft = read_draft(args);
    if (!draft) return draft.error();
    auto valid = domain::validate_ticket_draft(*draft, ctx.clock().now());
    if (!valid) return valid.error();
    auto key = store::new_idempotency_key();
    if (!key) return key.error();
    const std::string local_ref = "L-" + *key;
    Json body = server_body(*valid, local_ref);
    const auto now = ctx.clock().now();
    if (ctx.is_kiosk()) {
        // So the kiosk can still deliver it when the customer has gone (TMF621 relatedParty).
        body["relatedParty"] = Json::array({{{"id", who->msisdn}, {"role", "customer"}}});
    }
    Json local = body;
    local.erase("relatedParty");
    local["id"] = local_ref;
    local["local_ref"] = local_ref;
    local["status"] = "acknowledged";
    local["queued"] = true;
    local["creationDate"] = domain::format_iso8601(now);

    // The ticket and its outbox row are one write: once this returns, the report cannot be lost.
    // (On a kiosk they live in two stores; the outbox row, written first, is what counts.)
    std::int64_t seq = 0;
    const bool one_store = &ctx.store() == &ctx.device_store();
    auto tx = ctx.device_store().transaction([&]() -> domain::Result<void> {
        if (one_store) {
            if (auto r = ctx.store().put_record(store::RecordKind::kTicket, {local_ref, "acknowledged", now, local.dump(), now}); !r) return r;
        }
        auto e = ctx.device_store().enqueue("tickets.create", body.dump());
        if (!e) return e.error();
        seq = e->seq;
        return domain::success();
    });
    if (!tx) return tx.error();
    if (!one_store) {
        if (auto r = ctx.store().put_record(store::RecordKind::kTicket, {local_ref, "acknowledged", now, local.dump(), now}); !r) {
            return r.error();
        }
    }

    auto sent = deliver(ctx, seq);
    if (sent) return sent;
    if (sent.error().code == domain::ErrorCode::kNetwork || sent.error().retryable) {
        queued = true;
        return local;
    }
    return sent.error();
}

domain::Result<Json> rate_ticket(FlowContext& ctx, const Json& args) {
    if (auto r = ctx.require_session("customer"); !r) return r.error();
    FieldErrors errors;
    const std::string id = text(args, "id", "id", true, errors);
    if (!id.empty() && (id.size() > 40 || id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)) {
        errors.push_back({"id", "validation.id_format", "id is not a ticket id"});
    }
    domain::Rating rating;
    const auto score = args.find("score");
    if (score == args.end() || !score->is_number_integer()) {
        errors.push_back({"score", "validation.required", "score must be a whole number from 1 to 5"});
    } else {
        rating.score = score->get<int>();
    }
    rating.comment = text(args, "comment", "comment", false, errors);
    const auto reopen = args.find("reopen");
    if (reopen != args.end() && !reopen->is_boolean()) errors.push_back({"reopen", "validation.type", "reopen must be true or false"});
    if (!errors.empty()) return domain::invalid_argument(std::move(errors));
    if (auto v = domain::validate_rating(rating); !v) return v.error();
    const bool again = reopen != args.end() && reopen->get<bool>();
    auto r = ctx.call(net::HttpRequest::with_body(
        "POST", "/tmf-api/troubleTicket/v4/troubleTicket/" + id + "/rating",
        Json{{"score", rating.score}, {"comment", rating.comment}, {"reopen", again}}.dump()));
    if (!r) return r.error();
    if (auto c = cache_ticket(ctx, *r); !c) return c.error();
    return r;
}

domain::Result<Json> list_tickets(FlowContext& ctx, const Json&) {
    if (auto r = ctx.require_session("customer"); !r) return r.error();
    auto fresh = ctx.read(net::HttpRequest::get("/tmf-api/troubleTicket/v4/troubleTicket?limit=100"));
    bool stale = false;
    if (fresh) {
        for (const Json& t : *fresh) {
            if (auto c = cache_ticket(ctx, t); !c) return c.error();
        }
    } else if (unreachable(fresh.error())) {
        stale = true;
    } else {
        return fresh.error();
    }
    auto records = ctx.store().list_records(store::RecordKind::kTicket, {std::nullopt, 100, 0});
    if (!records) return records.error();
    Json items = Json::array();
    for (const auto& r : *records) {
        Json t = Json::parse(r.payload, nullptr, false);
        if (t.is_object()) items.push_back(std::move(t));
    }
    return Json{{"items", std::move(items)}, {"stale", stale}, {"fetched_at", domain::format_iso8601(ctx.clock().now())}};
}

domain::Result<void> refresh_ticket(FlowContext& ctx, const std::string& id) {
    if (id.empty() || id.size() > 64 || id.starts_with("L-") ||
        id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
        return domain::invalid_argument({{"id", "validation.id_format", "id must be a ticket id"}});
    }
    auto fresh = ctx.call(net::HttpRequest::get("/tmf-api/troubleTicket/v4/troubleTicket/" + id));
    if (!fresh) return fresh.error();
    return cache_ticket(ctx, *fresh);
}

domain::Result<Json> get_ticket(FlowContext& ctx, const Json& args) {
    if (auto r = ctx.require_session("customer"); !r) return r.error();
    const auto it = args.find("id");
    const std::string id = it != args.end() && it->is_string() ? it->get<std::string>() : "";
    if (id.empty() || id.size() > 64 ||
        id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
        return domain::invalid_argument({{"id", "validation.id_format", "id must be a ticket id or local reference"}});
    }
    if (!id.starts_with("L-")) {
        auto fresh = ctx.read(net::HttpRequest::get("/tmf-api/troubleTicket/v4/troubleTicket/" + id));
        if (fresh) {
            if (auto c = cache_ticket(ctx, *fresh); !c) return c.error();
            Json out = std::move(*fresh);
            out["stale"] = false;
            return out;
        }
        if (!unreachable(fresh.error())) return fresh.error();
    }
    auto cached = ctx.store().get_record(store::RecordKind::kTicket, id);
    if (!cached) return cached.error();
    if (!*cached) {
        return domain::make_error(domain::ErrorCode::kNotFound, "ticket.not_found", "no such ticket on this device");
    }
    Json out = Json::parse((*cached)->payload, nullptr, false);
    out["stale"] = !id.starts_with("L-");
    out["fetched_at"] = domain::format_iso8601((*cached)->fetched_at);
    return out;
}

}  // namespace selfcare::flows
