// SPDX-License-Identifier: Apache-2.0
// Reading an outbox entry back: what a stored (command, payload, key) asks of the server. The
// SDK wrote the entry itself, but the store outlives app versions and can be damaged, so
// everything a request is built from is checked here, in one place, before anything is sent:
// a key or an id that would change the request's header lines or its path never leaves the
// device. Pure: no I/O, no store, no network.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "domain/result.hpp"
#include "store/outbox.hpp"

namespace selfcare::flows {

/// One outbox entry as a request to the service platform.
struct OutboxRequest {
    std::string command;          ///< tickets.create, orders.place, loyalty.redeem or workorders.update
    std::string method;           ///< "POST" or "PATCH"
    std::string path;             ///< the route, built only from constants and checked ids
    nlohmann::json body;          ///< a JSON object
    std::string idempotency_key;  ///< a UUID; every retry of the entry sends the same one
    std::string local_ref;        ///< tickets.create: the device's reference (externalId: "L-" + a UUID), else empty
    std::string customer;         ///< tickets.create: the customer it was reported for, or empty
    std::string work_order_id;    ///< workorders.update: the work order, else empty
};

/// Decodes `entry`. Errors (kInternal, never retryable, the message names what is wrong and
/// holds no payload data): "sync.unknown_command" for a command with no sender;
/// "sync.bad_entry" for a payload that is not a JSON object or lacks what its command needs,
/// a key that is not a UUID, or an id that is not a plain id. Thread-safe (no shared state).
domain::Result<OutboxRequest> decode_outbox_entry(const store::OutboxEntry& entry);

/// True for a lower-case UUID as new_idempotency_key() makes ("xxxxxxxx-xxxx-4xxx-yxxx-...").
bool is_idempotency_key(const std::string& key);

/// True for an id of the platform's records (letters, digits and '-', 1 to 40 of them), the only
/// text allowed into a route's path.
bool is_record_id(const std::string& id);

}  // namespace selfcare::flows
