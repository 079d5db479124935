// SPDX-License-Identifier: Apache-2.0
// What every route needs: the database, the clock, the SLA rules, the SMS gateway and options.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

#include "domain/clock.hpp"
#include "domain/sla.hpp"
#include "storage/database.hpp"

namespace selfcare::server {

/// The wall clock plus an offset that only a server started with --test-clock lets tests move,
/// so SLA deadlines and escalation can be checked without waiting. Thread-safe.
class ServerClock final : public domain::Clock {
public:
    domain::Instant now() const override {
        return std::chrono::time_point_cast<domain::Duration>(std::chrono::system_clock::now()) +
               domain::Duration{offset_.load()};
    }
    void set_offset(std::int64_t seconds) { offset_ = seconds; }
    std::int64_t offset() const { return offset_.load(); }

private:
    std::atomic<std::int64_t> offset_{0};
};

/// Where one-time codes go. The sandbox gateway logs that a code was sent, never the code.
class SmsGateway {
public:
    virtual ~SmsGateway() = default;
    virtual void send_code(const std::string& msisdn, const std::string& code) = 0;
};

struct ServerOptions {
    std::string sandbox_otp;  ///< fixed code for demos and tests; empty = random codes
    bool test_clock = false;  ///< accept POST /test/clock
    std::string public_base;  ///< scheme://host:port used in href fields
};

struct Context {
    Database& db;
    ServerClock& clock;
    const domain::SlaPolicy sla;
    SmsGateway& sms;
    ServerOptions options;
    /// Set when the server is stopping: long-polls answer at once instead of holding it up.
    std::atomic<bool> stopping{false};

    std::int64_t now() const { return clock.now().time_since_epoch().count(); }
};

}  // namespace selfcare::server
