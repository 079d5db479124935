// SPDX-License-Identifier: Apache-2.0
// Home: the top tasks as tiles, each one tap away; above them sign-out, elder mode (offered here
// as on attract, one tap) and the volume, quieter/louder in five steps.
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
        const std::vector<Tile> tiles = {
            {"screen.query.title", ui.tr("screen.query.title"), ui.tr("home.query_detail")},
            {"screen.report.title", ui.tr("screen.report.title"), ui.tr("home.report_detail")},
            {"screen.track.title", ui.tr("screen.track.title"), ui.tr("home.track_detail")},
            {"screen.order.title", ui.tr("screen.order.title"), ui.tr("home.order_detail")},
            {"screen.redeem.title", ui.tr("screen.redeem.title"), ui.tr("home.redeem_detail")},
        };
        // Who is signed in and the volume share one line: in elder mode every line the header
        // takes is a row of tiles fewer.
        ui.paragraph(ui.format("home.signed_in_as", {{"number", who}}) + "　" +
                         ui.format("home.volume", {{"level", std::to_string(app.volume().step())}, {"steps", std::to_string(Volume::steps())}}),
                     true);
        // Signing out is never on a second page of tiles: it is the way out, always in view.
        std::vector<Tile> row = {{"home.sign_out", ui.tr("home.sign_out"), ""}};
        if (!app.elder()) row.push_back({"home.elder", ui.tr("home.elder"), ""});
        row.push_back({"home.quieter", ui.tr("home.quieter"), ""});
        row.push_back({"home.louder", ui.tr("home.louder"), ""});
        const int hit_row = ui.button_row(row);
        if (hit_row >= 0) {
            const std::string& key = row[static_cast<size_t>(hit_row)].key;
            if (key == "home.sign_out") {
                app.go("goodbye");
                return;
            }
            if (key == "home.elder") app.set_elder(true);
            else app.change_volume(key == "home.louder");
        }
        static const char* const kTargets[] = {"query", "report", "track", "order", "redeem"};
        // The details ("balance, data, bills") only explain the tasks: in elder mode's big
        // letters they give way so that four tasks fit on the first page.
        if (const int hit = ui.tiles("home", tiles, true); hit >= 0) app.go(kTargets[hit]);
    }
};

}  // namespace

std::unique_ptr<Screen> make_home_screen() { return std::make_unique<HomeScreen>(); }

}  // namespace selfcare::kiosk
