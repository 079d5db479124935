// SPDX-License-Identifier: Apache-2.0
// The SDK's diagnostic log, for support staff reading what a device did: one line per command
// (name, outcome, error id, milliseconds) and per event (name). Arguments, results, event data,
// messages and anything else that may carry personal data or secrets are never written; the
// canary test scans this output to hold that line.
#pragma once

#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string_view>

#include "capi/client_config.hpp"
#include "domain/clock.hpp"

namespace selfcare::capi {

class CallLog {
public:
    /// A log per `cfg.log_level` to `cfg.log_file` (appended; created 0600) or standard error.
    /// When the file cannot be opened the log is off: diagnostics never stop the SDK. The
    /// clock stamps lines and must outlive the log.
    CallLog(const ClientConfig& cfg, const domain::Clock& clock);
    ~CallLog();
    CallLog(const CallLog&) = delete;
    CallLog& operator=(const CallLog&) = delete;

    /// One finished command: `status` is its SC_* code, `error_id` the stable error id ("" on
    /// success). Failed calls are written at level error and above, all calls at info.
    /// Thread-safe.
    void command(std::string_view name, int status, std::string_view error_id, std::chrono::microseconds took);

    /// One event delivered to the app (its name only), at level info. Thread-safe.
    void event(std::string_view name);

private:
    void line(const char* level, std::string_view text);

    LogLevel level_;
    const domain::Clock& clock_;
    std::mutex mutex_;
    std::FILE* out_ = nullptr;
    bool owned_ = false;
};

}  // namespace selfcare::capi
