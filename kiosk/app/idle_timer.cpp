// SPDX-License-Identifier: Apache-2.0
#include "app/idle_timer.hpp"

#include <algorithm>

namespace selfcare::kiosk {

using std::chrono::milliseconds;

IdleTimer::IdleTimer(Clock clock, std::chrono::seconds timeout, std::chrono::seconds warning)
    : clock_(std::move(clock)), timeout_(timeout), warning_(std::min(warning, timeout)), since_(clock_()) {}

milliseconds IdleTimer::used() const {
    if (!holds_.empty()) return banked_;
    return banked_ + std::chrono::duration_cast<milliseconds>(clock_() - since_);
}

IdleTimer::State IdleTimer::state() const {
    if (expired_) return State::kExpired;
    const auto u = used();
    if (u >= timeout_) return State::kExpired;
    if (u >= timeout_ - warning_) return State::kWarning;
    return State::kActive;
}

void IdleTimer::touch() {
    if (state() == State::kExpired) {
        expired_ = true;
        return;
    }
    banked_ = milliseconds(0);
    since_ = clock_();
}

void IdleTimer::restart() {
    expired_ = false;
    holds_.clear();
    banked_ = milliseconds(0);
    since_ = clock_();
}

void IdleTimer::set_timeout(std::chrono::seconds timeout, std::chrono::seconds warning) {
    timeout_ = timeout;
    warning_ = std::min<milliseconds>(warning, timeout_);
    touch();
}

void IdleTimer::hold(const std::string& reason) {
    if (holds_.empty()) banked_ = used();
    holds_.insert(reason);
}

void IdleTimer::release(const std::string& reason) {
    if (holds_.erase(reason) == 1 && holds_.empty()) since_ = clock_();
}

milliseconds IdleTimer::remaining() const { return std::max(milliseconds(0), timeout_ - used()); }

milliseconds IdleTimer::next_change(milliseconds idle_cap) const {
    if (state() == State::kExpired || held()) return idle_cap;
    const auto left = remaining();
    // Until the warning starts, then until the shown whole-second countdown ticks.
    const auto to_warning = left - warning_;
    auto next = to_warning > milliseconds(0) ? to_warning : left % std::chrono::seconds(1);
    if (next <= milliseconds(0)) next = std::chrono::seconds(1);
    return std::min(next, idle_cap);
}

}  // namespace selfcare::kiosk
