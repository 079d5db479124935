// SPDX-License-Identifier: Apache-2.0
// One screen of the kiosk: its id (scripts wait for it), the catalog keys of its title and of the
// one instruction spoken on arrival, and its drawing. The app draws the chrome bar, the offline
// banner and the title; a screen draws its content below and decides one thing.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace selfcare::kiosk {

class App;
class Ui;

class Screen {
public:
    virtual ~Screen() = default;
    /// Stable id, e.g. "home".
    virtual std::string_view id() const = 0;
    /// Catalog key of the title (may depend on the screen's step).
    virtual std::string_view title_key() const = 0;
    /// Catalog key of the instruction spoken after the title.
    virtual std::string_view instruction_key() const = 0;
    /// Called each time the screen is entered (not when it is returned to by Back).
    virtual void enter(App&) {}
    /// Draws the content of one frame and acts on what was released.
    virtual void draw(App& app, Ui& ui) = 0;
    /// The chrome bar's Back: steps back one step of a multi-step screen and returns true, or
    /// returns false at its first step (the app then shows the previous screen). A screen that
    /// steps back forgets the step's pending call (the app has discarded its outcome).
    virtual bool back(App&) { return false; }
};

/// Every screen of the kiosk, one instance each (screens/*.cpp).
std::vector<std::unique_ptr<Screen>> make_screens();

}  // namespace selfcare::kiosk
