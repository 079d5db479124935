// SPDX-License-Identifier: Apache-2.0
#include "flows/outbox_schedule.hpp"

namespace selfcare::flows {

bool waiting_out_backoff(const store::OutboxEntry& e, domain::Instant now) {
    return e.attempts > 0 && e.next_attempt_at > now;
}

std::size_t sendable_in_background(const std::vector<store::OutboxEntry>& outbox, domain::Instant now) {
    std::size_t n = 0;
    for (const auto& e : outbox) {
        if (e.state == store::OutboxState::kPending && waiting_out_backoff(e, now)) break;
        ++n;
    }
    return n;
}

}  // namespace selfcare::flows
