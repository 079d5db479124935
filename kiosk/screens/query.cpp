// SPDX-License-Identifier: Apache-2.0
// Query: balance and allowances as large figures and bars, then bills, the plan catalogue and
// notices, one section at a time (no scrolling); a bill opens its itemised pages, the FAQ button
// the FAQ search. Works offline from the SDK's cache.
#include <algorithm>

#include "app/app.hpp"
#include "screens/screen.hpp"

namespace selfcare::kiosk {
namespace {

std::string number_text(const nlohmann::json& v) {
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number()) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", v.get<double>());
        return buf;
    }
    return v.is_string() ? v.get<std::string>() : "";
}

class QueryScreen final : public Screen {
public:
    std::string_view id() const override { return "query"; }
    std::string_view title_key() const override { return "screen.query.title"; }
    std::string_view instruction_key() const override { return "screen.query.instruction"; }
    void enter(App& app) override {
        section_ = 0;
        load(app);
    }
    void draw(App& app, Ui& ui) override {
        if (auto r = call_.take()) {
            error_ = r->ok ? "" : r->error_id;
            data_ = r->ok ? std::move(r->value) : nlohmann::json::object();
            if (section_ == 0 && r->ok) app.summary() = data_;
        }
        const std::vector<Tile> sections = {{"query.balance", ui.tr("query.balance"), ""},
                                            {"query.bills", ui.tr("query.bills"), ""},
                                            {"query.plans", ui.tr("query.plans"), ""},
                                            {"query.notices", ui.tr("query.notices"), ""},
                                            {"query.faq", ui.tr("query.faq"), ""}};
        const int s = ui.button_row(sections);
        if (s == 4) {
            app.go("faq");  // the FAQ search has its keyboard and results on a screen of its own
            return;
        }
        if (s >= 0 && s != section_) {
            section_ = s;
            load(app);
            ui.reset_pages();
        }
        if (!error_.empty()) {
            ui.banner(ui.tr(error_));
            return;
        }
        if (data_.value("stale", false)) ui.paragraph(ui.tr("query.stale"), true);
        if (call_.running()) return;  // the app shows the wait state; no empty figures meanwhile
        switch (section_) {
            case 0: draw_balance(ui); break;
            case 1: draw_list(app, ui, "bills"); break;
            case 2: draw_list(app, ui, "plans"); break;
            default: draw_list(app, ui, "notices"); break;
        }
    }

private:
    void load(App& app) {
        static const char* const kCommands[] = {"account.summary", "bills.list", "catalog.plans", "notices.list"};
        // The section shows empty while its data loads (the app shows the wait state).
        error_.clear();
        data_ = nlohmann::json::object();
        bars_page_ = 0;
        call_ = app.run(kCommands[section_]);
    }

    void draw_balance(Ui& ui) {
        ui.figure(ui.tr("query.balance_label"), money_text(data_.value("balance", nlohmann::json())));
        const auto plan = data_.value("plan", nlohmann::json::object());
        if (plan.is_object()) ui.figure(ui.tr("query.plan_label"), plan.value("name", ""));
        ui.figure(ui.tr("query.points_label"), number_text(data_.value("points", nlohmann::json())));
        // The allowance bars that fit below the figures; with elder mode's big letters the rest
        // go to a further page behind Previous/Next, as nothing on the kiosk scrolls.
        const auto all = data_.value("allowances", nlohmann::json::array());
        const auto count = static_cast<int>(all.is_array() ? all.size() : 0);
        int per_page = count;
        if (static_cast<float>(count) * ui.bar_height() > ui.remaining_height()) {
            per_page = std::max(1, static_cast<int>((ui.remaining_height() - ui.button_row_height()) / ui.bar_height()));
        }
        const int pages = per_page > 0 ? (count + per_page - 1) / per_page : 1;
        bars_page_ = std::clamp(bars_page_, 0, std::max(0, pages - 1));
        for (int i = bars_page_ * per_page; i < std::min(count, (bars_page_ + 1) * per_page); ++i) {
            const auto& a = all[static_cast<size_t>(i)];
            const double total = a.value("total", 0.0);
            const double left = a.value("remaining", 0.0);
            const std::string unit = a.value("unit", "");
            const std::string kind = "allowance." + a.value("kind", std::string("other"));
            ui.bar(ui.tr(kind), total > 0 ? static_cast<float>(left / total) : 0.0F,
                   ui.format("query.left_of", {{"left", number_text(a.value("remaining", nlohmann::json()))},
                                               {"total", number_text(a.value("total", nlohmann::json()))},
                                               {"unit", unit}}));
        }
        ui.pager(&bars_page_, pages);
    }

    void draw_list(App& app, Ui& ui, const std::string& what) {
        std::vector<Tile> tiles;
        for (const auto& item : data_.value("items", nlohmann::json::array())) {
            if (what == "bills") {
                tiles.push_back({"bill:" + item.value("billingPeriod", ""), item.value("billingPeriod", ""),
                                 money_text(item.value("amountDue", nlohmann::json()))});
            } else if (what == "plans") {
                tiles.push_back({"plan:" + item.value("id", ""), item.value("name", ""), money_text(item.value("price", nlohmann::json()))});
            } else {
                tiles.push_back({"notice:" + item.value("id", ""), item.value("title", ""), item.value("summary", item.value("body", ""))});
            }
        }
        if (tiles.empty() && !call_.running()) ui.paragraph(ui.tr("query.none"));
        const int hit = ui.tiles(what, tiles);
        if (hit >= 0 && what == "bills") {
            // A bill opens its itemised pages.
            app.selected_bill() = data_["items"][static_cast<size_t>(hit)];
            app.go("bill");
        }
    }

    int section_ = 0;
    int bars_page_ = 0;  // which allowance bars show when not all fit
    nlohmann::json data_;
    std::string error_;
    PendingCall call_;  // the current section's data
};

}  // namespace

std::unique_ptr<Screen> make_query_screen() { return std::make_unique<QueryScreen>(); }

}  // namespace selfcare::kiosk
