// SPDX-License-Identifier: Apache-2.0
#include "flows/outbox_codec.hpp"

#include <string_view>

namespace selfcare::flows {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kTicketPath = "/tmf-api/troubleTicket/v4/troubleTicket";
constexpr std::string_view kOrderPath = "/tmf-api/productOrderingManagement/v4/productOrder";
constexpr std::string_view kRedemptionPath = "/tmf-api/loyalty/v4/redemption";
constexpr std::string_view kWorkOrderPath = "/tmf-api/workOrderManagement/v4/workOrder";

domain::Error bad_entry(const std::string& why) {
    return domain::make_error(domain::ErrorCode::kInternal, "sync.bad_entry", "an outbox entry is not readable: " + why);
}

// A string member of `o`, or empty when absent or not a string.
std::string text(const Json& o, const char* key) {
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// TMF621 relatedParty: the customer a report was made for (empty when none is named).
std::string related_customer(const Json& payload) {
    const auto parties = payload.find("relatedParty");
    if (parties == payload.end() || !parties->is_array()) return {};
    for (const Json& p : *parties) {
        if (p.is_object() && text(p, "role") == "customer") return text(p, "id");
    }
    return {};
}

}  // namespace

bool is_idempotency_key(const std::string& key) {
    if (key.size() != 36) return false;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i];
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

bool is_record_id(const std::string& id) {
    if (id.empty() || id.size() > 40) return false;
    for (const char c : id) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) return false;
    }
    return true;
}

domain::Result<OutboxRequest> decode_outbox_entry(const store::OutboxEntry& entry) {
    const auto& command = entry.command;
    const bool known = command == "tickets.create" || command == "orders.place" || command == "loyalty.redeem" ||
                       command == "workorders.update";
    if (!known) {
        return domain::make_error(domain::ErrorCode::kInternal, "sync.unknown_command",
                                  "no sender for an outbox command of this kind");
    }
    Json payload = Json::parse(entry.payload, nullptr, false);
    if (!payload.is_object()) return bad_entry("the payload is not a JSON object");
    if (!is_idempotency_key(entry.idempotency_key)) return bad_entry("the idempotency key is not a UUID");

    OutboxRequest out;
    out.command = command;
    out.idempotency_key = entry.idempotency_key;
    out.method = "POST";
    if (command == "tickets.create") {
        out.path = kTicketPath;
        out.local_ref = text(payload, "externalId");
        // "L-" and a UUID (ticket_flow makes it so); it is also the report's key on the server.
        if (!out.local_ref.starts_with("L-") || !is_idempotency_key(out.local_ref.substr(2))) {
            return bad_entry("a report has no valid local reference");
        }
        out.customer = related_customer(payload);
        out.body = std::move(payload);
    } else if (command == "orders.place" || command == "loyalty.redeem") {
        out.path = command == "orders.place" ? kOrderPath : kRedemptionPath;
        out.body = std::move(payload);
    } else {
        out.work_order_id = text(payload, "id");
        if (!is_record_id(out.work_order_id)) return bad_entry("a work-order update has no valid work order id");
        out.method = "PATCH";
        out.path = std::string(kWorkOrderPath) + "/" + out.work_order_id;
        payload.erase("id");
        // The ETA is shown on the device while the update waits; the server takes the state,
        // location and note.
        payload.erase("eta");
        out.body = std::move(payload);
    }
    return out;
}

}  // namespace selfcare::flows
