// SPDX-License-Identifier: Apache-2.0
#include "service/feed.hpp"

namespace selfcare::server {

domain::Result<void> append_event(Sql& sql, std::int64_t now, const std::string& msisdn,
                                  const std::string& assignee, const std::string& type,
                                  const std::string& resource_id, const nlohmann::json& payload) {
    auto r = sql.execute("INSERT INTO events (at, msisdn, assignee, type, resource_id, payload)"
                         " VALUES (?, ?, ?, ?, ?, ?)",
                         {now, msisdn, assignee, type, resource_id, payload.dump()});
    if (!r) return r.error();
    return domain::success();
}

}  // namespace selfcare::server
