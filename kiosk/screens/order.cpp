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
        for (const char* command : {"catalog.plans", "catalog.addons"}) {
            const auto r = app.sdk().call(command);
            if (!r.ok) error_ = r.error_id;
            for (const auto& p : r.ok ? r.value.value("items", nlohmann::json::array()) : nlohmann::json::array()) products_.push_back(p);
        }
    }
    void draw(App& app, Ui& ui) override {
        ui.paragraph(ui.tr(instruction_key()));
        if (!error_.empty()) ui.banner(ui.tr(error_));
        if (quote_.is_null()) draw_catalog(app, ui);
        else draw_quote(app, ui);
    }

private:
    void draw_catalog(App& app, Ui& ui) {
        std::vector<Tile> tiles;
        for (const auto& p : products_) {
            tiles.push_back({"product:" + p.value("id", ""), p.value("name", ""), money_text(p.value("price", nlohmann::json()))});
        }
        const int hit = ui.tiles("products", tiles);
        if (hit < 0) return;
        const auto r = app.sdk().call("orders.quote", {{"product_id", products_[static_cast<size_t>(hit)].value("id", "")}});
        if (!r.ok) {
            error_ = r.error_id;
            app.note_difficulty();
            return;
        }
        error_.clear();
        quote_ = r.value;
        app.speak_screen();
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
        const auto r = app.sdk().call("orders.place", {{"quote_id", quote_.value("id", "")}});
        if (!r.ok) {
            error_ = r.error_id;
            return;
        }
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

    nlohmann::json products_ = nlohmann::json::array();
    nlohmann::json quote_;
    std::string error_;
};

}  // namespace

std::unique_ptr<Screen> make_order_screen() { return std::make_unique<OrderScreen>(); }

}  // namespace selfcare::kiosk
