// SPDX-License-Identifier: Apache-2.0
// Change plan / add-on: the catalogue as tiles → the quote (price, when it takes effect) as a
// confirmation summary → orders.place. Nothing is charged before the customer confirms.
#include "app/app.hpp"
#include "screens/screen.hpp"

namespace selfcare::kiosk {
namespace {

class OrderScreen final : public Screen {
public:
    std::string_view id() const override { return "order"; }
    std::string_view title_key() const override { return "screen.order.title"; }
    std::string_view instruction_key() const override { return quote_.is_null() ? "order.instruction_pick" : "order.instruction_confirm"; }
    void enter(App& app) override {
        quote_ = nullptr;
        error_.clear();
        products_ = nlohmann::json::array();
        // Plans and add-ons as one list: {"items": [...]}, the error of the last that failed.
        call_ = app.run_job([](SdkSession& s) {
            CallOutcome all = CallOutcome::success(Json{{"items", Json::array()}});
            for (const char* command : {"catalog.plans", "catalog.addons"}) {
                const CallOutcome r = s.call(command);
                if (!r.ok) all.error_id = r.error_id;
                for (const auto& p : r.ok ? r.value.value("items", Json::array()) : Json::array()) all.value["items"].push_back(p);
            }
            return all;
        });
        pending_ = Pending::kCatalog;
    }
    bool back(App&) override {
        if (quote_.is_null()) return false;
        quote_ = nullptr;  // from the quote back to the catalogue
        error_.clear();
        call_.discard();
        return true;
    }
    void draw(App& app, Ui& ui) override {
        if (auto r = call_.take()) on_outcome(app, ui, *r);
        ui.paragraph(ui.tr(instruction_key()));
        if (!error_.empty()) ui.banner(ui.tr(error_));
        if (quote_.is_null()) draw_catalog(app, ui);
        else draw_quote(app, ui);
    }

private:
    enum class Pending { kCatalog, kQuote, kPlace };

    void on_outcome(App& app, Ui& ui, CallOutcome& r) {
        if (pending_ == Pending::kCatalog) {
            error_ = r.error_id;
            products_ = r.value.value("items", nlohmann::json::array());
            return;
        }
        if (!r.ok) {
            error_ = r.error_id;
            if (pending_ == Pending::kQuote) app.note_difficulty();
            return;
        }
        error_.clear();
        if (pending_ == Pending::kQuote) {
            quote_ = std::move(r.value);
            app.speak_screen();
            return;
        }
        const std::string effective = "order.effective." + quote_.value("effective", std::string("now"));
        Outcome o;
        o.queued = r.queued;
        o.reference = r.value.value("id", "");
        o.title = ui.tr(o.queued ? "order.queued" : "order.done");
        o.lines = {{ui.tr("order.number"), o.reference},
                   {ui.tr("order.product"), quote_.value("productName", "")},
                   {ui.tr("order.price"), money_text(quote_.value("price", nlohmann::json()))},
                   {ui.tr("order.effective"), ui.tr(effective)}};
        o.qr_payload = "selfcare://order/" + o.reference;
        app.outcome() = o;
        quote_ = nullptr;
        app.go("result");
    }

    void draw_catalog(App& app, Ui& ui) {
        std::vector<Tile> tiles;
        for (const auto& p : products_) {
            tiles.push_back({"product:" + p.value("id", ""), p.value("name", ""), money_text(p.value("price", nlohmann::json()))});
        }
        const int hit = ui.tiles("products", tiles);
        if (hit < 0) return;
        call_ = app.run("orders.quote", {{"product_id", products_[static_cast<size_t>(hit)].value("id", "")}});
        pending_ = Pending::kQuote;
    }

    void draw_quote(App& app, Ui& ui) {
        const std::string effective = "order.effective." + quote_.value("effective", std::string("now"));
        ui.figure(ui.tr("order.product"), quote_.value("productName", ""));
        ui.figure(ui.tr("order.price"), money_text(quote_.value("price", nlohmann::json())));
        ui.figure(ui.tr("order.effective"), ui.tr(effective));
        if (!quote_.value("eligible", true)) {
            ui.banner(ui.tr("order.not_eligible"));
            if (ui.button("confirm.no", ui.tr("confirm.no"), Style::kSecondary)) quote_ = nullptr;
            return;
        }
        const int choice = ui.button_row({{"confirm.yes", ui.tr("confirm.yes"), ""}, {"confirm.no", ui.tr("confirm.no"), ""}}, Style::kPrimary);
        if (choice == 1) quote_ = nullptr;
        if (choice != 0) return;
        // Buttons are inert while this runs (App::frame): a double tap places one order.
        call_ = app.run("orders.place", {{"quote_id", quote_.value("id", "")}});
        pending_ = Pending::kPlace;
    }

    nlohmann::json products_ = nlohmann::json::array();
    nlohmann::json quote_;
    std::string error_;
    PendingCall call_;
    Pending pending_ = Pending::kCatalog;
};

}  // namespace

std::unique_ptr<Screen> make_order_screen() { return std::make_unique<OrderScreen>(); }

}  // namespace selfcare::kiosk
