// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/clock.hpp"

namespace selfcare::platform_default {

/// The wall clock (UTC, whole seconds). Thread-safe.
class SystemClock final : public domain::Clock {
public:
    domain::Instant now() const override {
        return std::chrono::time_point_cast<domain::Duration>(std::chrono::system_clock::now());
    }
};

}  // namespace selfcare::platform_default
