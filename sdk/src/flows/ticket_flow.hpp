// SPDX-License-Identifier: Apache-2.0
// Report and track (故障申报 / 维修进度): tickets.create is validated on the device with the same
// domain rules as the server, written with its outbox row in one transaction, and sent at once
// when the server answers; offline it answers SC_E_OFFLINE_QUEUED with the local ticket, so a
// kiosk can print a receipt either way. tickets.list / tickets.get read through the cache.
#pragma once

#include "flows/flow_context.hpp"
#include "flows/outbox_codec.hpp"

namespace selfcare::flows {

/// tickets.create {category, subcategory, description, contact, severity?, channel?, address?
/// {text, area_type?}, diagnostics? {signal_dbm, cell_id?, network_type?}, appointment?
/// {start, end}}. Result: the server's ticket, or the local one with "queued": true and
/// "local_ref" (status SC_E_OFFLINE_QUEUED is signalled by `queued`).
domain::Result<Json> create_ticket(FlowContext& ctx, const Json& args, bool& queued);

/// tickets.list: the customer's tickets (server tickets plus those still queued on the device).
domain::Result<Json> list_tickets(FlowContext& ctx, const Json& args);

/// tickets.get {id}: one ticket with timeline, deadlines, work order and engineer ETA; a local
/// reference ("L-...") answers the queued ticket.
domain::Result<Json> get_ticket(FlowContext& ctx, const Json& args);

/// tickets.rate {id, score 1-5, comment?, reopen?}: closes the resolved ticket, or with reopen
/// sends it back to inProgress. Online only (the server decides what the rating does).
domain::Result<Json> rate_ticket(FlowContext& ctx, const Json& args);

/// Re-reads one ticket from the server into the cache (an event said it changed). Errors are
/// the server's or the network's; an id that is not a server ticket id is invalid_argument.
domain::Result<void> refresh_ticket(FlowContext& ctx, const std::string& id);

/// Sends one queued tickets.create (decoded by decode_outbox_entry). On success the local
/// record is replaced by the server's.
domain::Result<Json> send_ticket_create(FlowContext& ctx, const OutboxRequest& request);

}  // namespace selfcare::flows
