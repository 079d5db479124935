// SPDX-License-Identifier: Apache-2.0
// The kiosk's SDK worker: jobs run off the calling thread in the order submitted, an outcome is
// taken once, a discarded one never, and the destructor runs what is queued before it returns.
#include <doctest/doctest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/sdk_worker.hpp"

using selfcare::kiosk::CallOutcome;
using selfcare::kiosk::PendingCall;
using selfcare::kiosk::SdkWorker;

namespace {

// A gate the test opens: a job waits on it, so "still running" is a state, not a race.
struct Gate {
    std::mutex m;
    std::condition_variable cv;
    bool open = false;
    void wait() {
        std::unique_lock lock(m);
        cv.wait(lock, [this] { return open; });
    }
    void release() {
        {
            std::lock_guard lock(m);
            open = true;
        }
        cv.notify_all();
    }
};

CallOutcome ok_with(const std::string& text) { return CallOutcome::success(selfcare::Json{{"text", text}}); }

// Polls as the UI loop does, frame after frame, until the outcome is there.
CallOutcome take_when_done(PendingCall& call) {
    for (;;) {
        if (auto r = call.take()) return *r;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

}  // namespace

TEST_CASE("a job runs on the worker, and its outcome is taken once, in a later frame") {
    std::atomic<int> wakes{0};
    SdkWorker worker([&] { ++wakes; });
    Gate gate;
    const auto caller = std::this_thread::get_id();
    std::thread::id ran_on;
    PendingCall call = worker.submit([&] {
        ran_on = std::this_thread::get_id();
        gate.wait();
        return ok_with("done");
    });
    CHECK(call.running());
    CHECK(worker.busy());
    CHECK(worker.awaited());
    CHECK_FALSE(call.take().has_value());  // not finished: the frame draws the wait state
    gate.release();
    const CallOutcome r = take_when_done(call);
    CHECK(r.ok);
    CHECK(r.value["text"] == "done");
    CHECK(ran_on != caller);
    CHECK(wakes.load() >= 1);
    CHECK_FALSE(call.running());
    CHECK_FALSE(call.take().has_value());  // taken once
}

TEST_CASE("jobs run in the order they were submitted") {
    SdkWorker worker({});
    std::vector<int> order;
    std::mutex m;
    std::vector<PendingCall> calls;
    for (int i = 0; i < 5; ++i) {
        calls.push_back(worker.submit([&, i] {
            std::lock_guard lock(m);
            order.push_back(i);
            return CallOutcome::success(selfcare::Json(i));
        }));
    }
    for (int i = 0; i < 5; ++i) CHECK(take_when_done(calls[static_cast<size_t>(i)]).value == i);
    CHECK(order == std::vector<int>{0, 1, 2, 3, 4});
}

TEST_CASE("a discarded outcome is never delivered, but its job still runs") {
    SdkWorker worker({});
    Gate gate;
    std::atomic<bool> ran{false};
    PendingCall running = worker.submit([&] {
        gate.wait();
        ran = true;
        return ok_with("late");
    });
    PendingCall queued = worker.submit([] { return ok_with("queued"); });
    worker.discard_all();  // Home while both are in flight
    CHECK_FALSE(running.running());
    CHECK_FALSE(queued.running());
    CHECK(worker.busy());          // still running: the inactivity clock holds
    CHECK_FALSE(worker.awaited());  // but no screen waits for it
    gate.release();
    PendingCall marker = worker.submit([] { return ok_with("after"); });
    CHECK(take_when_done(marker).value["text"] == "after");  // everything before it has run
    CHECK(ran.load());
    CHECK_FALSE(running.take().has_value());
    CHECK_FALSE(queued.take().has_value());
}

TEST_CASE("a screen that drops its call leaves nothing dangling, and shutdown runs what is queued") {
    std::atomic<int> ran{0};
    Gate gate;
    {
        SdkWorker worker({});
        {
            PendingCall dropped = worker.submit([&] {
                gate.wait();
                ++ran;
                return ok_with("nobody takes this");
            });
        }  // the screen is gone; the job writes into a slot only it still holds
        worker.submit([&] {
            ++ran;  // a sign-out queued at the end of a session
            return CallOutcome{};
        }).discard();
        gate.release();
    }  // the destructor joins after both ran
    CHECK(ran.load() == 2);
}
