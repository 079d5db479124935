// SPDX-License-Identifier: Apache-2.0
// Home: the top tasks as tiles, each one tap away.
#include "app/app.hpp"
#include "screens/screen.hpp"

namespace selfcare::kiosk {
namespace {

class HomeScreen final : public Screen {
public:
    std::string_view id() const override { return "home"; }
    std::string_view title_key() const override { return "screen.home.title"; }
    std::string_view instruction_key() const override { return "screen.home.instruction"; }
    void draw(App& app, Ui& ui) override {
        const auto& s = app.summary();
        const std::string who = s.is_object() ? s.value("maskedMsisdn", mask_msisdn(app.msisdn())) : mask_msisdn(app.msisdn());
        ui.paragraph(ui.format("home.signed_in_as", {{"number", who}}), true);
        const std::vector<Tile> tiles = {
            {"screen.query.title", ui.tr("screen.query.title"), ui.tr("home.query_detail")},
            {"screen.report.title", ui.tr("screen.report.title"), ui.tr("home.report_detail")},
            {"screen.track.title", ui.tr("screen.track.title"), ui.tr("home.track_detail")},
            {"home.sign_out", ui.tr("home.sign_out"), ""},
        };
        switch (ui.tiles("home", tiles)) {
            case 0: app.go("query"); break;
            case 1: app.go("report"); break;
            case 2: app.go("track"); break;
            case 3: app.go("goodbye"); break;
            default: break;
        }
    }
};

}  // namespace

std::unique_ptr<Screen> make_home_screen() { return std::make_unique<HomeScreen>(); }

}  // namespace selfcare::kiosk
