// SPDX-License-Identifier: Apache-2.0
// Time as the domain sees it: whole seconds since the Unix epoch, from an injected clock, so SLA
// rules can be tested at any instant. platform/default provides the system clock.
#pragma once

#include <chrono>

namespace selfcare::domain {

using Instant = std::chrono::sys_seconds;
using Duration = std::chrono::seconds;

/// A source of the current time. Implementations must be safe to call from any thread.
class Clock {
public:
    virtual ~Clock() = default;
    /// The current time, UTC, whole seconds.
    virtual Instant now() const = 0;
};

}  // namespace selfcare::domain
