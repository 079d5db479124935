// SPDX-License-Identifier: Apache-2.0
// Attract: the idle kiosk invites a touch, and offers elder mode right away. Staff open their
// screen from here with five quick taps on the bare bottom-right corner (kiosk/README.md).
#include "app/app.hpp"
#include "screens/screen.hpp"

namespace selfcare::kiosk {
namespace {

class AttractScreen final : public Screen {
public:
    std::string_view id() const override { return "attract"; }
    std::string_view title_key() const override { return "screen.attract.title"; }
    std::string_view instruction_key() const override { return "screen.attract.instruction"; }
    void draw(App& app, Ui& ui) override {
        ui.paragraph(ui.tr("screen.attract.instruction"));
        ui.space(ui.theme().gap_px * 2);
        if (ui.button("attract.start", ui.tr("attract.start"))) app.go("identify");
        if (!app.elder() && ui.button("attract.elder", ui.tr("attract.elder"), Style::kSecondary)) {
            app.set_elder(true);
            app.go("identify");
            return;
        }
        if (ui.corner_target("corner:staff") && app.note_staff_corner_tap()) app.go("staff");
    }
};

}  // namespace

std::unique_ptr<Screen> make_attract_screen() { return std::make_unique<AttractScreen>(); }

}  // namespace selfcare::kiosk
