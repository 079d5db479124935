// SPDX-License-Identifier: Apache-2.0
// Sign-in: customers by SMS one-time code (or service password), staff by id and password.
// Tokens are random, stored only as SHA-256, and expire. Five wrong codes lock a number for
// 15 minutes. Nothing here logs a code, a password, a token or a full number.
#include <cstdio>

#include "api/routes.hpp"
#include "domain/privacy.hpp"
#include "domain/validation.hpp"
#include "http/reply.hpp"
#include "security.hpp"

namespace selfcare::server {
namespace {

constexpr std::int64_t kOtpLifetime = 5 * 60;
constexpr std::int64_t kOtpMaxFailures = 5;
constexpr std::int64_t kOtpLock = 15 * 60;
constexpr std::int64_t kCustomerTokenLifetime = 2 * 3600;
constexpr std::int64_t kStaffTokenLifetime = 10 * 3600;
constexpr std::int64_t kKioskTokenLifetime = 12 * 3600;
// A customer at a kiosk gets a short session; the kiosk also ends it on goodbye or idle.
constexpr std::int64_t kKioskCustomerLifetime = 30 * 60;

domain::Error invalid(const std::string& field, const std::string& id, const std::string& why) {
    return domain::invalid_argument({{field, id, field + " " + why}});
}

domain::Error login_failed() {
    return domain::make_error(domain::ErrorCode::kUnauthenticated, "auth.login_failed",
                              "the code or password is not correct");
}

std::string otp_hash(const std::string& msisdn, const std::string& code) {
    return sha256_hex("otp:" + msisdn + ":" + code);
}

// Wrong codes and wrong service passwords count against the number, not against a code, a
// connection or an address: asking for a new code does not start the count again. The count is
// forgotten when a sign-in succeeds, when the lock it earned has run out, or once the number has
// been left alone for the lock's length after its last code expired.
bool failures_forgotten(const Row& row, std::int64_t now) {
    const std::int64_t expires_at = row.integer(1), locked_until = row.integer(3);
    return (locked_until != 0 && locked_until <= now) || expires_at + kOtpLock <= now;
}

// Counts one wrong code or password for `msisdn` (row: code_hash, expires_at, failures,
// locked_until, or none). Returns true when the number is now locked.
domain::Result<bool> count_failure(Sql& sql, const std::string& msisdn, const std::vector<Row>& row, std::int64_t now) {
    if (row.empty()) {
        // No code was asked for (a service-password attempt): a row with no usable code holds the count.
        auto ins = sql.execute("INSERT INTO otp_codes (msisdn, code_hash, expires_at, failures, locked_until)"
                               " VALUES (?, '', ?, 1, 0)", {msisdn, now});
        if (!ins) return ins.error();
        return kOtpMaxFailures <= 1;
    }
    const std::int64_t failures = (failures_forgotten(row.front(), now) ? 0 : row.front().integer(2)) + 1;
    const bool locked = failures >= kOtpMaxFailures;
    auto u = sql.execute("UPDATE otp_codes SET failures = ?, locked_until = ? WHERE msisdn = ?",
                         {failures, locked ? now + kOtpLock : std::int64_t{0}, msisdn});
    if (!u) return u.error();
    return locked;
}

domain::Error locked_out() {
    return domain::make_error(domain::ErrorCode::kForbidden, "auth.locked",
                              "too many wrong codes; try again in 15 minutes");
}

// The kiosk a request comes through, when it carries a valid kiosk token; "" otherwise.
domain::Result<std::string> calling_kiosk(Context& ctx, const httplib::Request& req) {
    const std::string header = req.get_header_value("Authorization");
    if (header.rfind("Bearer ", 0) != 0) return std::string();
    auto rows = ctx.db.query("SELECT subject FROM tokens WHERE token_hash = ? AND role = 'kiosk' AND expires_at > ?",
                             {sha256_hex(std::string_view(header).substr(7)), ctx.now()});
    if (!rows) return rows.error();
    return rows->empty() ? std::string() : rows->front().text(0);
}

domain::Result<Reply> issue_token(Context& ctx, const std::string& role, const std::string& subject,
                                  std::int64_t lifetime, const std::string& device = "") {
    const std::string token = random_hex(32);
    const std::int64_t now = ctx.now();
    auto r = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
        // Expired tokens are removed as new ones are issued, so the table does not grow forever.
        if (auto d = sql.execute("DELETE FROM tokens WHERE expires_at < ?", {now}); !d) return d.error();
        if (!device.empty() && role == "customer") {
            // One customer per kiosk: the previous customer's session there ends now.
            auto d = sql.execute("DELETE FROM tokens WHERE device = ? AND role = 'customer'", {device});
            if (!d) return d.error();
            auto v = sql.execute("INSERT INTO kiosk_visits (device, msisdn, at) VALUES (?, ?, ?)"
                                 " ON CONFLICT (device, msisdn) DO UPDATE SET at = excluded.at",
                                 {device, subject, now});
            if (!v) return v.error();
        }
        auto ins = sql.execute("INSERT INTO tokens (token_hash, role, subject, expires_at, created_at, device)"
                               " VALUES (?, ?, ?, ?, ?, ?)",
                               {sha256_hex(token), role, subject, now + lifetime, now,
                                device.empty() ? SqlValue(nullptr) : SqlValue(device)});
        if (!ins) return ins.error();
        return domain::success();
    });
    if (!r) return r.error();
    Reply reply;
    reply.status = 201;
    reply.body = {{"access_token", token}, {"token_type", "Bearer"}, {"expires_in", lifetime},
                  {"role", role}, {"subject", role == "customer" ? domain::mask_msisdn(subject) : subject}};
    return reply;
}


}  // namespace

void register_auth_routes(httplib::Server& server, Context& ctx) {
    route(server, ctx, "POST", "/auth/otp", Access::kPublic, [&ctx](const httplib::Request& req, const Principal&) -> Result {
        auto body = json_body(req);
        if (!body) return body.error();
        const auto raw = body->value("msisdn", Json()).is_string() ? (*body)["msisdn"].get<std::string>() : "";
        auto msisdn = domain::normalize_msisdn(raw, "msisdn");
        if (!msisdn) return msisdn.error();
        const std::int64_t now = ctx.now();
        std::string code = ctx.options.sandbox_otp.empty() ? random_digits(6) : ctx.options.sandbox_otp;
        domain::Error locked_error;
        bool locked = false;
        auto r = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
            auto known = sql.query("SELECT 1 FROM customers WHERE msisdn = ?", {*msisdn});
            if (!known) return known.error();
            auto row = sql.query("SELECT code_hash, expires_at, failures, locked_until FROM otp_codes WHERE msisdn = ?",
                                 {*msisdn});
            if (!row) return row.error();
            if (!row->empty() && (*row)[0].integer(3) > now) {
                locked = true;
                return domain::success();
            }
            if (known->empty()) return domain::success();  // same answer for unknown numbers
            // A new code replaces the old one but not the count of wrong tries.
            const std::int64_t carried = row->empty() || failures_forgotten(row->front(), now) ? 0 : row->front().integer(2);
            if (auto d = sql.execute("DELETE FROM otp_codes WHERE msisdn = ?", {*msisdn}); !d) return d.error();
            auto ins = sql.execute("INSERT INTO otp_codes (msisdn, code_hash, expires_at, failures, locked_until)"
                                   " VALUES (?, ?, ?, ?, 0)",
                                   {*msisdn, otp_hash(*msisdn, code), now + kOtpLifetime, carried});
            if (!ins) return ins.error();
            ctx.sms.send_code(*msisdn, code);
            return domain::success();
        });
        std::fill(code.begin(), code.end(), '0');
        if (!r) return r.error();
        if (locked) return locked_out();
        Reply reply;
        reply.status = 202;
        reply.body = {{"sent", true}, {"expires_in", kOtpLifetime}};
        return reply;
    });

    route(server, ctx, "POST", "/auth/token", Access::kPublic, [&ctx](const httplib::Request& req, const Principal&) -> Result {
        auto body = json_body(req);
        if (!body) return body.error();
        const auto str = [&](const char* k) {
            const auto it = body->find(k);
            return it != body->end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        // Kiosks: device id + the secret issued at registration.
        if (body->contains("device_id")) {
            const std::string id = str("device_id"), secret = str("device_secret");
            if (id.empty()) return invalid("device_id", "validation.required", "is required");
            if (secret.empty()) return invalid("device_secret", "validation.required", "is required");
            auto rows = ctx.db.query("SELECT secret_hash FROM devices WHERE id = ?", {id});
            if (!rows) return rows.error();
            if (rows->empty() || !constant_time_equal((*rows)[0].text(0), sha256_hex(secret))) return login_failed();
            return issue_token(ctx, "kiosk", id, kKioskTokenLifetime);
        }
        // Staff: id + password.
        if (body->contains("staff_id")) {
            const std::string id = str("staff_id"), password = str("password");
            if (id.empty()) return invalid("staff_id", "validation.required", "is required");
            if (password.empty()) return invalid("password", "validation.required", "is required");
            auto rows = ctx.db.query("SELECT role, password_hash FROM staff WHERE id = ?", {id});
            if (!rows) return rows.error();
            if (rows->empty() || !verify_password(password, (*rows)[0].text(1))) return login_failed();
            return issue_token(ctx, (*rows)[0].text(0), id, kStaffTokenLifetime);
        }
        auto msisdn = domain::normalize_msisdn(str("msisdn"), "msisdn");
        if (!msisdn) return msisdn.error();
        const std::int64_t now = ctx.now();
        auto kiosk = calling_kiosk(ctx, req);
        if (!kiosk) return kiosk.error();
        const std::int64_t customer_lifetime = kiosk->empty() ? kCustomerTokenLifetime : kKioskCustomerLifetime;

        if (body->contains("service_password")) {
            const std::string password = str("service_password");
            if (password.empty()) return invalid("service_password", "validation.required", "is required");
            auto rows = ctx.db.query("SELECT service_password_hash FROM customers WHERE msisdn = ?", {*msisdn});
            if (!rows) return rows.error();
            if (rows->empty() || rows->front().is_null(0)) return login_failed();
            // The service password is six digits too: its wrong tries share the code's lock.
            const bool right = verify_password(password, (*rows)[0].text(0));
            enum class Outcome { kOk, kWrong, kLocked } outcome = Outcome::kWrong;
            auto r = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
                auto row = sql.query("SELECT code_hash, expires_at, failures, locked_until FROM otp_codes"
                                     " WHERE msisdn = ?", {*msisdn});
                if (!row) return row.error();
                if (!row->empty() && row->front().integer(3) > now) {
                    outcome = Outcome::kLocked;
                    return domain::success();
                }
                if (right) {
                    outcome = Outcome::kOk;
                    auto d = sql.execute("DELETE FROM otp_codes WHERE msisdn = ?", {*msisdn});
                    if (!d) return d.error();
                    return domain::success();
                }
                auto locked = count_failure(sql, *msisdn, *row, now);
                if (!locked) return locked.error();
                if (*locked) outcome = Outcome::kLocked;
                return domain::success();
            });
            if (!r) return r.error();
            if (outcome == Outcome::kOk) return issue_token(ctx, "customer", *msisdn, customer_lifetime, *kiosk);
            if (outcome == Outcome::kLocked) {
                std::fprintf(stderr, "auth: %s locked after repeated wrong passwords\n", domain::mask_msisdn(*msisdn).c_str());
                return locked_out();
            }
            return login_failed();
        }

        const std::string otp = str("otp");
        if (otp.size() != 6 || otp.find_first_not_of("0123456789") != std::string::npos) {
            return invalid("otp", "validation.otp_format", "must be the 6-digit code from the SMS");
        }
        enum class Outcome { kOk, kWrong, kLocked, kExpired } outcome = Outcome::kWrong;
        auto r = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
            auto rows = sql.query("SELECT code_hash, expires_at, failures, locked_until FROM otp_codes"
                                  " WHERE msisdn = ?", {*msisdn});
            if (!rows) return rows.error();
            if (rows->empty()) return domain::success();
            const Row& row = rows->front();
            if (row.integer(3) > now) {
                outcome = Outcome::kLocked;
                return domain::success();
            }
            if (row.integer(1) < now) {
                outcome = Outcome::kExpired;
                return domain::success();
            }
            if (constant_time_equal(row.text(0), otp_hash(*msisdn, otp))) {
                outcome = Outcome::kOk;
                auto d = sql.execute("DELETE FROM otp_codes WHERE msisdn = ?", {*msisdn});  // single use
                if (!d) return d.error();
                return domain::success();
            }
            auto locked = count_failure(sql, *msisdn, *rows, now);
            if (!locked) return locked.error();
            outcome = *locked ? Outcome::kLocked : Outcome::kWrong;
            return domain::success();
        });
        if (!r) return r.error();
        switch (outcome) {
            case Outcome::kOk: return issue_token(ctx, "customer", *msisdn, customer_lifetime, *kiosk);
            case Outcome::kLocked:
                std::fprintf(stderr, "auth: %s locked after repeated wrong codes\n", domain::mask_msisdn(*msisdn).c_str());
                return locked_out();
            case Outcome::kExpired:
                return domain::make_error(domain::ErrorCode::kUnauthenticated, "auth.otp_expired",
                                          "the code has expired; ask for a new one");
            case Outcome::kWrong: break;
        }
        return login_failed();
    });

    route(server, ctx, "POST", "/auth/logout", Access::kAnyUser, [&ctx](const httplib::Request&, const Principal& who) -> Result {
        auto r = ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
            auto d = sql.execute("DELETE FROM tokens WHERE token_hash = ?", {who.token_hash});
            if (!d) return d.error();
            return domain::success();
        });
        if (!r) return r.error();
        Reply reply;
        reply.status = 204;
        return reply;
    });
}

}  // namespace selfcare::server
