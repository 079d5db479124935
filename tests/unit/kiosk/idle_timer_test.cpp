// SPDX-License-Identifier: Apache-2.0
// The inactivity rule with a hand-moved clock: warning, Continue, expiry, holds, elder timeout.
#include <doctest/doctest.h>

#include <chrono>

#include "app/idle_timer.hpp"

using selfcare::kiosk::IdleTimer;
using namespace std::chrono_literals;

namespace {

struct FakeClock {
    std::chrono::steady_clock::time_point now{};
    IdleTimer::Clock fn() {
        return [this] { return now; };
    }
};

}  // namespace

TEST_CASE("90 s without a touch: warned for the last 30 s, then expired") {
    FakeClock clock;
    IdleTimer timer(clock.fn(), 90s, 30s);
    clock.now += 59s;
    CHECK(timer.state() == IdleTimer::State::kActive);
    clock.now += 1s;
    CHECK(timer.state() == IdleTimer::State::kWarning);
    CHECK(timer.remaining() == 30s);
    clock.now += 29s;
    CHECK(timer.state() == IdleTimer::State::kWarning);
    clock.now += 1s;
    CHECK(timer.state() == IdleTimer::State::kExpired);
    CHECK(timer.remaining() == 0s);
}

TEST_CASE("Continue may be pressed any number of times") {
    FakeClock clock;
    IdleTimer timer(clock.fn(), 90s, 30s);
    for (int i = 0; i < 20; ++i) {
        clock.now += 80s;
        REQUIRE(timer.state() == IdleTimer::State::kWarning);
        timer.touch();
        CHECK(timer.state() == IdleTimer::State::kActive);
        CHECK(timer.remaining() == 90s);
    }
}

TEST_CASE("a tap after expiry does not bring the session back") {
    FakeClock clock;
    IdleTimer timer(clock.fn(), 90s, 30s);
    clock.now += 91s;
    timer.touch();
    CHECK(timer.state() == IdleTimer::State::kExpired);
    timer.restart();
    CHECK(timer.state() == IdleTimer::State::kActive);
}

TEST_CASE("the clock stands still while a device or speech holds it") {
    FakeClock clock;
    IdleTimer timer(clock.fn(), 90s, 30s);
    clock.now += 50s;
    timer.hold("printer");
    timer.hold("speech");
    clock.now += 10min;
    CHECK(timer.state() == IdleTimer::State::kActive);
    timer.release("printer");
    clock.now += 10min;
    CHECK(timer.state() == IdleTimer::State::kActive);  // speech still holds it
    timer.release("speech");
    timer.release("speech");  // a second release is harmless
    CHECK(timer.remaining() == 40s);  // the 50 s already used are kept
    clock.now += 40s;
    CHECK(timer.state() == IdleTimer::State::kExpired);
}

TEST_CASE("elder mode's 180 s counts from the switch") {
    FakeClock clock;
    IdleTimer timer(clock.fn(), 90s, 30s);
    clock.now += 70s;
    timer.set_timeout(180s, 30s);
    clock.now += 149s;
    CHECK(timer.state() == IdleTimer::State::kActive);
    clock.now += 1s;
    CHECK(timer.state() == IdleTimer::State::kWarning);
}

TEST_CASE("the UI sleeps until the warning starts, then wakes for each second of the countdown") {
    FakeClock clock;
    IdleTimer timer(clock.fn(), 90s, 30s);
    CHECK(timer.next_change(10min) == 60s);
    CHECK(timer.next_change() == 1s);  // capped
    clock.now += 60s + 250ms;
    CHECK(timer.next_change() == 750ms);
    timer.hold("printer");
    CHECK(timer.next_change(5s) == 5s);
}
