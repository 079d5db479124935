// SPDX-License-Identifier: Apache-2.0
// Redeem points: only the rewards the customer can afford → a confirmation summary (cost, points
// left) → loyalty.redeem → the voucher on the result screen and receipt.
#include "app/app.hpp"
#include "screens/screen.hpp"

namespace selfcare::kiosk {
namespace {

class RedeemScreen final : public Screen {
public:
    std::string_view id() const override { return "redeem"; }
    std::string_view title_key() const override { return "screen.redeem.title"; }
    std::string_view instruction_key() const override { return chosen_ < 0 ? "redeem.instruction_pick" : "redeem.instruction_confirm"; }
    void enter(App& app) override {
        chosen_ = -1;
        error_.clear();
        affordable_ = nlohmann::json::array();
        points_ = 0;
        // The balance and the rewards it affords: {"points": n, "items": [...]}.
        call_ = app.run_job([](SdkSession& s) {
            const CallOutcome balance = s.call("loyalty.balance");
            const CallOutcome catalog = s.call("loyalty.catalog");
            CallOutcome out;
            out.ok = balance.ok && catalog.ok;
            out.value = Json::object();
            out.error_id = balance.ok ? catalog.error_id : balance.error_id;
            const long long points = balance.ok ? balance.value.value("points", 0LL) : 0;
            out.value["points"] = points;
            out.value["items"] = Json::array();
            for (const auto& r : catalog.ok ? catalog.value.value("items", Json::array()) : Json::array()) {
                if (r.value("pointsCost", 0LL) <= points) out.value["items"].push_back(r);
            }
            return out;
        });
        loading_ = true;
    }
    bool back(App&) override {
        if (chosen_ < 0) return false;
        chosen_ = -1;  // from the summary back to the rewards
        error_.clear();
        call_.discard();
        return true;
    }
    void draw(App& app, Ui& ui) override {
        if (auto r = call_.take()) on_outcome(app, ui, *r);
        ui.paragraph(ui.tr(instruction_key()));
        if (!error_.empty()) ui.banner(ui.tr(error_));
        ui.figure(ui.tr("query.points_label"), std::to_string(points_));
        if (chosen_ < 0) {
            std::vector<Tile> tiles;
            for (const auto& r : affordable_) {
                tiles.push_back({"reward:" + r.value("id", ""), r.value("name", ""),
                                 ui.format("redeem.cost", {{"points", std::to_string(r.value("pointsCost", 0LL))}})});
            }
            if (tiles.empty() && !call_.running()) ui.paragraph(ui.tr("redeem.none"));
            chosen_ = ui.tiles("rewards", tiles);
            if (chosen_ >= 0) app.speak_screen();
            return;
        }
        const auto& reward = affordable_[static_cast<size_t>(chosen_)];
        const long long cost = reward.value("pointsCost", 0LL);
        ui.figure(ui.tr("redeem.reward"), reward.value("name", ""));
        ui.figure(ui.tr("redeem.spend"), std::to_string(cost));
        ui.figure(ui.tr("redeem.left"), std::to_string(points_ - cost));
        const int choice = ui.button_row({{"confirm.yes", ui.tr("confirm.yes"), ""}, {"confirm.no", ui.tr("confirm.no"), ""}}, Style::kPrimary);
        if (choice == 1) chosen_ = -1;
        if (choice != 0) return;
        // Buttons are inert while this runs (App::frame): a double tap redeems once.
        call_ = app.run("loyalty.redeem", {{"reward_id", reward.value("id", "")}});
        loading_ = false;
    }

private:
    void on_outcome(App& app, Ui& ui, CallOutcome& r) {
        if (loading_) {
            error_ = r.error_id;
            points_ = r.value.value("points", 0LL);
            affordable_ = r.value.value("items", nlohmann::json::array());
            return;
        }
        if (!r.ok || chosen_ < 0) {
            error_ = r.error_id;
            return;
        }
        const auto& reward = affordable_[static_cast<size_t>(chosen_)];
        const long long cost = reward.value("pointsCost", 0LL);
        Outcome o;
        o.queued = r.queued;
        o.reference = r.value.value("voucherCode", r.value.value("id", ""));
        o.title = ui.tr(o.queued ? "redeem.queued" : "redeem.done");
        o.lines = {{ui.tr("redeem.voucher"), o.reference},
                   {ui.tr("redeem.reward"), reward.value("name", "")},
                   {ui.tr("redeem.spend"), std::to_string(cost)}};
        o.qr_payload = "selfcare://voucher/" + o.reference;
        app.outcome() = o;
        chosen_ = -1;
        app.go("result");
    }

    nlohmann::json affordable_ = nlohmann::json::array();
    long long points_ = 0;
    int chosen_ = -1;
    std::string error_;
    PendingCall call_;
    bool loading_ = false;  // call_ loads the balance and rewards (else it redeems)
};

}  // namespace

std::unique_ptr<Screen> make_redeem_screen() { return std::make_unique<RedeemScreen>(); }

}  // namespace selfcare::kiosk
