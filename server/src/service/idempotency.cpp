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

    std::optional<Reply> replay;
    domain::Result<void> claimed = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
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
            return domain::success();
        }
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
        if (now - r.integer(4) < kAbandoned) return conflict_in_flight();
        auto take = sql.execute("UPDATE idempotency SET created_at = ? WHERE principal = ? AND idem_key = ?",
                                {now, principal, key});
        if (!take) return take.error();
        return domain::success();
    });
    if (!claimed) return claimed.error();
    if (replay) return *replay;

    Result outcome = Reply{};
    auto tx = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
        Result r = effect(sql);
        if (!r) return r.error();  // the effect's writes roll back; the answer is recorded below
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
        // A refused request (4xx) is recorded in its own transaction so a retry gets the same answer;
        // a retryable failure releases the key.
        const auto& e = tx.error();
        auto record = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
            if (e.retryable) {
                auto d = sql.execute("DELETE FROM idempotency WHERE principal = ? AND idem_key = ?", {principal, key});
                if (!d) return d.error();
                return domain::success();
            }
            const std::string raw = error_body(e).dump();
            auto u = sql.execute("UPDATE idempotency SET state = 'done', response_status = ?, response_body = ?"
                                 " WHERE principal = ? AND idem_key = ?",
                                 {std::int64_t{http_status(e)}, raw, principal, key});
            if (!u) return u.error();
            return domain::success();
        });
        (void)record;
        return e;
    }
    return outcome;
}

}  // namespace selfcare::server
