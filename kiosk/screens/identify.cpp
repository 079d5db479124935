// SPDX-License-Identifier: Apache-2.0
// Identify: the phone number on a big keypad, then the SMS code; or an ID card through the card
// reader, which fills in nothing personal on screen but the masked name and number. Two failed
// tries offer elder mode.
#include <optional>

#include "app/app.hpp"
#include "screens/screen.hpp"

namespace selfcare::kiosk {
namespace {

class IdentifyScreen final : public Screen {
public:
    std::string_view id() const override { return "identify"; }
    std::string_view title_key() const override {
        return step_ == Step::kCode ? "screen.identify.code_title" : step_ == Step::kCard ? "screen.identify.id_card" : "screen.identify.title";
    }
    std::string_view instruction_key() const override {
        return step_ == Step::kCode ? "screen.identify.code_instruction" : step_ == Step::kCard ? "screen.identify.card_instruction"
                                                                           : "screen.identify.instruction";
    }
    void enter(App&) override {
        step_ = Step::kPhone;
        phone_.clear();
        code_.clear();
        error_.clear();
        card_.reset();
        call_.discard();
    }
    bool back(App&) override {
        if (step_ == Step::kPhone) return false;
        // From the code (or the card) back to the number, which stays as typed.
        step_ = Step::kPhone;
        code_.clear();
        error_.clear();
        call_.discard();
        return true;
    }
    void draw(App& app, Ui& ui) override {
        if (auto r = call_.take()) on_outcome(app, *r);
        switch (step_) {
            case Step::kPhone: draw_phone(app, ui); break;
            case Step::kCode: draw_code(app, ui); break;
            case Step::kCard: draw_card(app, ui); break;
        }
    }

private:
    enum class Step { kPhone, kCode, kCard };

    // The code was sent (phone step), or the customer is signed in with their summary (code step).
    void on_outcome(App& app, CallOutcome& r) {
        if (!r.ok) {
            error_ = r.error_id;
            app.note_difficulty();
            return;
        }
        error_.clear();
        if (step_ == Step::kPhone) {
            step_ = Step::kCode;
            app.speak_screen();
            return;
        }
        app.msisdn() = phone_;
        phone_.clear();
        app.summary() = std::move(r.value);
        app.home();
    }

    void show_error(App& app, Ui& ui) {
        if (!error_.empty()) ui.banner(ui.tr(error_));
        if (app.offer_elder() && ui.button("identify.try_elder", ui.tr("identify.try_elder"), Style::kSecondary)) app.set_elder(true);
    }

    void draw_phone(App& app, Ui& ui) {
        ui.paragraph(ui.tr("screen.identify.instruction"));
        // The customer types their own number: shown grouped 3-4-4 while typing, masked after.
        std::string shown = phone_;
        if (shown.size() > 7) shown.insert(7, " ");
        if (shown.size() > 3) shown.insert(3, " ");
        ui.figure(ui.tr("identify.phone_label"), shown.empty() ? "___ ____ ____" : shown);
        show_error(app, ui);
        if (ui.keypad(&phone_, 11, "identify.send_code")) {
            if (phone_.size() != 11) {
                error_ = "validation.msisdn_format";
                app.note_difficulty();
                return;
            }
            call_ = app.run_job([msisdn = phone_](SdkSession& s) { return s.request_code(msisdn); });
        }
        if (app.card_reader() != nullptr && ui.button("screen.identify.id_card", ui.tr("screen.identify.id_card"), Style::kSecondary)) {
            step_ = Step::kCard;
            app.speak_screen();
        }
    }

    void draw_code(App& app, Ui& ui) {
        ui.paragraph(ui.format("identify.code_sent", {{"number", mask_msisdn(phone_)}}));
        ui.figure(ui.tr("identify.code_label"), code_.empty() ? "______" : code_);
        show_error(app, ui);
        if (ui.keypad(&code_, 6, "identify.sign_in")) {
            // Sign-in and the account summary the home screen shows: one wait for the customer.
            call_ = app.run_job([msisdn = phone_, code = code_](SdkSession& s) {
                CallOutcome r = s.login(msisdn, code);
                if (!r.ok) return r;
                const CallOutcome summary = s.call("account.summary");
                r.value = summary.ok ? summary.value : Json::object();
                return r;
            });
            code_.clear();
        }
    }

    void draw_card(App& app, Ui& ui) {
        ui.paragraph(ui.tr("screen.identify.card_instruction"));
        if (!card_) {
            auto polled = app.card_reader()->poll();
            if (!polled) error_ = polled.error().id;
            else if (polled.value()) {
                card_ = polled.value()->masked();
                error_.clear();
            }
        }
        if (card_) {
            ui.figure(ui.tr("identify.card_name"), card_->name);
            ui.figure(ui.tr("identify.card_number"), card_->id_number);
            ui.paragraph(ui.tr("identify.card_then_phone"));
        }
        show_error(app, ui);
        if (ui.button("identify.use_phone", ui.tr("identify.use_phone"))) {
            step_ = Step::kPhone;
            app.speak_screen();
        }
    }

    Step step_ = Step::kPhone;
    std::string phone_;
    std::string code_;
    std::string error_;
    std::optional<devices::MaskedIdCard> card_;
    PendingCall call_;  // sending the code, or signing in
};

}  // namespace

std::unique_ptr<Screen> make_identify_screen() { return std::make_unique<IdentifyScreen>(); }

}  // namespace selfcare::kiosk
