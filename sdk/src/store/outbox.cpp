// SPDX-License-Identifier: Apache-2.0
#include "store/outbox.hpp"

#include <openssl/rand.h>

#include <array>

namespace selfcare::store {
namespace {

std::int64_t seconds(domain::Instant t) { return t.time_since_epoch().count(); }
domain::Instant instant(std::int64_t s) { return domain::Instant{domain::Duration{s}}; }

constexpr std::string_view kColumns =
    "seq, command, payload, idempotency_key, state, created_at, attempts, last_attempt_at,"
    " next_attempt_at, last_error";

OutboxEntry read_entry(const Statement& s) {
    OutboxEntry e;
    e.seq = s.column_int(0);
    e.command = s.column_text(1);
    e.payload = s.column_text(2);
    e.idempotency_key = s.column_text(3);
    e.state = s.column_text(4) == "failed" ? OutboxState::kFailed : OutboxState::kPending;
    e.created_at = instant(s.column_int(5));
    e.attempts = s.column_int(6);
    if (!s.column_is_null(7)) e.last_attempt_at = instant(s.column_int(7));
    e.next_attempt_at = instant(s.column_int(8));
    e.last_error = s.column_text(9);
    return e;
}

domain::Result<std::vector<OutboxEntry>> collect(Statement& s, std::string_view context) {
    std::vector<OutboxEntry> out;
    for (;;) {
        auto row = s.step(context);
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(read_entry(s));
    }
}

domain::Result<void> run_on(Connection& db, std::string_view sql, std::int64_t seq,
                            std::string_view context) {
    auto s = Statement::prepare(db, sql);
    if (!s) return s.error();
    s->bind(1, seq);
    return s->run(context);
}

}  // namespace

domain::Result<std::string> new_idempotency_key() {
    std::array<unsigned char, 16> b{};
    if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1) {
        return domain::make_error(domain::ErrorCode::kInternal, "storage.random",
                                  "random generator failed");
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kHex[b[i] >> 4];
        out += kHex[b[i] & 0x0F];
    }
    return out;
}

domain::Result<OutboxEntry> outbox_enqueue(Connection& db, std::string_view command,
                                           std::string_view payload, domain::Instant now) {
    domain::FieldErrors errors;
    if (command.empty()) errors.push_back({"command", "validation.required", "command is required"});
    if (payload.empty()) errors.push_back({"payload", "validation.required", "payload is required"});
    if (!errors.empty()) return domain::invalid_argument(std::move(errors));
    auto key = new_idempotency_key();
    if (!key) return key.error();
    auto s = Statement::prepare(db,
                                "INSERT INTO outbox (command, payload, idempotency_key, created_at,"
                                " next_attempt_at) VALUES (?, ?, ?, ?, ?)");
    if (!s) return s.error();
    s->bind(1, command).bind(2, payload).bind(3, *key).bind(4, seconds(now)).bind(5, seconds(now));
    if (auto r = s->run("enqueue outbox entry"); !r) return r.error();
    OutboxEntry e;
    e.seq = sqlite_last_insert_rowid(db);
    e.command = std::string(command);
    e.payload = std::string(payload);
    e.idempotency_key = std::move(key).value();
    e.created_at = now;
    e.next_attempt_at = now;
    return e;
}

domain::Result<std::vector<OutboxEntry>> outbox_list(Connection& db) {
    auto s = Statement::prepare(db, "SELECT " + std::string(kColumns) + " FROM outbox ORDER BY seq");
    if (!s) return s.error();
    return collect(*s, "list outbox");
}

domain::Result<std::vector<OutboxEntry>> outbox_due(Connection& db, domain::Instant now,
                                                    std::int64_t limit) {
    auto s = Statement::prepare(db, "SELECT " + std::string(kColumns) +
                                        " FROM outbox WHERE state = 'pending' AND"
                                        " next_attempt_at <= ? ORDER BY seq LIMIT ?");
    if (!s) return s.error();
    s->bind(1, seconds(now)).bind(2, limit);
    return collect(*s, "list due outbox entries");
}

domain::Result<std::vector<OutboxEntry>> outbox_pending_through(Connection& db, std::int64_t seq, std::int64_t limit) {
    auto s = Statement::prepare(db, "SELECT " + std::string(kColumns) +
                                        " FROM outbox WHERE state = 'pending' AND seq <= ? ORDER BY seq LIMIT ?");
    if (!s) return s.error();
    s->bind(1, seq).bind(2, limit);
    return collect(*s, "list pending outbox entries");
}

domain::Result<void> outbox_record_attempt(Connection& db, std::int64_t seq, domain::Instant now,
                                           std::string_view error_id, domain::Instant retry_at) {
    auto s = Statement::prepare(db,
                                "UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?2,"
                                " last_error = ?3, next_attempt_at = ?4 WHERE seq = ?1");
    if (!s) return s.error();
    s->bind(1, seq).bind(2, seconds(now)).bind(3, error_id).bind(4, seconds(retry_at));
    return s->run("record outbox attempt");
}

domain::Result<void> outbox_mark_failed(Connection& db, std::int64_t seq, domain::Instant now,
                                        std::string_view error_id) {
    auto s = Statement::prepare(db,
                                "UPDATE outbox SET state = 'failed', attempts = attempts + 1,"
                                " last_attempt_at = ?2, last_error = ?3 WHERE seq = ?1");
    if (!s) return s.error();
    s->bind(1, seq).bind(2, seconds(now)).bind(3, error_id);
    return s->run("mark outbox entry failed");
}

domain::Result<void> outbox_remove(Connection& db, std::int64_t seq) {
    return run_on(db, "DELETE FROM outbox WHERE seq = ?", seq, "remove outbox entry");
}

domain::Result<std::int64_t> outbox_pending_count(Connection& db) {
    return db.query_int("SELECT count(*) FROM outbox WHERE state = 'pending'", "count outbox");
}

}  // namespace selfcare::store
