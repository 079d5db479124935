// SPDX-License-Identifier: Apache-2.0
// SDK commands off the UI thread. A screen must never block a frame on the network (the SDK's
// timeouts are many seconds): it submits a job here and gets a PendingCall, draws a "please wait"
// state while it runs, and takes the CallOutcome in a later frame. One worker thread runs the jobs
// in the order they were submitted, so a sign-out queued behind a sign-in always follows it.
//
// Lifetime: a job owns copies of its arguments and writes its outcome only into a shared slot
// that the PendingCall also holds; it never touches a screen. A screen that is left simply drops
// or discards its PendingCall, and the slot goes when the last holder does. The worker runs what
// is queued and joins in its destructor.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "app/sdk_session.hpp"

namespace selfcare::kiosk {

namespace detail {
/// Where a job leaves its outcome. Guarded by `mutex`; shared by the worker and a PendingCall.
struct CallSlot {
    std::mutex mutex;
    bool done = false;
    bool discarded = false;  ///< nobody wants the outcome any more
    CallOutcome outcome;
};
}  // namespace detail

/// One submitted job as a screen sees it. Default-constructed: no call. UI thread only.
class PendingCall {
public:
    PendingCall() = default;

    /// True from submission until the outcome is taken or discarded.
    bool running() const;
    /// The outcome, once, on the first frame after the job finished; nullopt before, after it was
    /// taken, and for a discarded call.
    std::optional<CallOutcome> take();
    /// Forgets the call: its outcome is thrown away when it arrives. A write the SDK accepted is
    /// not undone by this (it is on the server or in the SDK's outbox); only the screen no longer
    /// shows its result.
    void discard();

private:
    friend class SdkWorker;
    explicit PendingCall(std::shared_ptr<detail::CallSlot> slot) : slot_(std::move(slot)) {}
    std::shared_ptr<detail::CallSlot> slot_;
};

class SdkWorker {
public:
    using Job = std::function<CallOutcome()>;

    /// Starts the worker thread. `wake` runs on the worker after each job (the kiosk posts an
    /// empty GLFW event so the loop draws the frame that takes the outcome); may be empty.
    explicit SdkWorker(std::function<void()> wake);
    /// Runs the jobs still queued (a queued sign-out must still wipe the customer's data), then
    /// joins. Outcomes nobody takes are dropped.
    ~SdkWorker();
    SdkWorker(const SdkWorker&) = delete;
    SdkWorker& operator=(const SdkWorker&) = delete;

    /// Queues `job`. It must not capture anything the UI thread may destroy before the worker
    /// (the SdkSession is fine: the App destroys the worker first). UI thread.
    PendingCall submit(Job job);
    /// Discards the outcome of every job queued or running (Home, Back, the end of a session).
    /// The jobs still run. UI thread.
    void discard_all();
    /// True while a job is queued or running. Any thread.
    bool busy() const;
    /// True while a job whose outcome is still wanted (not discarded) is queued or running: a
    /// screen is waiting for it. Any thread.
    bool awaited() const;

private:
    void loop();

    std::function<void()> wake_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::pair<Job, std::shared_ptr<detail::CallSlot>>> queue_;
    std::shared_ptr<detail::CallSlot> running_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace selfcare::kiosk
