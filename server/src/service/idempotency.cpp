// SPDX-License-Identifier: Apache-2.0
#include "service/idempotency.hpp"

#include "security.hpp"

namespace selfcare::server {
namespace {

constexpr std::int64_t kRetention = 30LL * 24 * 3600;
// A 'running' record older than this belongs to a process that died mid-request: take it over.
constexpr std::int64_t kAbandoned = 60;

domain::Error conflict_in_flight() {
    return domain::make_error(domain::ErrorCode::kConflict, "idempotency.in_progress",
                              "a request with this Idempotency-Key is still being processed");
}

}  // namespace

Result with_idempotency(Context& ctx, const httplib::Request& req, const Principal& who, const std::string& route_name,
                        const std::function<Result(Sql&)>& effect) {
    const std::string key = req.get_header_value("Idempotency-Key");
    if (key.empty()) {
        return domain::invalid_argument({{"Idempotency-Key", "idempotency.key_required", "Idempotency-Key header is required"}});
    }
    if (key.size() > 100) {
        return domain::invalid_argument({{"Idempotency-Key", "validation.too_long", "Idempotency-Key must have at most 100 characters"}});
    }
    const std::string principal = who.role + ":" + who.subject;
    const std::string body_hash = sha256_hex(route_name + "\n" + req.body);
    const std::int64_t now = ctx.now();

    // One transaction claims the key, runs the effect and records its answer, so they commit
    // together or not at all: a server killed in the middle leaves no claim behind. (With the
    // claim committed on its own, a retry after a kill -9 was refused with 409 for a minute.)
    // A concurrent copy of the request waits for the first and replays it (SQLite), or fails on
    // the key and is answered 409 idempotency.in_progress, which clients ask again (PostgreSQL).
    std::optional<Reply> replay;
    Result outcome = Reply{};
    bool effect_ran = false;
    auto tx = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
        replay.reset();  // the transaction may run again after a serialization failure
        effect_ran = false;
        if (auto d = sql.execute("DELETE FROM idempotency WHERE created_at < ?", {now - kRetention}); !d) return d.error();
        auto rows = sql.query("SELECT body_hash, state, response_status, response_body, created_at FROM idempotency"
                              " WHERE principal = ? AND idem_key = ?", {principal, key});
        if (!rows) return rows.error();
        if (rows->empty()) {
            auto ins = sql.execute("INSERT INTO idempotency (principal, idem_key, route, body_hash, state, created_at)"
                                   " VALUES (?, ?, ?, ?, 'running', ?)", {principal, key, route_name, body_hash, now});
            if (!ins) {
                if (ins.error().id == "server.duplicate") return conflict_in_flight();
                return ins.error();
            }
        } else {
            const Row& r = rows->front();
            if (r.text(0) != body_hash) {
                return domain::make_error(domain::ErrorCode::kServer, "idempotency.key_reused",
                                          "this Idempotency-Key was used with a different request");
            }
            if (r.text(1) == "done") {
                Reply stored;
                stored.status = static_cast<int>(r.integer(2));
                stored.raw = r.text(3);
                stored.headers = {{"Idempotent-Replayed", "true"}};
                replay = std::move(stored);
                return domain::success();
            }
            // A 'running' row committed by an older server version that died mid-request.
            if (now - r.integer(4) < kAbandoned) return conflict_in_flight();
            auto take = sql.execute("UPDATE idempotency SET created_at = ? WHERE principal = ? AND idem_key = ?",
                                    {now, principal, key});
            if (!take) return take.error();
        }
        effect_ran = true;
        Result r = effect(sql);
        if (!r) return r.error();  // the claim and the effect's writes roll back; the answer is recorded below
        Reply reply = std::move(r).value();
        if (reply.raw.empty()) reply.raw = reply.body.dump();
        auto u = sql.execute("UPDATE idempotency SET state = 'done', response_status = ?, response_body = ?"
                             " WHERE principal = ? AND idem_key = ?",
                             {std::int64_t{reply.status}, reply.raw, principal, key});
        if (!u) return u.error();
        outcome = std::move(reply);
        return domain::success();
    });
    if (!tx) {
        // A refusal of the effect (4xx) is recorded in its own transaction so a retry gets the
        // same answer; a retryable failure, or one before the effect ran, records nothing.
        const auto& e = tx.error();
        if (effect_ran && !e.retryable) {
            const std::string raw = error_body(e).dump();
            auto record = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
                auto ins = sql.execute("INSERT INTO idempotency (principal, idem_key, route, body_hash, state,"
                                       " response_status, response_body, created_at) VALUES (?, ?, ?, ?, 'done', ?, ?, ?)",
                                       {principal, key, route_name, body_hash, std::int64_t{http_status(e)}, raw, now});
                if (!ins && ins.error().id != "server.duplicate") return ins.error();  // a copy recorded it first
                return domain::success();
            });
            (void)record;
        }
        return e;
    }
    if (replay) return *replay;
    return outcome;
}

}  // namespace selfcare::server
