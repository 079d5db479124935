// SPDX-License-Identifier: Apache-2.0
// The event feed: every ticket and work-order change appends a row that customers (by msisdn)
// and engineers (by assignee) long-poll with a cursor.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "storage/database.hpp"

namespace selfcare::server {

/// Appends one event inside the caller's transaction. `type` is "ticket.updated" or
/// "workorder.updated"; `payload` is small (ids and the new status), never personal data.
domain::Result<void> append_event(Sql& sql, std::int64_t now, const std::string& msisdn,
                                  const std::string& assignee, const std::string& type,
                                  const std::string& resource_id, const nlohmann::json& payload);

}  // namespace selfcare::server
