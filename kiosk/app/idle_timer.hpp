// SPDX-License-Identifier: Apache-2.0
// The session's inactivity clock (kiosk.md "time"; WCAG 2.2.1, EN 301 549): after `timeout` of no
// touch the session ends and the customer's data is wiped; `warning` before that a spoken countdown
// with one huge Continue starts, and Continue may be pressed any number of times. The clock stands
// still while something the customer is waiting for is busy (printing, reading a card, speech).
// Plain C++ with an injected clock, so the rule is tested without a window or a real wait.
#pragma once

#include <chrono>
#include <functional>
#include <set>
#include <string>

namespace selfcare::kiosk {

class IdleTimer {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    enum class State {
        kActive,   ///< the customer is using the kiosk
        kWarning,  ///< show and speak the countdown: remaining() is left
        kExpired,  ///< end the session now
    };

    /// Starts counting from now. `warning` is clamped to `timeout`. Not thread-safe: the UI
    /// thread owns it.
    IdleTimer(Clock clock, std::chrono::seconds timeout, std::chrono::seconds warning);

    /// A touch, key or Continue: the countdown starts again from the full timeout. An expired
    /// timer stays expired until restart(): a session that ended is not resumed by a late tap.
    void touch();
    /// Starts counting from now for a new session (also clears pauses).
    void restart();
    /// Changes the timeout (elder mode on or off) and counts it from now.
    void set_timeout(std::chrono::seconds timeout, std::chrono::seconds warning);

    /// Holds the clock while `reason` (e.g. "printer", "speech") is busy; several reasons may hold
    /// it at once, and it runs again when the last is released. Releasing an unknown reason is a
    /// no-op. The time already used is kept, not reset.
    void hold(const std::string& reason);
    void release(const std::string& reason);
    bool held() const { return !holds_.empty(); }

    State state() const;
    /// Time left before expiry (zero once expired).
    std::chrono::milliseconds remaining() const;
    /// How long the UI may sleep before state() or the shown countdown (whole seconds) can
    /// change: for glfwWaitEventsTimeout. Never more than `idle_cap`.
    std::chrono::milliseconds next_change(std::chrono::milliseconds idle_cap = std::chrono::seconds(1)) const;

private:
    std::chrono::milliseconds used() const;

    Clock clock_;
    std::chrono::milliseconds timeout_;
    std::chrono::milliseconds warning_;
    std::chrono::steady_clock::time_point since_;  // start of the current running stretch
    std::chrono::milliseconds banked_{0};          // time used before the last hold
    std::set<std::string> holds_;
    bool expired_ = false;
};

}  // namespace selfcare::kiosk
