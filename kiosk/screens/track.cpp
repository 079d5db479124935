// SPDX-License-Identifier: Apache-2.0
// Track my repair: the customer's tickets as tiles, then one ticket's timeline with its
// deadline, the engineer's arrival estimate and a bar of how far along its lifecycle it is.
#include <array>

#include "app/app.hpp"
#include "screens/screen.hpp"
#include "text/local_time.hpp"

namespace selfcare::kiosk {
namespace {

// The ticket lifecycle in order (TMF621 statuses as the SDK returns them).
constexpr std::array<const char*, 5> kLifecycle{"acknowledged", "inProgress", "resolved", "closed", ""};

float progress_of(const std::string& status) {
    for (size_t i = 0; i + 1 < kLifecycle.size(); ++i) {
        if (status == kLifecycle[i]) return static_cast<float>(i + 1) / 4.0F;
    }
    return 0.1F;  // submitted, pending or queued: started but not yet acknowledged
}

std::string when(const nlohmann::json& iso) {
    // The server's UTC instant as the kiosk's local date and time, which is what a customer reads.
    return iso.is_string() ? local_date_time(iso.get<std::string>()) : "";
}

// Where the engineer's visit stands, in the customer's words: the arrival time only while they are
// on the way (before, there is none; after, it is past), "" for a cancelled visit.
std::string visit_line(Ui& ui, const nlohmann::json& wo) {
    const auto status = wo.find("status");
    const std::string state = status != wo.end() && status->is_string() ? status->get<std::string>() : "";
    if (state == "enRoute") {
        const std::string eta = when(wo.value("eta", nlohmann::json()));
        return eta.empty() ? ui.tr("track.visit_en_route") : ui.format("track.engineer_eta", {{"time", eta}});
    }
    if (state == "assigned" || state == "accepted") return ui.tr("track.visit_planned");
    if (state == "onSite") return ui.tr("track.visit_on_site");
    if (state == "completed") return ui.tr("track.visit_done");
    if (state == "unableToComplete") return ui.tr("track.visit_not_fixed");
    return "";
}

class TrackScreen final : public Screen {
public:
    std::string_view id() const override { return "track"; }
    std::string_view title_key() const override { return "screen.track.title"; }
    std::string_view instruction_key() const override { return ticket_.is_null() ? "track.instruction_list" : "track.instruction_detail"; }
    void enter(App& app) override {
        ticket_ = nullptr;
        notice_.clear();
        error_.clear();
        list_ = nlohmann::json::array();
        call_ = app.run("tickets.list");
        pending_ = Pending::kList;
    }
    bool back(App&) override {
        if (ticket_.is_null()) return false;
        ticket_ = nullptr;  // from the ticket back to the list
        notice_.clear();
        error_.clear();
        call_.discard();
        return true;
    }
    void draw(App& app, Ui& ui) override {
        if (auto r = call_.take()) on_outcome(app, ui, *r);
        if (!error_.empty()) ui.banner(ui.tr(error_));
        if (ticket_.is_null()) draw_list(app, ui);
        else draw_ticket(app, ui);
    }

private:
    enum class Pending { kList, kTicket, kRate };

    void on_outcome(App& app, Ui& ui, CallOutcome& r) {
        error_ = r.ok ? "" : r.error_id;
        if (pending_ == Pending::kList) {
            list_ = r.ok ? r.value.value("items", nlohmann::json::array()) : nlohmann::json::array();
            return;
        }
        if (!r.ok) return;
        if (pending_ == Pending::kRate) notice_ = rated_notice_;
        if (r.value.is_null()) return;
        // kTicket and kRate both bring the ticket as it now is.
        const bool first_view = pending_ == Pending::kTicket;
        ticket_ = std::move(r.value);
        if (first_view) {
            notice_.clear();
            ui.reset_pages();
            app.speak_screen();
        }
    }

    std::string status_text(Ui& ui, const nlohmann::json& t) {
        if (t.value("queued", false)) return ui.tr("track.status.queued");
        return ui.tr("track.status." + t.value("status", std::string("unknown")));
    }

    void draw_list(App& app, Ui& ui) {
        ui.paragraph(ui.tr("track.instruction_list"));
        std::vector<Tile> tiles;
        for (const auto& t : list_) {
            tiles.push_back({"ticket:" + t.value("id", ""), ui.tr("report.sub." + t.value("subcategory", std::string("other"))),
                             t.value("id", "") + " · " + status_text(ui, t)});
        }
        if (tiles.empty() && !call_.running()) ui.paragraph(ui.tr("track.none"));
        const int hit = ui.tiles("tickets", tiles);
        if (hit < 0) return;
        call_ = app.run("tickets.get", {{"id", list_[static_cast<size_t>(hit)].value("id", "")}});
        pending_ = Pending::kTicket;
    }

    // A resolved ticket asks for a score (1-5), or to reopen it when the fault is still there.
    void draw_rating(App& app, Ui& ui) {
        if (ticket_.value("status", "") != "resolved") return;
        ui.paragraph(ui.tr("track.rate_prompt"));
        std::vector<Tile> scores;
        for (int i = 1; i <= 5; ++i) scores.push_back({"score:" + std::to_string(i), ui.format("track.score", {{"score", std::to_string(i)}}), ""});
        int score = ui.button_row(scores) + 1;
        bool reopen = false;
        if (ui.button("track.reopen", ui.tr("track.reopen"), Style::kDanger)) {
            score = 1;
            reopen = true;
        }
        if (score <= 0) return;
        // The rating, then the ticket as it now is: its outcome is the ticket (or the rating's error).
        call_ = app.run_job([id = ticket_.value("id", ""), score, reopen](SdkSession& s) {
            CallOutcome r = s.call("tickets.rate", {{"id", id}, {"score", score}, {"reopen", reopen}});
            if (!r.ok) return r;
            CallOutcome again = s.call("tickets.get", {{"id", id}});
            return again.ok ? again : CallOutcome::success(Json());  // rated; the old view stays
        });
        pending_ = Pending::kRate;
        rated_notice_ = reopen ? "track.reopened" : "track.rated";
    }

    void draw_ticket(App& app, Ui& ui) {
        if (!notice_.empty()) ui.banner(ui.tr(notice_));
        draw_rating(app, ui);
        const auto& t = ticket_;
        ui.figure(ui.tr("receipt.ticket_id"), t.value("id", ""));
        ui.bar(ui.tr("track.progress"), progress_of(t.value("status", "")), status_text(ui, t));
        const auto sla = t.value("sla", nlohmann::json::object());
        if (sla.is_object() && sla.contains("resolveBy")) ui.paragraph(ui.format("track.deadline", {{"time", when(sla["resolveBy"])}}));
        const auto wo = t.value("workOrder", nlohmann::json());
        if (const std::string visit = wo.is_object() ? visit_line(ui, wo) : ""; !visit.empty()) ui.paragraph(visit);
        // The latest steps of the timeline, newest last, as many as fit without scrolling.
        const auto changes = t.value("statusChange", nlohmann::json::array());
        const float line = ui.theme().body_px * ui.theme().line_pitch;
        const auto fit = static_cast<size_t>(std::max(1.0F, ui.remaining_height() / line - 1));
        const size_t first = changes.size() > fit ? changes.size() - fit : 0;
        for (size_t i = first; i < changes.size(); ++i) {
            const auto& c = changes[i];
            ui.paragraph(when(c.value("changeDate", nlohmann::json())) + "  " + ui.tr("track.status." + c.value("status", std::string("unknown"))));
        }
    }

    nlohmann::json list_ = nlohmann::json::array();
    nlohmann::json ticket_;
    std::string error_;
    std::string notice_;  // after rating: thanks, or reopened
    std::string rated_notice_;  // what notice_ becomes when the pending rating is done
    PendingCall call_;
    Pending pending_ = Pending::kList;
};

}  // namespace

std::unique_ptr<Screen> make_track_screen() { return std::make_unique<TrackScreen>(); }

}  // namespace selfcare::kiosk
