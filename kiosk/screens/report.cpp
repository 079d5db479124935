// SPDX-License-Identifier: Apache-2.0
// Report a fault, one decision per step: category → sub-category → description from preset
// phrases or typed on the on-screen keyboard → contact and address → appointment window → confirmation summary → tickets.create.
// Without a network the SDK keeps the report in its encrypted outbox and gives a local reference.
#include <array>
#include <chrono>
#include <ctime>

#include "app/app.hpp"
#include "screens/screen.hpp"
#include "text/local_time.hpp"
#include "ui/keyboard.hpp"

namespace selfcare::kiosk {
namespace {

struct Sub {
    const char* category;
    const char* id;
};
// The SDK's sub-categories (domain ticket.hpp), grouped by category.
constexpr std::array<Sub, 10> kSubs{{{"network", "broadbandDown"}, {"network", "slowData"}, {"network", "noSignal"},
                                     {"network", "coverage"}, {"business", "billingDispute"}, {"business", "planNotAsSold"},
                                     {"business", "orderProblem"}, {"service", "staffAttitude"}, {"service", "slowResponse"},
                                     {"service", "afterSales"}}};
constexpr std::array<const char*, 3> kCategories{"network", "business", "service"};
constexpr std::array<const char*, 4> kPhrases{"report.phrase.since_yesterday", "report.phrase.all_day", "report.phrase.evenings",
                                              "report.phrase.after_call"};

// What a customer may type: room for a few sentences on a touch keyboard. The SDK checks the
// rest (at least 5 characters, no control characters) and its refusal is shown on the keyboard.
constexpr std::size_t kMaxTypedDescription = 200;

bool needs_address(const std::string& sub) { return sub == "broadbandDown"; }

// An appointment window `days` from today, local time, from `from` to `to` o'clock, ISO 8601.
std::pair<std::string, std::string> window(int days, int from, int to) {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + std::chrono::hours(24 * days));
    std::tm tm{};
    localtime_r(&t, &tm);
    char date[16];
    std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
    char zone[8];
    std::strftime(zone, sizeof zone, "%z", &tm);
    const std::string z = std::string(zone).substr(0, 3) + ":" + std::string(zone).substr(3);
    char a[40], b[40];
    std::snprintf(a, sizeof a, "%sT%02d:00:00%s", date, from, z.c_str());
    std::snprintf(b, sizeof b, "%sT%02d:00:00%s", date, to, z.c_str());
    return {a, b};
}

struct Window {
    const char* key;
    int days, from, to;
};
constexpr std::array<Window, 4> kWindows{{{"report.window.tomorrow_morning", 1, 9, 12},
                                          {"report.window.tomorrow_afternoon", 1, 14, 18},
                                          {"report.window.day_after_morning", 2, 9, 12},
                                          {"report.window.none", 0, 0, 0}}};

class ReportScreen final : public Screen {
public:
    std::string_view id() const override { return "report"; }
    std::string_view title_key() const override { return "screen.report.title"; }
    std::string_view instruction_key() const override {
        static constexpr std::array<const char*, 6> kInstructions{"report.step.category", "report.step.subcategory", "report.step.description",
                                                                  "report.step.contact", "report.step.appointment", "report.step.confirm"};
        if (step_ == 2 && typing_) return "report.step.type";
        return kInstructions[static_cast<size_t>(step_)];
    }
    void enter(App& app) override {
        app.draft() = ReportDraft{};
        step_ = 0;
        typing_ = false;
        keyboard_.reset();
        error_.clear();
        call_.discard();
    }
    bool back(App&) override {
        if (step_ == 0) return false;
        if (step_ == 2 && typing_) {
            // From the keyboard back to the preset phrases, the typed text kept.
            typing_ = false;
            error_.clear();
            return true;
        }
        // One decision back; what was chosen there is chosen again (the draft keeps the rest).
        --step_;
        error_.clear();
        call_.discard();
        return true;
    }
    void draw(App& app, Ui& ui) override {
        if (auto r = call_.take()) on_outcome(app, ui, *r);
        ReportDraft& d = app.draft();
        // On the keyboard a refusal takes the instruction's place: the keys need the room.
        if (error_.empty() || !(step_ == 2 && typing_)) ui.paragraph(ui.tr(instruction_key()));
        if (!error_.empty()) ui.banner(ui.tr(error_));
        std::vector<Tile> tiles;
        int hit = -1;
        switch (step_) {
            case 0:
                for (const char* c : kCategories) tiles.push_back({std::string("report.category.") + c, ui.tr(std::string("report.category.") + c), ""});
                if ((hit = ui.tiles("category", tiles)) >= 0) {
                    d.category = kCategories[static_cast<size_t>(hit)];
                    next(app, ui);
                }
                break;
            case 1: {
                std::vector<const char*> subs;
                for (const auto& s : kSubs) {
                    if (d.category == s.category) subs.push_back(s.id);
                }
                for (const char* s : subs) tiles.push_back({std::string("report.sub.") + s, ui.tr(std::string("report.sub.") + s), ""});
                if ((hit = ui.tiles("sub", tiles)) >= 0) {
                    d.subcategory = subs[static_cast<size_t>(hit)];
                    next(app, ui);
                }
                break;
            }
            case 2:
                if (typing_) {
                    draw_typing(app, ui);
                    break;
                }
                if (ui.button("report.type_it", ui.tr("report.type_it"), Style::kSecondary)) {
                    typing_ = true;
                    error_.clear();
                    app.speak_screen();
                    break;
                }
                for (const char* p : kPhrases) tiles.push_back({p, ui.tr(p), ""});
                if ((hit = ui.tiles("phrase", tiles)) >= 0) {
                    d.description = ui.tr("report.sub." + d.subcategory) + "：" + ui.tr(kPhrases[static_cast<size_t>(hit)]);
                    next(app, ui);
                }
                break;
            case 3: {
                ui.figure(ui.tr("report.contact_label"), mask_msisdn(app.msisdn()));
                tiles.push_back({"report.address.registered", ui.tr("report.address.registered"), ""});
                if (!needs_address(d.subcategory)) tiles.push_back({"report.address.none", ui.tr("report.address.none"), ""});
                if ((hit = ui.tiles("address", tiles)) >= 0) {
                    const auto& s = app.summary();
                    std::string registered = s.is_object() ? s.value("address", "") : "";
                    if (registered.empty()) registered = ui.tr("report.address.registered_text");
                    d.address = hit == 0 ? registered : "";
                    next(app, ui);
                }
                break;
            }
            case 4:
                for (const auto& w : kWindows) tiles.push_back({w.key, ui.tr(w.key), ""});
                if ((hit = ui.tiles("window", tiles)) >= 0) {
                    d.appointment = kWindows[static_cast<size_t>(hit)].days > 0 ? hit : -1;
                    next(app, ui);
                }
                break;
            default: draw_confirm(app, ui); break;
        }
    }

private:
    void draw_typing(App& app, Ui& ui) {
        if (!keyboard_.draw(ui, app.keyboard_options(kMaxTypedDescription, "report.description_done", "report.type_placeholder"))) return;
        app.draft().description = keyboard_.text();
        next(app, ui);
    }

    void next(App& app, Ui& ui) {
        ++step_;
        error_.clear();
        ui.reset_pages();
        app.speak_screen();
    }

    void draw_confirm(App& app, Ui& ui) {
        ReportDraft& d = app.draft();
        ui.figure(ui.tr("report.summary.kind"), ui.tr("report.sub." + d.subcategory));
        // Up to 200 typed characters: two lines here keep Confirm in view (it was read in full on
        // the keyboard, and the receipt and the ticket keep all of it).
        ui.paragraph_at_most(d.description, 2);
        ui.figure(ui.tr("report.contact_label"), mask_msisdn(app.msisdn()));
        if (d.appointment >= 0) ui.figure(ui.tr("report.summary.appointment"), ui.tr(kWindows[static_cast<size_t>(d.appointment)].key));
        const int choice = ui.button_row({{"confirm.yes", ui.tr("confirm.yes"), ""}, {"confirm.no", ui.tr("confirm.no"), ""}}, Style::kPrimary);
        if (choice == 1) {
            app.home();
            return;
        }
        if (choice != 0) return;
        nlohmann::json args{{"category", d.category},   {"subcategory", d.subcategory}, {"description", d.description},
                            {"contact", app.msisdn()}, {"channel", "kiosk"}};
        if (!d.address.empty()) args["address"] = {{"text", d.address}};
        if (d.appointment >= 0) {
            const auto& w = kWindows[static_cast<size_t>(d.appointment)];
            const auto [start, end] = window(w.days, w.from, w.to);
            args["appointment"] = {{"start", start}, {"end", end}};
        }
        // Buttons are inert while this runs (App::frame): a double tap reports once.
        call_ = app.run("tickets.create", std::move(args));
    }

    void on_outcome(App& app, Ui& ui, CallOutcome& r) {
        const ReportDraft& d = app.draft();
        if (!r.ok && r.field == "description" && typing_) {
            // The typed words were refused (too short, say): back to the keyboard, text kept,
            // with the reason above it.
            step_ = 2;
            error_ = r.field_error_id.empty() ? r.error_id : r.field_error_id;
            ui.reset_pages();
            app.note_difficulty();
            return;
        }
        if (!r.ok) {
            error_ = r.error_id;
            app.note_difficulty();
            return;
        }
        Outcome o;
        o.queued = r.queued;
        o.reference = r.value.value("id", "");
        o.title = ui.tr(o.queued ? "result.report_queued" : "result.report_done");
        o.lines = {{ui.tr(o.queued ? "receipt.local_reference" : "receipt.ticket_id"), o.reference},
                   {ui.tr("report.summary.kind"), ui.tr("report.sub." + d.subcategory)},
                   {ui.tr("report.contact_label"), mask_msisdn(app.msisdn())}};
        const auto sla = r.value.value("sla", nlohmann::json::object());
        if (sla.is_object() && sla.contains("resolveBy") && sla["resolveBy"].is_string()) {
            const std::string by = local_date_time(sla["resolveBy"].get<std::string>());
            if (!by.empty()) o.lines.push_back({ui.tr("track.resolve_by"), by});
        }
        o.qr_payload = "selfcare://ticket/" + o.reference;
        app.outcome() = o;
        app.go("result");
    }

    int step_ = 0;
    bool typing_ = false;  // the description step shows the keyboard instead of the phrases
    Keyboard keyboard_;
    std::string error_;
    PendingCall call_;  // tickets.create
};

}  // namespace

std::unique_ptr<Screen> make_report_screen() { return std::make_unique<ReportScreen>(); }

}  // namespace selfcare::kiosk
