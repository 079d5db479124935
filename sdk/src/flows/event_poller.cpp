// SPDX-License-Identifier: Apache-2.0
#include "flows/event_poller.hpp"

#include "flows/ticket_flow.hpp"
#include "flows/work_order_flow.hpp"

namespace selfcare::flows {
namespace {

constexpr int kPage = 100;  // the server answers at most this many events per request

std::string cursor_key(const Session& s) { return "events.cursor." + s.role + "." + s.subject; }

std::optional<std::int64_t> load_cursor(FlowContext& ctx, const std::string& key) {
    auto stored = ctx.store().get_cache_entry(key);
    if (!stored || !*stored) return std::nullopt;
    const Json j = Json::parse((*stored)->payload, nullptr, false);
    if (!j.is_object() || !j.value("cursor", Json()).is_number_integer()) return std::nullopt;
    return j["cursor"].get<std::int64_t>();
}

domain::Result<Json> fetch(FlowContext& ctx, std::int64_t after, std::chrono::seconds wait, const std::atomic<bool>* cancel) {
    auto req = net::HttpRequest::get("/selfcare/v1/events?after=" + std::to_string(after) +
                                     "&wait=" + std::to_string(wait.count()));
    req.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(wait + std::chrono::seconds(10));
    req.cancel = cancel;
    // One attempt: the caller's loop is the retry, with its own backoff.
    return ctx.call(std::move(req), true, 1);
}

// Refreshes what the event names and passes it on.
void apply(FlowContext& ctx, const Session& who, const Json& event) {
    const std::string type = event.value("type", "");
    const Json data = event.value("data", Json::object());
    if (!data.is_object()) return;
    if (type == "ticket.updated") {
        if (who.role == "customer") (void)refresh_ticket(ctx, data.value("id", ""));
    } else if (type == "workorder.updated") {
        // The engineer's own list, or the customer's ticket that shows the visit and its ETA.
        if (who.role == "engineer") (void)refresh_work_order(ctx, data.value("id", ""));
        else if (who.role == "customer") (void)refresh_ticket(ctx, data.value("ticketId", ""));
    } else {
        return;  // not an event this SDK announces
    }
    ctx.emit(type, data);
}

}  // namespace

domain::Result<void> start_event_cursor(FlowContext& ctx) {
    const auto who = ctx.session();
    if (!who || who->token.empty()) return domain::success();
    std::int64_t after = 0;
    for (;;) {
        auto page = fetch(ctx, after, std::chrono::seconds(0), nullptr);
        if (!page) return page.error();
        after = page->value("cursor", after);
        const Json events = page->value("events", Json::array());
        if (!events.is_array() || static_cast<int>(events.size()) < kPage) break;
    }
    return ctx.store().put_cache_entry(cursor_key(*who), Json{{"cursor", after}}.dump(), ctx.clock().now());
}

domain::Result<int> poll_events(FlowContext& ctx, std::chrono::seconds wait, const std::atomic<bool>* cancel) {
    const auto who = ctx.session();
    if (!who || who->token.empty()) return 0;
    const std::string key = cursor_key(*who);
    auto cursor = load_cursor(ctx, key);
    if (!cursor) {
        if (auto started = start_event_cursor(ctx); !started) return started.error();
        return 0;
    }
    std::int64_t after = *cursor;
    int applied = 0;
    for (;;) {
        auto page = fetch(ctx, after, wait, cancel);
        if (!page) return page.error();
        const Json events = page->value("events", Json::array());
        for (const Json& e : events) {
            apply(ctx, *who, e);
            ++applied;
        }
        after = page->value("cursor", after);
        if (auto saved = ctx.store().put_cache_entry(key, Json{{"cursor", after}}.dump(), ctx.clock().now()); !saved) {
            return saved.error();
        }
        // A full page means more are waiting; otherwise this round is done.
        if (!events.is_array() || static_cast<int>(events.size()) < kPage) return applied;
    }
}

}  // namespace selfcare::flows
