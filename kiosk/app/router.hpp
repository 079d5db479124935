// SPDX-License-Identifier: Apache-2.0
// Which screen is showing and the way back: a stack of screen ids. Home resets the stack, so
// Back never walks through a finished flow. Plain C++, UI thread.
#pragma once

#include <string>
#include <vector>

namespace selfcare::kiosk {

class Router {
public:
    explicit Router(std::string root) : stack_{std::move(root)} {}
    const std::string& current() const { return stack_.back(); }
    /// Shows `id` on top; going to the screen already showing does nothing.
    void go(const std::string& id) {
        if (current() != id) stack_.push_back(id);
        changed_ = true;
    }
    /// Back to the previous screen; at the root it stays.
    void back() {
        if (stack_.size() > 1) stack_.pop_back();
        changed_ = true;
    }
    /// Only `id` on the stack (Home, the end of a session).
    void reset(const std::string& id) {
        stack_.assign(1, id);
        changed_ = true;
    }
    /// True once after each change (the app then speaks the new screen and resets its paging).
    bool take_changed() {
        const bool c = changed_;
        changed_ = false;
        return c;
    }

private:
    std::vector<std::string> stack_;
    bool changed_ = true;
};

}  // namespace selfcare::kiosk
