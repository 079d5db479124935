// SPDX-License-Identifier: Apache-2.0
// Goodbye: the session ends on arrival (auth.logout wipes the customer's data), then after a
// few seconds, or a touch, the kiosk is back to attract in its default language and theme.
#include "app/app.hpp"
#include "screens/screen.hpp"

namespace selfcare::kiosk {
namespace {

class GoodbyeScreen final : public Screen {
public:
    std::string_view id() const override { return "goodbye"; }
    std::string_view title_key() const override { return "screen.goodbye.title"; }
    std::string_view instruction_key() const override { return "goodbye.instruction"; }
    void enter(App& app) override { app.sign_out(); }
    void draw(App& app, Ui& ui) override {
        ui.paragraph(ui.tr("goodbye.instruction"));
        if (ui.button("goodbye.done", ui.tr("goodbye.done")) || app.clock().now() - app.entered_at() > app.config().goodbye) {
            app.end_session();
        }
    }
};

}  // namespace

std::unique_ptr<Screen> make_goodbye_screen() { return std::make_unique<GoodbyeScreen>(); }

}  // namespace selfcare::kiosk
