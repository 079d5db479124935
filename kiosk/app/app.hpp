// SPDX-License-Identifier: Apache-2.0
// The kiosk application without its window: the session (SDK client, customer data), the
// screens and the router, the language and theme in use, the inactivity clock, speech and the
// receipt printer. The window (ui/window.hpp) calls frame() once per rendered frame; screens
// reach everything through this class. UI thread only, except where a member says otherwise.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/catalog.hpp"
#include "app/idle_timer.hpp"
#include "app/kiosk_config.hpp"
#include "app/options.hpp"
#include "app/router.hpp"
#include "app/sdk_session.hpp"
#include "app/sdk_worker.hpp"
#include "app/staff_pin.hpp"
#include "app/volume.hpp"
#include "devices/card_reader.hpp"
#include "devices/pinyin_input.hpp"
#include "devices/printer.hpp"
#include "devices/speech.hpp"
#include "screens/screen.hpp"
#include "theme/theme.hpp"
#include "ui/keyboard.hpp"
#include "ui/ui.hpp"

namespace selfcare::kiosk {

class Fonts;

/// The app's clock: the steady clock plus an offset that scripts and tests move forward
/// ("advance" step) to reach a timeout without waiting.
class KioskClock {
public:
    std::chrono::steady_clock::time_point now() const { return std::chrono::steady_clock::now() + offset_; }
    void advance(std::chrono::milliseconds by) { offset_ += by; }

private:
    std::chrono::milliseconds offset_{0};
};

/// What a finished task produced, for the result and receipt screens.
struct Outcome {
    std::string title;                                     ///< e.g. "报障已提交"
    std::vector<std::pair<std::string, std::string>> lines;  ///< label, value (already masked)
    std::string reference;                                 ///< ticket id or local reference
    std::string qr_payload;                                ///< opens the ticket or order in the app
    bool queued = false;                                   ///< in the outbox; sent automatically later
    bool failed = false;
};

/// The fault report being put together, one decision per screen step.
struct ReportDraft {
    int step = 0;
    std::string category, subcategory, description, address;
    int appointment = -1;  ///< index of the chosen window, -1 none
};

struct Devices {
    devices::SpeechEngine* speech = nullptr;           ///< may be null: no voice
    std::unique_ptr<devices::Printer> printer;         ///< may be null: no printer
    std::unique_ptr<devices::CardReader> card_reader;  ///< may be null: no reader fitted
    std::unique_ptr<devices::PinyinInput> pinyin;      ///< may be null: the keyboard types Latin only
};

class App {
public:
    /// Loads the catalogs from `options.i18n_dir` and opens the SDK client. Throws
    /// std::runtime_error with a clear message when a catalog is broken or the client cannot open.
    App(Options options, KioskConfig config, Fonts& fonts, Devices devices, std::function<void()> wake);
    ~App();

    /// Draws one frame into the current ImGui frame, full screen at `display`.
    void frame(ImVec2 display);

    /// Input arrived (touch, key): stops speech, restarts the inactivity countdown. While the
    /// inactivity warning shows, the countdown restarts only when the touch lifts (the warning
    /// draws until then), so the touch that dismisses it never reaches the screen below.
    void on_input();

    // Navigation.
    void go(const std::string& screen_id);
    /// The chrome bar's Back: one step back inside a multi-step screen (Screen::back), or the
    /// previous screen at its first step. Either way a pending call's outcome is discarded.
    void back();
    /// Home (or attract when nobody is signed in); a pending call's outcome is discarded.
    void home();
    const std::string& current_screen() const { return router_.current(); }
    /// Ends the customer's session: auth.logout wipes their data; language, elder mode and
    /// volume go back to the kiosk's defaults; the attract screen shows.
    void end_session();

    // Language and theme.
    const std::string& locale() const { return locale_; }
    void set_locale(const std::string& locale);
    bool elder() const { return elder_; }
    void set_elder(bool on);
    const Theme& theme() const { return elder_ ? elder_theme_ : standard_theme_; }
    /// Sizes both themes' text for the font in use, whose capitals are `cap_height_ratio` of its
    /// ImGui size (Fonts::cap_height_ratio), so letters keep kiosk.md's physical sizes whatever
    /// CJK font fontconfig found (text_scale_for). The window calls it after locating the font,
    /// before baking the atlas. UI thread.
    void fit_text_to_font(double cap_height_ratio);
    const Catalog& catalog() const { return catalogs_.at(locale_); }
    /// Every catalog, for building glyph ranges of the language button.
    const std::map<std::string, Catalog>& catalogs() const { return catalogs_; }
    /// Font sizes and characters changed (theme or language): the window rebuilds the atlas.
    bool take_fonts_changed();

    // Session.
    /// The SDK session's state (offline, signed in). Its blocking commands are for the worker:
    /// screens run them through run() / run_job().
    SdkSession& sdk() { return *sdk_; }
    /// Runs `command` with `args` on the SDK worker; the screen keeps the PendingCall, shows the
    /// wait state while it runs, and takes the outcome in a later frame. UI thread.
    PendingCall run(std::string command, Json args = Json::object());
    /// Runs `job` (several blocking SdkSession calls that belong together, e.g. sign-in then the
    /// account summary) on the SDK worker. `job` runs on the worker thread: it must use only the
    /// session it is given and what it owns. UI thread.
    PendingCall run_job(std::function<CallOutcome(SdkSession&)> job);
    /// True while a screen waits for an SDK call: the screen's buttons are inert and the wait
    /// state shows. (Calls whose outcome was discarded, and the sign-out, run in the background;
    /// the inactivity clock stands still for any call.)
    bool busy() const { return worker_->awaited(); }
    /// Queues auth.logout behind whatever is running (a sign-in still in flight is signed out
    /// too) and returns at once: nobody waits for it.
    void sign_out();
    /// True once after a frame that the window should follow with more (an outcome arrived).
    bool take_redraw();
    std::string& msisdn() { return msisdn_; }  ///< the signed-in number; never shown unmasked
    nlohmann::json& summary() { return summary_; }
    ReportDraft& draft() { return draft_; }
    Outcome& outcome() { return outcome_; }
    // Volume (home's quieter/louder): starts at the config's volume_percent, reset by end_session().
    const Volume& volume() const { return volume_; }
    /// One step louder or quieter, then a short spoken sample at the new loudness.
    void change_volume(bool louder);

    // Staff.
    /// The staff screen's PIN check and lockout, on the app's clock (scripts can move it).
    StaffPinGate& staff_gate() { return staff_gate_; }
    /// A tap on attract's staff corner; true on the 5th tap within 5 s, which opens the PIN entry.
    bool note_staff_corner_tap();
    /// Why speech is silent (nullopt: it can speak); "speech.none" without an engine.
    std::optional<devices::DeviceError> speech_health() const;
    bool has_printer() const { return devices_.printer != nullptr; }
    /// The receipt printer, or null when none is fitted. Owned by the app; thread-safe (see
    /// devices/printer.hpp), so a worker may ask its health().
    devices::Printer* printer() { return devices_.printer.get(); }
    /// The font atlas as last built (the staff screen shows its size).
    const Fonts& fonts() const { return fonts_; }

    /// The bill picked on the query screen (one item of bills.list), for its itemised pages.
    nlohmann::json& selected_bill() { return selected_bill_; }
    /// Counts slow or failed interactions; the second offers elder mode.
    void note_difficulty() { ++difficulties_; }
    bool offer_elder() const { return !elder_ && difficulties_ >= 2; }

    // Devices.
    /// Speaks the current screen's title and instruction (Repeat does the same).
    void speak_screen();
    bool speaking() const { return devices_.speech != nullptr && devices_.speech->speaking(); }
    devices::CardReader* card_reader() { return devices_.card_reader.get(); }
    /// Chinese input for the keyboard in the session's language: null in English or without it.
    devices::PinyinInput* pinyin() { return locale_ == "en" ? nullptr : devices_.pinyin.get(); }
    devices::ChineseScript script() const {
        return locale_ == "zh-TW" ? devices::ChineseScript::kTraditional : devices::ChineseScript::kSimplified;
    }
    /// The on-screen keyboard's options for the session's language (pinyin input and script),
    /// with room for `max_chars` and the action and placeholder texts of these catalog keys.
    KeyboardOptions keyboard_options(std::size_t max_chars, std::string_view action_key, std::string_view placeholder_key) {
        KeyboardOptions o;
        o.max_chars = max_chars;
        o.action_key = action_key;
        o.pinyin = pinyin();
        o.script = script();
        o.placeholder_key = placeholder_key;
        return o;
    }
    /// Prints the outcome's receipt on a worker thread; print_state() follows it.
    void print_receipt();
    enum class PrintState { kIdle, kPrinting, kDone, kFailed };
    PrintState print_state() const { return print_state_.load(); }
    const std::string& print_error() const { return print_error_; }

    // Time.
    KioskClock& clock() { return clock_; }
    IdleTimer& idle() { return idle_; }
    const KioskConfig& config() const { return config_; }
    std::chrono::steady_clock::time_point entered_at() const { return entered_at_; }

    /// What the last frame drew, and on which screen (for scripts, tests, screenshots).
    const std::vector<WidgetRecord>& last_widgets() const { return last_widgets_; }

private:
    void draw_chrome(ImVec2 display, float height);
    void draw_idle_warning(ImVec2 display);
    /// Speaks the texts of two catalog keys, title then instruction, public data only.
    void say_keys(std::string_view title_key, std::string_view instruction_key);
    Screen& screen(const std::string& id);

    Options options_;
    KioskConfig config_;
    Fonts& fonts_;
    Devices devices_;
    std::function<void()> wake_;
    std::map<std::string, Catalog> catalogs_;
    Theme standard_theme_;
    Theme elder_theme_;
    std::string locale_;
    bool elder_ = false;
    bool fonts_changed_ = true;
    std::unique_ptr<SdkSession> sdk_;
    std::unique_ptr<SdkWorker> worker_;  // uses sdk_: destroyed first (~App)
    bool was_busy_ = false;
    bool redraw_ = false;
    std::optional<std::chrono::steady_clock::time_point> busy_since_;
    bool wait_spoken_ = false;
    Router router_{"attract"};
    std::map<std::string, std::unique_ptr<Screen>> screens_;
    Ui ui_;
    KioskClock clock_;
    IdleTimer idle_;
    std::chrono::steady_clock::time_point entered_at_;
    std::string msisdn_;
    nlohmann::json summary_;
    ReportDraft draft_;
    Outcome outcome_;
    nlohmann::json selected_bill_;
    int difficulties_ = 0;
    Volume volume_;
    StaffPinGate staff_gate_;
    int corner_taps_ = 0;
    std::chrono::steady_clock::time_point first_corner_tap_{};
    bool staff_called_ = false;
    bool warned_ = false;  // the inactivity warning has been spoken
    std::vector<WidgetRecord> last_widgets_;
    std::atomic<PrintState> print_state_{PrintState::kIdle};
    std::string print_error_;
    std::thread print_thread_;
};

/// "138****8000" for an 11-digit mobile number; other text is masked but for its last 4.
std::string mask_msisdn(const std::string& msisdn);
/// "¥12.34" from an amount object {"value": 12.34} or {"fen": 1234} or a number of yuan.
std::string money_text(const nlohmann::json& amount);

}  // namespace selfcare::kiosk
