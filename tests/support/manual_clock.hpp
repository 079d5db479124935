// SPDX-License-Identifier: Apache-2.0
// A clock the test sets and advances by hand, so time-dependent rules are tested at exact instants.
#pragma once

#include <atomic>
#include <chrono>

#include "domain/clock.hpp"

namespace selfcare::test {

/// Starts at `start`; safe to read from any thread while the test advances it.
class ManualClock final : public domain::Clock {
public:
    explicit ManualClock(domain::Instant start) : now_(start.time_since_epoch().count()) {}
    domain::Instant now() const override { return domain::Instant{domain::Duration{now_.load()}}; }
    void set(domain::Instant t) { now_ = t.time_since_epoch().count(); }
    void advance(domain::Duration d) { now_ += d.count(); }

private:
    std::atomic<domain::Duration::rep> now_;
};

/// 2026-11-02 09:00:00 UTC, a Monday morning: a fixed, readable origin for tests.
inline domain::Instant test_epoch() {
    using namespace std::chrono;
    return sys_days{year{2026} / November / 2} + hours{9};
}

}  // namespace selfcare::test
