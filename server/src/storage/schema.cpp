// SPDX-License-Identifier: Apache-2.0
// Money is integer fen; times are seconds since the epoch (UTC); JSON columns hold details that
// are shown but never queried.
#include "storage/schema.hpp"

namespace selfcare::server {

std::vector<std::string> schema_statements(SqlDialect dialect) {
    const std::string serial =
        dialect == SqlDialect::kSqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY";
    return {
        "CREATE TABLE IF NOT EXISTS stores (id TEXT PRIMARY KEY, name TEXT NOT NULL, area TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS customers (msisdn TEXT PRIMARY KEY, name TEXT NOT NULL,"
        " plan_id TEXT NOT NULL, balance_fen BIGINT NOT NULL, points BIGINT NOT NULL,"
        " area TEXT NOT NULL, area_type TEXT NOT NULL, address TEXT NOT NULL,"
        " service_password_hash TEXT, last_plan_change_month TEXT)",
        "CREATE TABLE IF NOT EXISTS allowances (msisdn TEXT NOT NULL, kind TEXT NOT NULL,"
        " total BIGINT NOT NULL, used BIGINT NOT NULL, unit TEXT NOT NULL, PRIMARY KEY (msisdn, kind))",
        "CREATE TABLE IF NOT EXISTS staff (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,"
        " password_hash TEXT NOT NULL, area TEXT NOT NULL, store_id TEXT)",
        "CREATE TABLE IF NOT EXISTS otp_codes (msisdn TEXT PRIMARY KEY, code_hash TEXT NOT NULL,"
        " expires_at BIGINT NOT NULL, failures BIGINT NOT NULL, locked_until BIGINT NOT NULL)",
        // device: the kiosk a customer token was issued through (one customer per kiosk at a time).
        "CREATE TABLE IF NOT EXISTS tokens (token_hash TEXT PRIMARY KEY, role TEXT NOT NULL,"
        " subject TEXT NOT NULL, expires_at BIGINT NOT NULL, created_at BIGINT NOT NULL, device TEXT)",
        "CREATE INDEX IF NOT EXISTS tokens_by_device ON tokens (device)",
        // Who signed in at which kiosk, and when: a kiosk may deliver a fault report for a
        // customer who has left only if that customer signed in there recently.
        "CREATE TABLE IF NOT EXISTS kiosk_visits (device TEXT NOT NULL, msisdn TEXT NOT NULL,"
        " at BIGINT NOT NULL, PRIMARY KEY (device, msisdn))",
        "CREATE TABLE IF NOT EXISTS devices (id TEXT PRIMARY KEY, store_id TEXT NOT NULL,"
        " secret_hash TEXT NOT NULL, created_at BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS products (id TEXT PRIMARY KEY, kind TEXT NOT NULL,"
        " name_zh TEXT NOT NULL, name_en TEXT NOT NULL, price_fen BIGINT NOT NULL,"
        " data_mb BIGINT NOT NULL, voice_min BIGINT NOT NULL, sms BIGINT NOT NULL,"
        " description_zh TEXT NOT NULL, description_en TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS bills (id TEXT PRIMARY KEY, msisdn TEXT NOT NULL, month TEXT NOT NULL,"
        " amount_due_fen BIGINT NOT NULL, state TEXT NOT NULL, items TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS bills_by_customer ON bills (msisdn, month)",
        "CREATE TABLE IF NOT EXISTS usage_records (id " + serial + ", msisdn TEXT NOT NULL,"
        " month TEXT NOT NULL, at BIGINT NOT NULL, kind TEXT NOT NULL, counterpart TEXT NOT NULL,"
        " quantity BIGINT NOT NULL, charge_fen BIGINT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS usage_by_customer ON usage_records (msisdn, month, at)",
        "CREATE TABLE IF NOT EXISTS tickets (id TEXT PRIMARY KEY, msisdn TEXT NOT NULL,"
        " category TEXT NOT NULL, subcategory TEXT NOT NULL, severity TEXT NOT NULL,"
        " channel TEXT NOT NULL, description TEXT NOT NULL, contact TEXT NOT NULL,"
        " address TEXT, area_type TEXT, diagnostics TEXT, appointment_start BIGINT,"
        " appointment_end BIGINT, status TEXT NOT NULL, tier TEXT NOT NULL, repeat_flag BIGINT NOT NULL,"
        " complex BIGINT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
        " acknowledge_by BIGINT NOT NULL, resolve_by BIGINT NOT NULL, first_response_at BIGINT,"
        " resolved_at BIGINT, rating BIGINT, rating_comment TEXT, compensated BIGINT NOT NULL,"
        " external_id TEXT)",
        "CREATE INDEX IF NOT EXISTS tickets_by_customer ON tickets (msisdn, created_at)",
        "CREATE INDEX IF NOT EXISTS tickets_by_status ON tickets (status, resolve_by)",
        "CREATE TABLE IF NOT EXISTS ticket_events (id " + serial + ", ticket_id TEXT NOT NULL,"
        " at BIGINT NOT NULL, status TEXT NOT NULL, actor TEXT NOT NULL, note TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ticket_events_by_ticket ON ticket_events (ticket_id, id)",
        "CREATE TABLE IF NOT EXISTS work_orders (id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL,"
        " assignee TEXT NOT NULL, status TEXT NOT NULL, latitude TEXT, longitude TEXT, eta BIGINT,"
        " appointment_start BIGINT, appointment_end BIGINT, created_at BIGINT NOT NULL,"
        " updated_at BIGINT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS work_orders_by_assignee ON work_orders (assignee, status)",
        "CREATE TABLE IF NOT EXISTS work_order_events (id " + serial + ", work_order_id TEXT NOT NULL,"
        " at BIGINT NOT NULL, status TEXT NOT NULL, actor TEXT NOT NULL, note TEXT NOT NULL,"
        " latitude TEXT, longitude TEXT, eta BIGINT, recorded_at BIGINT)",
        "CREATE TABLE IF NOT EXISTS quotes (id TEXT PRIMARY KEY, msisdn TEXT NOT NULL,"
        " product_id TEXT NOT NULL, action TEXT NOT NULL, price_fen BIGINT NOT NULL,"
        " effective TEXT NOT NULL, eligible BIGINT NOT NULL, reason TEXT NOT NULL,"
        " created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS orders (id TEXT PRIMARY KEY, msisdn TEXT NOT NULL,"
        " quote_id TEXT NOT NULL UNIQUE, product_id TEXT NOT NULL, action TEXT NOT NULL,"
        " price_fen BIGINT NOT NULL, effective TEXT NOT NULL, state TEXT NOT NULL,"
        " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS orders_by_customer ON orders (msisdn, created_at)",
        "CREATE TABLE IF NOT EXISTS rewards (id TEXT PRIMARY KEY, name_zh TEXT NOT NULL,"
        " name_en TEXT NOT NULL, kind TEXT NOT NULL, points_cost BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS redemptions (id TEXT PRIMARY KEY, msisdn TEXT NOT NULL,"
        " reward_id TEXT NOT NULL, points BIGINT NOT NULL, voucher_code TEXT NOT NULL,"
        " at BIGINT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS redemptions_by_customer ON redemptions (msisdn, at)",
        // Idempotency-Key records: the first response of a keyed write, replayed byte for byte.
        "CREATE TABLE IF NOT EXISTS idempotency (principal TEXT NOT NULL, idem_key TEXT NOT NULL,"
        " route TEXT NOT NULL, body_hash TEXT NOT NULL, state TEXT NOT NULL,"
        " response_status BIGINT, response_body TEXT, created_at BIGINT NOT NULL,"
        " PRIMARY KEY (principal, idem_key))",
        "CREATE TABLE IF NOT EXISTS kb_articles (id TEXT PRIMARY KEY, locale TEXT NOT NULL,"
        " title TEXT NOT NULL, body TEXT NOT NULL, tags TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS notices (id TEXT PRIMARY KEY, area TEXT NOT NULL,"
        " kind TEXT NOT NULL, title_zh TEXT NOT NULL, title_en TEXT NOT NULL, body_zh TEXT NOT NULL,"
        " body_en TEXT NOT NULL, starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL)",
        // The event feed clients long-poll: one row per ticket or work-order change.
        "CREATE TABLE IF NOT EXISTS events (seq " + serial + ", at BIGINT NOT NULL,"
        " msisdn TEXT NOT NULL, assignee TEXT NOT NULL, type TEXT NOT NULL,"
        " resource_id TEXT NOT NULL, payload TEXT NOT NULL)",
    };
}

}  // namespace selfcare::server
