// SPDX-License-Identifier: Apache-2.0
// One month's bill: the amount due as a large figure, its charges, then the itemised usage
// (bills.get) a page at a time with Previous/Next, never scrolled. Called numbers are masked:
// the kiosk stands in a shop and the list is read over the customer's shoulder.
#include <algorithm>

#include "app/app.hpp"
#include "screens/screen.hpp"
#include "text/local_time.hpp"

namespace selfcare::kiosk {
namespace {

// A called number with its middle digits hidden; text that is already masked stays as it is.
std::string masked_counterpart(const std::string& number) {
    if (number.empty() || number.find('*') != std::string::npos) return number;
    return mask_msisdn(number);
}

// "12-01 17:30" from the ISO 8601 instant "2026-12-01T09:30:00Z" on a kiosk in China: the month,
// day and time of the call by the customer's own clock; "" when the server's text is no instant.
std::string short_time(const std::string& iso) {
    const std::string local = local_date_time(iso);  // "2026-12-01 17:30"
    return local.empty() ? "" : local.substr(5);
}

class BillScreen final : public Screen {
public:
    std::string_view id() const override { return "bill"; }
    std::string_view title_key() const override { return "screen.bill.title"; }
    std::string_view instruction_key() const override { return "screen.bill.instruction"; }
    void enter(App& app) override {
        page_ = 0;
        const std::string month = app.selected_bill().value("billingPeriod", "");
        error_.clear();
        usage_ = nlohmann::json::array();
        call_ = app.run("bills.get", {{"month", month}});
    }
    void draw(App& app, Ui& ui) override {
        if (auto r = call_.take()) {
            error_ = r->ok ? "" : r->error_id;
            usage_ = r->ok ? r->value.value("items", nlohmann::json::array()) : nlohmann::json::array();
        }
        const nlohmann::json& bill = app.selected_bill();
        ui.figure(ui.format("bill.amount_due", {{"month", bill.value("billingPeriod", "")}}),
                  money_text(bill.value("amountDue", nlohmann::json())));
        std::string charges;
        const bool en = app.locale() == "en";
        for (const auto& item : bill.value("items", nlohmann::json::array())) {
            if (!item.is_object()) continue;
            if (!charges.empty()) charges += en ? "; " : "；";
            charges += item.value(en ? "nameEn" : "name", "") + " " + money_text(nlohmann::json{{"fen", item.value("fen", 0LL)}});
        }
        if (!charges.empty()) ui.paragraph(charges);
        if (!error_.empty()) {
            ui.banner(ui.tr(error_));
            return;
        }
        if (call_.running()) return;  // the app shows the wait state
        if (usage_.empty()) {
            ui.paragraph(ui.tr("bill.no_usage"));
            return;
        }
        draw_usage_page(ui);
    }

private:
    std::string quantity_text(const Ui& ui, const nlohmann::json& u) const {
        const std::string kind = u.value("usageType", "");
        const long long q = u.value("quantity", 0LL);
        if (kind == "voice") return ui.format("bill.qty.voice", {{"min", std::to_string(q / 60)}, {"sec", std::to_string(q % 60)}});
        if (kind == "data") {
            char mb[32];
            std::snprintf(mb, sizeof mb, "%.1f", static_cast<double>(q) / 1024.0);
            return ui.format("bill.qty.data", {{"mb", mb}});
        }
        if (kind == "sms") return ui.format("bill.qty.sms", {{"n", std::to_string(q)}});
        return std::to_string(q);
    }

    void draw_usage_page(Ui& ui) {
        const Theme& t = ui.theme();
        const int per_page = std::max(1, t.list_rows_per_page);
        const int pages = static_cast<int>((usage_.size() + static_cast<size_t>(per_page) - 1) / static_cast<size_t>(per_page));
        page_ = std::clamp(page_, 0, pages - 1);
        const float px = t.body_px;
        const float pitch = px * t.line_pitch;
        // Columns: time, kind, number, quantity, charge (right-aligned, the figure a customer checks).
        const float w = ui.content_width();
        const float cols[] = {0.0F, 0.24F, 0.38F, 0.62F};
        const size_t first = static_cast<size_t>(page_ * per_page);
        const size_t last = std::min(usage_.size(), first + static_cast<size_t>(per_page));
        const float left = ui.origin().x;
        for (size_t i = first; i < last; ++i) {
            const nlohmann::json& u = usage_[i];
            const float y = ui.cursor_y() + (pitch - px) / 2;
            const std::string kind = "bill.kind." + u.value("usageType", std::string("other"));
            ui.text_at({left + w * cols[0], y}, short_time(u.value("date", "")), px, t.palette.text);
            ui.text_at({left + w * cols[1], y}, ui.tr(kind), px, t.palette.text);
            ui.text_at({left + w * cols[2], y}, masked_counterpart(u.value("counterpart", "")), px, t.palette.text);
            ui.text_at({left + w * cols[3], y}, quantity_text(ui, u), px, t.palette.text);
            const std::string charge = money_text(u.value("charge", nlohmann::json()));
            ui.text_at({left + w - ui.measure(charge, px), y}, charge, px, t.palette.text);
            ui.space(pitch);
        }
        ui.space(t.gap_px);
        ui.pager(&page_, pages);
    }

    int page_ = 0;
    nlohmann::json usage_ = nlohmann::json::array();
    std::string error_;
    PendingCall call_;  // bills.get for the month
};

}  // namespace

std::unique_ptr<Screen> make_bill_screen() { return std::make_unique<BillScreen>(); }

}  // namespace selfcare::kiosk
