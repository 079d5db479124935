// SPDX-License-Identifier: Apache-2.0
// The periodic SLA sweep: moves overdue tickets up a tier (store -> branch -> HQ) and grants the
// outage compensation when a network fault outlives its regulatory ceiling. Safe with several
// server processes: each change is a conditional UPDATE in its own transaction, so a ticket is
// escalated or compensated once whoever sweeps first.
#pragma once

#include "context.hpp"

namespace selfcare::server {

/// One pass over the open tickets. Returns how many tickets changed.
domain::Result<int> sweep_sla(Context& ctx);

}  // namespace selfcare::server
