// SPDX-License-Identifier: Apache-2.0
#include "flows/work_order_flow.hpp"

#include <algorithm>
#include <set>

#include "domain/iso8601.hpp"
#include "domain/work_order.hpp"
#include "flows/cache_revision.hpp"
#include "flows/sync_flow.hpp"

namespace selfcare::flows {
namespace {

constexpr const char* kBase = "/tmf-api/workOrderManagement/v4/workOrder";
constexpr const char* kCommand = "workorders.update";
constexpr const char* kIdChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-";

using domain::FieldErrors;
using domain::WorkOrderStatus;

bool valid_id(const std::string& id) {
    return !id.empty() && id.size() <= 40 && id.find_first_not_of(kIdChars) == std::string::npos;
}

// Never replaces a newer copy: a refresh fetched before an update may land after its answer.
domain::Result<void> cache_work_order(FlowContext& ctx, const Json& wo) {
    const auto ordered = domain::parse_iso8601(wo.value("orderDate", ""), "orderDate");
    return cache_unless_older(ctx.store(), store::RecordKind::kWorkOrder,
                              {wo.value("id", ""), wo.value("state", ""), ordered ? *ordered : ctx.clock().now(),
                               wo.dump(), ctx.clock().now()},
                              wo);
}

// The update as the server takes it (PATCH body), plus the id it is for.
struct QueuedUpdate {
    std::string id;
    Json body;
};

std::optional<QueuedUpdate> queued_update(const store::OutboxEntry& e) {
    if (e.command != kCommand) return std::nullopt;
    Json p = Json::parse(e.payload, nullptr, false);
    if (!p.is_object() || !p.value("id", Json()).is_string()) return std::nullopt;
    QueuedUpdate u{p["id"].get<std::string>(), p};
    u.body.erase("id");
    return u;
}

// Lays the outbox's updates for this work order over the server's view: pending ones move it
// on; a refused one is shown as such (unless a later update was accepted after it).
void overlay(Json& wo, const std::vector<store::OutboxEntry>& outbox) {
    const std::string id = wo.value("id", "");
    for (const auto& e : outbox) {
        auto u = queued_update(e);
        if (!u || u->id != id) continue;
        if (e.state == store::OutboxState::kFailed) {
            wo["sync_failed"] = {{"code", e.last_error}, {"state", u->body.value("state", "")}};
            continue;
        }
        wo["state"] = u->body.value("state", "");
        if (u->body.contains("location")) wo["location"] = u->body["location"];
        if (u->body.contains("eta")) wo["eta"] = u->body["eta"];
        wo["pending_sync"] = true;
    }
}

// Reads the arguments of workorders.update; the ETA counts from `now`.
domain::Result<domain::WorkOrderUpdate> read_update(const Json& a, domain::Instant now, std::string& id) {
    FieldErrors errors;
    domain::WorkOrderUpdate u;
    const Json id_arg = a.value("id", Json());
    if (!id_arg.is_string() || !valid_id(id_arg.get<std::string>())) {
        errors.push_back({"id", "validation.id_format", "id must be a work order id"});
    } else {
        id = id_arg.get<std::string>();
    }
    const Json status = a.value("status", Json());
    if (!status.is_string()) {
        errors.push_back({"status", "validation.required", "status is required"});
    } else if (auto s = domain::from_string<WorkOrderStatus>(status.get<std::string>())) {
        u.to = *s;
    } else {
        errors.push_back({"status", "validation.enum", "status is not a work-order status"});
    }
    if (const auto it = a.find("location"); it != a.end() && !it->is_null()) {
        if (!it->is_object() || !it->value("latitude", Json()).is_number() || !it->value("longitude", Json()).is_number()) {
            errors.push_back({"location", "validation.type", "location needs numeric latitude and longitude"});
        } else {
            u.location = domain::GeoPoint{(*it)["latitude"].get<double>(), (*it)["longitude"].get<double>()};
        }
    }
    if (const auto it = a.find("eta"); it != a.end() && !it->is_null()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > 24 * 60) {
            errors.push_back({"eta", "validation.out_of_range", "eta must be a whole number of minutes from 0 to 1440"});
        } else {
            u.eta = now + std::chrono::minutes(it->get<std::int64_t>());
        }
    }
    if (const auto it = a.find("note"); it != a.end() && !it->is_null()) {
        if (!it->is_string()) errors.push_back({"note", "validation.type", "note must be a string"});
        else u.note = it->get<std::string>();
    }
    if (!errors.empty()) return domain::invalid_argument(std::move(errors));
    return u;
}

// The work order as this device knows it: the cache, else the server.
domain::Result<Json> known_work_order(FlowContext& ctx, const std::string& id) {
    auto cached = ctx.store().get_record(store::RecordKind::kWorkOrder, id);
    if (!cached) return cached.error();
    if (*cached) {
        Json wo = Json::parse((*cached)->payload, nullptr, false);
        if (wo.is_object()) return wo;
    }
    auto fresh = ctx.call(net::HttpRequest::get(std::string(kBase) + "/" + id));
    if (!fresh) {
        if (unreachable(fresh.error())) {
            return domain::make_error(domain::ErrorCode::kNotFound, "workorder.not_cached",
                                      "this work order is not on the device; list work orders while online");
        }
        return fresh.error();
    }
    if (auto c = cache_work_order(ctx, *fresh); !c) return c.error();
    return fresh;
}

// The PATCH body: what the engineer decided and when (the device's clock), so the server can
// date it and count the ETA from that moment however late it arrives.
Json patch_body(const domain::WorkOrderUpdate& u, const Json& args, domain::Instant now) {
    Json b{{"state", domain::to_string(u.to)}, {"recordedAt", domain::format_iso8601(now)}};
    if (u.location) b["location"] = {{"latitude", u.location->latitude}, {"longitude", u.location->longitude}};
    if (u.eta) {
        b["etaMinutes"] = args["eta"].get<std::int64_t>();
        b["eta"] = domain::format_iso8601(*u.eta);  // for the local view; the server ignores it
    }
    if (!u.note.empty()) b["note"] = u.note;
    return b;
}

// Orders by appointment start, unscheduled last, then by order date: the engineer's day.
void sort_for_the_day(Json& items) {
    const auto key = [](const Json& w) {
        const Json appt = w.value("appointment", Json::object());
        const std::string start = appt.is_object() ? appt.value("validFor", Json::object()).value("startDateTime", "") : "";
        return std::make_tuple(start.empty(), start, w.value("orderDate", ""));
    };
    std::stable_sort(items.begin(), items.end(), [&](const Json& a, const Json& b) { return key(a) < key(b); });
}

}  // namespace

domain::Result<Json> list_work_orders(FlowContext& ctx, const Json& args) {
    if (auto r = ctx.require_session("engineer"); !r) return r.error();
    std::optional<std::string> state;
    if (const auto it = args.find("state"); it != args.end() && !it->is_null()) {
        if (!it->is_string() || !domain::from_string<WorkOrderStatus>(it->get<std::string>())) {
            return domain::invalid_argument({{"state", "validation.enum", "state is not a work-order status"}});
        }
        state = it->get<std::string>();
    }
    auto fresh = ctx.read(net::HttpRequest::get(std::string(kBase) + "?limit=100"));
    bool stale = false;
    if (fresh) {
        // The server's list is the truth: orders reassigned away from this engineer leave the
        // cache. The others are cached unless a newer copy arrived while the list was fetched.
        auto tx = ctx.store().transaction([&]() -> domain::Result<void> {
            std::set<std::string> listed;
            for (const Json& wo : *fresh) listed.insert(wo.value("id", ""));
            auto old = ctx.store().list_records(store::RecordKind::kWorkOrder, {std::nullopt, 1000, 0});
            if (!old) return old.error();
            for (const auto& r : *old) {
                if (listed.count(r.id) != 0) continue;
                if (auto rm = ctx.store().remove_record(store::RecordKind::kWorkOrder, r.id); !rm) return rm;
            }
            for (const Json& wo : *fresh) {
                if (auto c = cache_work_order(ctx, wo); !c) return c;
            }
            return domain::success();
        });
        if (!tx) return tx.error();
    } else if (unreachable(fresh.error())) {
        stale = true;
    } else {
        return fresh.error();
    }
    auto records = ctx.store().list_records(store::RecordKind::kWorkOrder, {std::nullopt, 1000, 0});
    if (!records) return records.error();
    auto outbox = ctx.device_store().outbox();
    if (!outbox) return outbox.error();
    Json items = Json::array();
    for (const auto& r : *records) {
        Json wo = Json::parse(r.payload, nullptr, false);
        if (!wo.is_object()) continue;
        overlay(wo, *outbox);
        if (state && wo.value("state", "") != *state) continue;
        items.push_back(std::move(wo));
    }
    sort_for_the_day(items);
    return Json{{"items", std::move(items)}, {"stale", stale}, {"fetched_at", domain::format_iso8601(ctx.clock().now())}};
}

domain::Result<Json> update_work_order(FlowContext& ctx, const Json& args, bool& queued) {
    queued = false;
    auto who = ctx.require_session("engineer");
    if (!who) return who.error();
    const auto now = ctx.clock().now();
    std::string id;
    auto update = read_update(args, now, id);
    if (!update) return update.error();
    auto known = known_work_order(ctx, id);
    if (!known) return known.error();
    auto outbox = ctx.device_store().outbox();
    if (!outbox) return outbox.error();
    Json view = *known;
    overlay(view, *outbox);

    domain::WorkOrder order;
    order.id = id;
    order.assignee = view.value("assignee", "");
    order.status = domain::from_string<WorkOrderStatus>(view.value("state", "")).value_or(WorkOrderStatus::kCancelled);
    if (auto ok = domain::check_work_order_update(order, who->subject, *update, now); !ok) return ok.error();

    Json payload = patch_body(*update, args, now);
    payload["id"] = id;
    auto entry = ctx.device_store().enqueue(kCommand, payload.dump());
    if (!entry) return entry.error();
    auto sent = deliver(ctx, entry->seq);
    if (sent) return sent;
    if (sent.error().code == domain::ErrorCode::kNetwork || sent.error().retryable) {
        queued = true;
        auto all = ctx.device_store().outbox();
        if (all) overlay(view, *all);
        view["queued"] = true;
        return view;
    }
    return sent.error();
}

domain::Result<Json> send_work_order_update(FlowContext& ctx, const OutboxRequest& request) {
    auto req = net::HttpRequest::with_body(request.method, request.path, request.body.dump());
    req.idempotency_key = request.idempotency_key;
    auto r = ctx.call(std::move(req));
    if (!r) return r.error();
    if (auto c = cache_work_order(ctx, *r); !c) return c.error();
    return r;
}

domain::Result<void> refresh_work_order(FlowContext& ctx, const std::string& id) {
    if (!valid_id(id)) return domain::invalid_argument({{"id", "validation.id_format", "id must be a work order id"}});
    auto fresh = ctx.call(net::HttpRequest::get(std::string(kBase) + "/" + id));
    if (!fresh) {
        // Gone from this engineer (reassigned or deleted): the cached copy would mislead.
        if (fresh.error().code == domain::ErrorCode::kNotFound) {
            return ctx.store().remove_record(store::RecordKind::kWorkOrder, id);
        }
        return fresh.error();
    }
    return cache_work_order(ctx, *fresh);
}

}  // namespace selfcare::flows
