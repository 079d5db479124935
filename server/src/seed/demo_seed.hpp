// SPDX-License-Identifier: Apache-2.0
// --seed demo: a small, believable operator (customers, plans, bills, usage, rewards, knowledge
// base, engineers, stores, notices, open tickets). Idempotent: a seeded database is left alone.
#pragma once

#include "context.hpp"

namespace selfcare::server {

/// Seeds the demo data unless the demo customer already exists.
domain::Result<void> seed_demo(Context& ctx);

}  // namespace selfcare::server
