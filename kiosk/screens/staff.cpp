// SPDX-License-Identifier: Apache-2.0
// Staff: the maintenance screen, behind a PIN. Reached only from attract (five quick taps on its
// bare corner), so no customer is signed in; should one be, entering ends their session first.
// Shows the kiosk's identity, versions, whether the server answers, the outbox and the last sync
// (sync.now on demand), the devices' health and the font atlas. No customer data: the SDK's
// device-level commands only. Back, Home, Leave or the inactivity timeout go back to attract and
// the next visit asks for the PIN again.
#include <string>

#include "app/app.hpp"
#include "screens/screen.hpp"
#include "text/local_time.hpp"
#include "ui/fonts.hpp"

#ifndef SC_KIOSK_VERSION
#define SC_KIOSK_VERSION "dev"
#endif

namespace selfcare::kiosk {
namespace {

// "2026-12-03T17:40:00Z" → "2026-12-04 01:40" on a kiosk in China: the time on the shop's clock;
// anything else as it came.
std::string sync_time(const nlohmann::json& v) {
    if (!v.is_string()) return "";
    const std::string t = v.get<std::string>();
    const std::string local = local_date_time(t);
    return local.empty() ? t : local;
}

class StaffScreen final : public Screen {
public:
    std::string_view id() const override { return "staff"; }
    std::string_view title_key() const override { return "screen.staff.title"; }
    std::string_view instruction_key() const override {
        return unlocked_ ? "staff.instruction_panel" : "staff.instruction_pin";
    }
    void enter(App& app) override {
        if (app.sdk().signed_in()) app.end_session();
        unlocked_ = false;
        pin_.clear();
        tries_left_ = -1;
        info_ = status_ = nlohmann::json::object();
        sync_error_.clear();
        call_.discard();
    }
    void draw(App& app, Ui& ui) override {
        if (auto r = call_.take()) {
            // Sync now's own error, if any; the state shown is read afresh either way.
            sync_error_ = r->value.value("sync_error", "");
            info_ = r->value.value("info", nlohmann::json::object());
            status_ = r->value.value("status", nlohmann::json::object());
            printer_error_ = r->value.value("printer_error", "");
        }
        if (unlocked_) draw_panel(app, ui);
        else draw_pin(app, ui);
    }

private:
    void draw_pin(App& app, Ui& ui) {
        StaffPinGate& gate = app.staff_gate();
        ui.paragraph(ui.tr("staff.instruction_pin"));
        // Masked: one dot per digit, the digits themselves never drawn, spoken or logged.
        std::string dots;
        for (size_t i = 0; i < pin_.size(); ++i) dots += "●";
        ui.figure(ui.tr("staff.pin_label"), dots.empty() ? "____" : dots);
        if (gate.locked()) {
            const auto minutes = (gate.lockout_left().count() + 59) / 60;
            ui.banner(ui.format("staff.locked", {{"minutes", std::to_string(minutes)}}));
            pin_.clear();
            return;
        }
        if (tries_left_ >= 0) ui.banner(ui.format("staff.pin_wrong", {{"tries", std::to_string(tries_left_)}}));
        if (ui.keypad(&pin_, 8, "staff.unlock")) {
            const auto outcome = gate.check(pin_);
            pin_.clear();
            if (outcome == StaffPinGate::Outcome::kAccepted) {
                unlocked_ = true;
                tries_left_ = -1;
                refresh(app);
                app.speak_screen();
            } else {
                tries_left_ = gate.tries_left();
            }
        }
    }

    // Reads the SDK's and the outbox's state on the SDK worker, after a sync.now when `sync` is
    // set (which may wait on the network). The outcome is taken in draw().
    void refresh(App& app, bool sync = false) {
        devices::Printer* printer = app.printer();
        call_ = app.run_job([sync, printer](SdkSession& s) {
            CallOutcome out = CallOutcome::success(nlohmann::json::object());
            if (sync) {
                const auto r = s.call("sync.now");
                if (!r.ok) out.value["sync_error"] = r.error_id;
            }
            // Asked here, off the UI thread: a status query may wait on the device.
            if (printer != nullptr) {
                const auto health = printer->health();
                out.value["printer_error"] = health ? "" : health.error().id;
            }
            const auto info = s.call("sdk.info");
            out.value["info"] = info.ok ? info.value : nlohmann::json::object();
            const auto status = s.call("sync.status");
            out.value["status"] = status.ok ? status.value : nlohmann::json::object();
            return out;
        });
        // One look at the reader: is it there and answering. A card found is dropped at once.
        reader_error_.clear();
        if (app.card_reader() != nullptr) {
            auto polled = app.card_reader()->poll();
            if (!polled && polled.error().id == "card.reader_offline") reader_error_ = polled.error().id;
        }
    }

    void draw_panel(App& app, Ui& ui) {
        const KioskConfig& config = app.config();
        const Catalog& c = app.catalog();
        ui.paragraph(ui.format("staff.device", {{"device", config.device_id}, {"store", config.store_id}}));
        ui.paragraph(ui.format("staff.versions", {{"app", SC_KIOSK_VERSION},
                                                  {"sdk", info_.value("sdk_version", "?")},
                                                  {"abi", std::to_string(info_.value("abi_version", 0))}}));
        // sync.status says null until the client has talked to the server; Sync now finds out.
        const auto online = status_.find("online");
        const bool known = online != status_.end() && online->is_boolean();
        const char* server = app.sdk().offline() || (known && !online->get<bool>()) ? "staff.server_offline"
                             : known                                               ? "staff.server_online"
                                                                                   : "staff.server_unknown";
        ui.paragraph(ui.tr(server));
        const std::string last = sync_time(status_.value("last_success", nlohmann::json()));
        ui.paragraph(ui.format("staff.outbox", {{"pending", std::to_string(status_.value("pending", 0))},
                                                {"failed", std::to_string(status_.value("failed", 0))},
                                                {"last_sync", last.empty() ? c.text("staff.never") : last}}));
        // Each device: fitted and well, not fitted, or a fault with the code staff report.
        const auto state = [&](bool fitted, const std::string& error) {
            if (!fitted) return c.text("staff.not_fitted");
            return error.empty() ? c.text("staff.device_ok") : c.format("staff.device_fault", {{"code", error}});
        };
        const auto speech = app.speech_health();
        ui.paragraph(ui.format("staff.devices", {{"speech", state(true, speech ? speech->id : "")},
                                                 {"printer", state(app.has_printer(), printer_error_)},
                                                 {"reader", state(app.card_reader() != nullptr, reader_error_)}}));
        ui.paragraph(ui.format("staff.atlas", {{"width", std::to_string(app.fonts().atlas_width())},
                                               {"height", std::to_string(app.fonts().atlas_height())},
                                               {"glyphs", std::to_string(app.fonts().glyph_count())}}));
        if (!sync_error_.empty()) ui.banner(ui.tr(sync_error_));
        const int hit = ui.button_row({{"staff.sync_now", ui.tr("staff.sync_now"), ""}, {"staff.leave", ui.tr("staff.leave"), ""}},
                                      Style::kPrimary);
        if (hit == 0) {
            refresh(app, true);
        } else if (hit == 1) {
            app.end_session();
        }
    }

    bool unlocked_ = false;
    std::string pin_;
    int tries_left_ = -1;      // after a wrong PIN: how many before the lockout; -1 none yet
    std::string printer_error_;  // the printer's health() error id, "" when it is ready
    std::string reader_error_;  // the card reader's error id when it does not answer
    std::string sync_error_;
    nlohmann::json info_ = nlohmann::json::object();
    nlohmann::json status_ = nlohmann::json::object();
    PendingCall call_;  // the state being read (and synced) on the SDK worker
};

}  // namespace

std::unique_ptr<Screen> make_staff_screen() { return std::make_unique<StaffScreen>(); }

}  // namespace selfcare::kiosk
