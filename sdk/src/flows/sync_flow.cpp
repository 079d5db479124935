// SPDX-License-Identifier: Apache-2.0
#include "flows/sync_flow.hpp"

#include <random>
#include <vector>

#include "domain/iso8601.hpp"
#include "flows/order_flow.hpp"
#include "flows/outbox_codec.hpp"
#include "flows/outbox_schedule.hpp"
#include "flows/ticket_flow.hpp"
#include "flows/work_order_flow.hpp"
#include "net/retry.hpp"

namespace selfcare::flows {
namespace {

constexpr const char* kStatusKey = "sync.status";

// An entry that cannot be read is refused like a server refusal (settle() keeps it, marked
// failed, and tells the app), so one damaged entry never blocks the ones behind it.
domain::Result<Json> send_entry(FlowContext& ctx, const store::OutboxEntry& e) {
    auto request = decode_outbox_entry(e);
    if (!request) return request.error();
    if (request->command == "tickets.create") return send_ticket_create(ctx, *request);
    if (request->command == "workorders.update") return send_work_order_update(ctx, *request);
    return send_keyed_write(ctx, *request);
}

// A text field of an entry's payload ("" when absent or unreadable).
std::string payload_field(const store::OutboxEntry& e, const char* key) {
    const Json p = Json::parse(e.payload, nullptr, false);
    return p.is_object() && p.value(key, Json()).is_string() ? p[key].get<std::string>() : std::string();
}

void record_status(FlowContext& ctx, bool success, const std::string& error_id) {
    auto prev = ctx.device_store().get_cache_entry(kStatusKey);
    Json s = prev && *prev ? Json::parse((*prev)->payload, nullptr, false) : Json::object();
    if (!s.is_object()) s = Json::object();
    const std::string now = domain::format_iso8601(ctx.clock().now());
    if (success) s["last_success"] = now;
    else s["last_error"] = {{"at", now}, {"code", error_id}};
    (void)ctx.device_store().put_cache_entry(kStatusKey, s.dump(), ctx.clock().now());
}

// Keeps the final outcome of an entry for a command still waiting to hear it (see deliver()).
void remember_outcome(FlowContext& ctx, std::int64_t seq, const domain::Result<Json>& r) {
    constexpr std::size_t kKept = 256;  // more than can queue up behind the sync lock at once
    auto& outcomes = ctx.settled_outcomes();
    outcomes.insert_or_assign(seq, r);
    while (outcomes.size() > kKept) outcomes.erase(outcomes.begin());
}

// Applies the outcome of one attempt to the entry. Returns true when draining may go on.
bool settle(FlowContext& ctx, const store::OutboxEntry& e, const domain::Result<Json>& r) {
    if (r) {
        remember_outcome(ctx, e.seq, r);
        // One commit: the entry leaves the outbox and the sync state says so together.
        (void)ctx.device_store().transaction([&]() -> domain::Result<void> {
            if (auto rm = ctx.device_store().outbox_remove(e.seq); !rm) return rm;
            record_status(ctx, true, "");
            return domain::success();
        });
        if (e.command == "tickets.create") {
            ctx.emit("ticket.updated", {{"local_ref", payload_field(e, "externalId")},
                                        {"id", r->value("id", "")}, {"status", r->value("status", "")}});
        } else if (e.command == "workorders.update") {
            ctx.emit("workorder.updated", {{"id", r->value("id", "")}, {"status", r->value("state", "")}});
        } else {
            ctx.emit("sync.delivered", {{"command", e.command}, {"id", r->value("id", "")}});
        }
        return true;
    }
    const auto& err = r.error();
    record_status(ctx, false, err.id);
    if (err.code == domain::ErrorCode::kNetwork || err.retryable || err.code == domain::ErrorCode::kUnauthenticated) {
        // Not the server's verdict on the command: try again later, with backoff.
        static thread_local std::mt19937_64 rng(std::random_device{}());
        net::RetryPolicy policy;
        policy.base_delay = std::chrono::milliseconds(2000);
        policy.max_delay = std::chrono::milliseconds(5 * 60 * 1000);
        const auto wait = net::backoff_delay(policy, static_cast<int>(e.attempts) + 1, rng);
        (void)ctx.device_store().outbox_retry_later(e.seq, err.id,
                                             ctx.clock().now() + std::chrono::duration_cast<domain::Duration>(wait));
        return false;
    }
    // The server said no (the ticket was cancelled meanwhile, say): keep the entry, marked
    // failed with the server's reason, and tell the app; never drop it silently.
    (void)ctx.device_store().outbox_mark_failed(e.seq, err.id);
    remember_outcome(ctx, e.seq, r);
    Json failed{{"command", e.command}, {"seq", e.seq}, {"code", err.id}, {"message", err.message}};
    if (e.command == "workorders.update") {
        const std::string id = payload_field(e, "id");
        failed["id"] = id;
        (void)refresh_work_order(ctx, id);  // show what the server holds now
    }
    ctx.emit("sync.failed", failed);
    return true;
}

struct DrainCount {
    int sent = 0, failed = 0;
};

// Sends the first `limit` entries of `entries` that are pending, in order, settling each, and
// stops at the first one that must be tried again later (the order is kept).
DrainCount send_in_order(FlowContext& ctx, const std::vector<store::OutboxEntry>& entries, std::size_t limit) {
    DrainCount n;
    for (std::size_t i = 0; i < limit && i < entries.size(); ++i) {
        const auto& e = entries[i];
        if (e.state != store::OutboxState::kPending) continue;
        auto r = send_entry(ctx, e);
        const bool go_on = settle(ctx, e, r);
        if (r) ++n.sent;
        else if (go_on) ++n.failed;
        if (!go_on) break;
    }
    return n;
}

}  // namespace

domain::Result<Json> deliver(FlowContext& ctx, std::int64_t seq) {
    std::lock_guard lock(ctx.sync_mutex());
    // Read a few at a time: with a long queue the first entry usually decides (it is sent, or
    // it is waiting out a backoff and everything behind it waits too).
    std::int64_t done_through = 0;
    for (;;) {
        auto batch = ctx.device_store().outbox_pending_through(seq, 8);
        if (!batch) return batch.error();
        if (batch->empty()) {
            // The background drain took the lock first and settled the entry: answer with how
            // it ended. Telling the app it failed when it was delivered would invite a second
            // order or report.
            auto& outcomes = ctx.settled_outcomes();
            if (auto it = outcomes.find(seq); it != outcomes.end()) {
                auto outcome = std::move(it->second);
                outcomes.erase(it);
                return outcome;
            }
            return domain::make_error(domain::ErrorCode::kInternal, "sync.no_entry", "the outbox entry is gone");
        }
        if (batch->front().seq <= done_through) {
            // A settled entry is still pending: the store could not record it. Stop, rather
            // than send it again in a loop.
            return domain::make_error(domain::ErrorCode::kStorage, "storage.io", "the outbox could not be updated", true);
        }
        for (const auto& e : *batch) {
            done_through = e.seq;
            if (e.seq == seq) {
                auto r = send_entry(ctx, e);
                settle(ctx, e, r);
                ctx.settled_outcomes().erase(seq);  // answered here: nobody else waits for it
                return r;
            }
            // Anything accepted earlier goes first, so the server sees commands in order.
            if (!waiting_out_backoff(e, ctx.clock().now())) {
                auto earlier = send_entry(ctx, e);
                if (settle(ctx, e, earlier)) continue;
            }
            return domain::make_error(domain::ErrorCode::kNetwork, "sync.queued_behind",
                                      "earlier commands are still waiting to be sent", true);
        }
    }
}

domain::Result<Json> sync_now(FlowContext& ctx, const Json&) {
    std::lock_guard lock(ctx.sync_mutex());
    auto all = ctx.device_store().outbox();
    if (!all) return all.error();
    const auto n = send_in_order(ctx, *all, all->size());
    auto pending = ctx.device_store().outbox_pending_count();
    if (!pending) return pending.error();
    if (*pending == 0 && n.sent > 0) ctx.emit("sync.drained", {{"sent", n.sent}});
    return Json{{"sent", n.sent}, {"failed", n.failed}, {"pending", *pending}};
}

domain::Result<Json> drain_due(FlowContext& ctx) {
    std::lock_guard lock(ctx.sync_mutex());
    auto all = ctx.device_store().outbox();
    if (!all) return all.error();
    const auto n = send_in_order(ctx, *all, sendable_in_background(*all, ctx.clock().now()));
    if (n.sent > 0) {
        auto pending = ctx.device_store().outbox_pending_count();
        if (pending && *pending == 0) ctx.emit("sync.drained", {{"sent", n.sent}});
    }
    return Json{{"sent", n.sent}, {"failed", n.failed}};
}

domain::Result<Json> sync_status(FlowContext& ctx, const Json&) {
    auto all = ctx.device_store().outbox();
    if (!all) return all.error();
    std::int64_t pending = 0, failed = 0;
    std::optional<domain::Instant> oldest;
    Json items = Json::array();
    Json by_command = Json::object();  // what is waiting, by kind: "2 reports, 1 order"
    for (const auto& e : *all) {
        if (e.state == store::OutboxState::kPending) {
            ++pending;
            by_command[e.command] = by_command.value(e.command, 0) + 1;
            if (!oldest || e.created_at < *oldest) oldest = e.created_at;
        } else {
            ++failed;
        }
        items.push_back({{"seq", e.seq}, {"command", e.command},
                         {"state", e.state == store::OutboxState::kPending ? "pending" : "failed"},
                         {"attempts", e.attempts}, {"last_error", e.last_error},
                         {"created_at", domain::format_iso8601(e.created_at)}});
    }
    auto status = ctx.device_store().get_cache_entry(kStatusKey);
    Json s = status && *status ? Json::parse((*status)->payload, nullptr, false) : Json::object();
    if (!s.is_object()) s = Json::object();
    const auto online = ctx.online();
    return Json{{"pending", pending},
                {"pending_by_command", std::move(by_command)},
                {"failed", failed},
                {"online", online ? Json(*online) : Json(nullptr)},
                {"oldest_pending_seconds", oldest ? (ctx.clock().now() - *oldest).count() : 0},
                {"last_success", s.value("last_success", Json(nullptr))},
                {"last_error", s.value("last_error", Json(nullptr))},
                {"items", std::move(items)}};
}

domain::Result<std::int64_t> settle_departed_customer(FlowContext& ctx) {
    std::lock_guard lock(ctx.sync_mutex());
    auto all = ctx.device_store().outbox();
    if (!all) return all.error();
    std::int64_t reports = 0;
    for (const auto& e : *all) {
        if (e.state != store::OutboxState::kPending) continue;
        if (e.command == "tickets.create") {
            ++reports;
            continue;
        }
        if (auto f = ctx.device_store().outbox_mark_failed(e.seq, "kiosk.customer_left"); !f) return f.error();
        ctx.emit("sync.failed", {{"command", e.command}, {"seq", e.seq}, {"code", "kiosk.customer_left"},
                                 {"message", "the customer left before this could be sent"}});
    }
    return reports;
}

}  // namespace selfcare::flows
