// SPDX-License-Identifier: Apache-2.0
#include "app/sdk_worker.hpp"

#include <exception>

namespace selfcare::kiosk {

bool PendingCall::running() const {
    if (!slot_) return false;
    std::lock_guard lock(slot_->mutex);
    return !slot_->discarded;
}

std::optional<CallOutcome> PendingCall::take() {
    if (!slot_) return std::nullopt;
    std::optional<CallOutcome> out;
    {
        std::lock_guard lock(slot_->mutex);
        if (slot_->discarded || !slot_->done) return std::nullopt;
        out = std::move(slot_->outcome);
    }
    slot_.reset();
    return out;
}

void PendingCall::discard() {
    if (!slot_) return;
    {
        std::lock_guard lock(slot_->mutex);
        slot_->discarded = true;
    }
    slot_.reset();
}

SdkWorker::SdkWorker(std::function<void()> wake) : wake_(std::move(wake)), thread_([this] { loop(); }) {}

SdkWorker::~SdkWorker() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

PendingCall SdkWorker::submit(Job job) {
    auto slot = std::make_shared<detail::CallSlot>();
    {
        std::lock_guard lock(mutex_);
        queue_.emplace_back(std::move(job), slot);
    }
    cv_.notify_all();
    return PendingCall(std::move(slot));
}

void SdkWorker::discard_all() {
    std::vector<std::shared_ptr<detail::CallSlot>> slots;
    {
        std::lock_guard lock(mutex_);
        for (auto& [job, slot] : queue_) slots.push_back(slot);
        if (running_) slots.push_back(running_);
    }
    for (auto& s : slots) {
        std::lock_guard lock(s->mutex);
        s->discarded = true;
    }
}

bool SdkWorker::busy() const {
    std::lock_guard lock(mutex_);
    return !queue_.empty() || running_ != nullptr;
}

bool SdkWorker::awaited() const {
    std::lock_guard lock(mutex_);
    auto wanted = [](const std::shared_ptr<detail::CallSlot>& slot) {
        std::lock_guard slot_lock(slot->mutex);
        return !slot->discarded;
    };
    if (running_ && wanted(running_)) return true;
    for (const auto& [job, slot] : queue_) {
        if (wanted(slot)) return true;
    }
    return false;
}

void SdkWorker::loop() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and everything queued has run
            job = std::move(queue_.front().first);
            running_ = std::move(queue_.front().second);
            queue_.pop_front();
        }
        CallOutcome out;
        try {
            out = job();
        } catch (const std::exception&) {
            out.error_id = "call.failed";  // SdkSession::call throws only std::bad_alloc
        }
        {
            std::lock_guard lock(mutex_);
            {
                std::lock_guard slot_lock(running_->mutex);
                running_->outcome = std::move(out);
                running_->done = true;
            }
            running_.reset();
        }
        if (wake_) wake_();
    }
}

}  // namespace selfcare::kiosk
