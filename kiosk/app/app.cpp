// SPDX-License-Identifier: Apache-2.0
#include "app/app.hpp"

#include <cstdio>
#include <stdexcept>

#include "speech/spoken_text.hpp"
#include "ui/fonts.hpp"

namespace selfcare::kiosk {

std::string mask_msisdn(const std::string& msisdn) {
    if (msisdn.size() == 11) return msisdn.substr(0, 3) + "****" + msisdn.substr(7);
    if (msisdn.size() <= 4) return std::string(msisdn.size(), '*');
    return std::string(msisdn.size() - 4, '*') + msisdn.substr(msisdn.size() - 4);
}

std::string money_text(const nlohmann::json& amount) {
    long long fen = 0;
    if (amount.is_object() && amount.contains("fen") && amount["fen"].is_number_integer()) fen = amount["fen"].get<long long>();
    else if (amount.is_number()) fen = static_cast<long long>(amount.get<double>() * 100 + (amount.get<double>() >= 0 ? 0.5 : -0.5));
    else return "";
    const unsigned long long abs = static_cast<unsigned long long>(fen < 0 ? -fen : fen);
    char digits[48];
    std::snprintf(digits, sizeof digits, "%s¥%llu.%02llu", fen < 0 ? "-" : "", abs / 100, abs % 100);
    return digits;
}

App::App(Options options, KioskConfig config, Fonts& fonts, Devices devices, std::function<void()> wake)
    : options_(std::move(options)),
      config_(std::move(config)),
      fonts_(fonts),
      devices_(std::move(devices)),
      wake_(std::move(wake)),
      standard_theme_(standard_theme(config_.panel)),
      elder_theme_(elder_theme(config_.panel)),
      locale_(options_.locale),
      elder_(options_.elder),
      ui_(fonts),
      idle_([this] { return clock_.now(); }, standard_theme_.inactivity, standard_theme_.warning),
      volume_(config_.volume_percent),
      staff_gate_([this] { return clock_.now(); }, config_.staff_pin_hash) {
    for (std::string_view l : kLocales) {
        std::string error;
        auto c = Catalog::load(options_.i18n_dir, l, &error);
        if (!c) throw std::runtime_error(error);
        catalogs_.emplace(std::string(l), std::move(*c));
    }
    sdk_ = std::make_unique<SdkSession>(options_.server, options_.ca_file, options_.data_dir, config_, wake_);
    worker_ = std::make_unique<SdkWorker>(wake_);
    for (auto& s : make_screens()) {
        const std::string id(s->id());
        screens_.emplace(id, std::move(s));
    }
    set_elder(elder_);
    entered_at_ = clock_.now();
}

App::~App() {
    // Runs what is queued (a sign-out wipes the customer's data) and joins before the session
    // and the screens go: the worker never outlives what its jobs use.
    worker_.reset();
    if (print_thread_.joinable()) print_thread_.join();
    if (devices_.speech != nullptr) devices_.speech->stop();
}

Screen& App::screen(const std::string& id) {
    auto it = screens_.find(id);
    if (it == screens_.end()) throw std::logic_error("no screen " + id);
    return *it->second;
}

void App::go(const std::string& id) {
    screen(id).enter(*this);
    router_.go(id);
    entered_at_ = clock_.now();
}

PendingCall App::run(std::string command, Json args) {
    return worker_->submit([s = sdk_.get(), command = std::move(command), args = std::move(args)] { return s->call(command, args); });
}

PendingCall App::run_job(std::function<CallOutcome(SdkSession&)> job) {
    return worker_->submit([s = sdk_.get(), job = std::move(job)] { return job(*s); });
}

void App::sign_out() {
    worker_->submit([s = sdk_.get()] {
        s->logout();
        return CallOutcome{};
    }).discard();
}

bool App::take_redraw() {
    const bool r = redraw_;
    redraw_ = false;
    return r;
}

void App::back() {
    // Home or Back during a call: its outcome is thrown away when it arrives. A write the SDK
    // accepted is never lost by this: it is on the server or in the SDK's outbox, which delivers
    // it; the customer finds it under Track or on their bill, not on this screen.
    worker_->discard_all();
    if (screen(router_.current()).back(*this)) {
        ui_.reset_pages();
        speak_screen();
        return;
    }
    router_.back();
}

void App::home() {
    worker_->discard_all();
    if (sdk_->signed_in()) {
        screen("home").enter(*this);
        router_.reset("home");
    } else {
        router_.reset("attract");
    }
    entered_at_ = clock_.now();
}

void App::end_session() {
    worker_->discard_all();
    sign_out();
    msisdn_.clear();
    summary_ = nlohmann::json();
    draft_ = ReportDraft{};
    outcome_ = Outcome{};
    difficulties_ = 0;
    staff_called_ = false;
    if (locale_ != options_.locale) set_locale(options_.locale);
    if (elder_ != options_.elder) set_elder(options_.elder);
    volume_.reset();
    router_.reset("attract");
    idle_.restart();
    entered_at_ = clock_.now();
}

void App::set_locale(const std::string& locale) {
    if (catalogs_.count(locale) == 0) return;
    locale_ = locale;
    fonts_changed_ = true;
    speak_screen();
}

void App::set_elder(bool on) {
    elder_ = on;
    idle_.set_timeout(theme().inactivity, theme().warning);
    fonts_changed_ = true;
}

void App::fit_text_to_font(double cap_height_ratio) {
    const double scale = text_scale_for(cap_height_ratio);
    standard_theme_ = standard_theme(config_.panel, scale);
    elder_theme_ = elder_theme(config_.panel, scale);
}

bool App::take_fonts_changed() {
    const bool c = fonts_changed_;
    fonts_changed_ = false;
    return c;
}

void App::on_input() {
    if (devices_.speech != nullptr) devices_.speech->stop();
    // A touch on the inactivity warning continues the session when the finger lifts (see
    // draw_idle_warning). Continuing on the press would take the warning away under the finger,
    // and the lift would then land on whatever tile of the screen below sits there.
    if (idle_.state() == IdleTimer::State::kWarning) return;
    idle_.touch();
}

void App::speak_screen() {
    Screen& s = screen(router_.current());
    say_keys(s.title_key(), s.instruction_key());
}

void App::say_keys(std::string_view title_key, std::string_view instruction_key) {
    if (devices_.speech == nullptr) return;
    const auto locale = devices::parse_locale(locale_).value_or(devices::Locale::kZhCN);
    speech::SpokenText text;
    text.text(catalog().text(title_key)).text(locale == devices::Locale::kEn ? ". " : "。").text(catalog().text(instruction_key));
    auto u = speech::to_utterance(text, locale, theme().speech_rate_wpm, devices_.speech->headset_present());
    u.volume_percent = volume_.percent();
    (void)devices_.speech->say(std::move(u));
}

void App::change_volume(bool louder) {
    if (louder ? volume_.louder() : volume_.quieter()) say_keys("home.volume_name", "home.volume_sample");
}

bool App::note_staff_corner_tap() {
    // Five taps on a bare corner within 5 s: deliberate, which a customer's stray touch is not.
    const auto now = clock_.now();
    if (corner_taps_ == 0 || now - first_corner_tap_ > std::chrono::seconds(5)) {
        corner_taps_ = 0;
        first_corner_tap_ = now;
    }
    if (++corner_taps_ < 5) return false;
    corner_taps_ = 0;
    return true;
}

std::optional<devices::DeviceError> App::speech_health() const {
    if (devices_.speech == nullptr) return devices::DeviceError{"speech.none", ""};
    return devices_.speech->health();
}

void App::print_receipt() {
    if (print_state_ == PrintState::kPrinting) return;
    if (print_thread_.joinable()) print_thread_.join();
    if (!devices_.printer) {
        print_error_ = "printer.offline";
        print_state_ = PrintState::kFailed;
        return;
    }
    devices::Receipt r;
    r.title = outcome_.title;
    for (const auto& [label, value] : outcome_.lines) r.lines.push_back({label, value});
    r.qr_payload = outcome_.qr_payload;
    if (outcome_.queued) r.footer.push_back(catalog().text("receipt.sent_automatically"));
    r.footer.push_back(catalog().text("receipt.thanks"));
    r.locale = devices::parse_locale(locale_).value_or(devices::Locale::kZhCN);
    print_state_ = PrintState::kPrinting;
    idle_.hold("printer");
    print_thread_ = std::thread([this, r = std::move(r)] {
        auto result = devices_.printer->print(r);
        if (!result) print_error_ = result.error().id;
        print_state_ = result ? PrintState::kDone : PrintState::kFailed;
        if (wake_) wake_();
    });
}

void App::draw_chrome(ImVec2 display, float height) {
    const Theme& t = theme();
    const Catalog& c = catalog();
    ImGui::GetWindowDrawList()->AddRectFilled({0, 0}, {display.x, height}, to_imgui(t.palette.secondary));
    // The language button names the next language in its own words (a customer who cannot read
    // the current one still finds theirs).
    std::string next_locale = "zh-CN";
    for (size_t i = 0; i < std::size(kLocales); ++i) {
        if (kLocales[i] == locale_) next_locale = std::string(kLocales[(i + 1) % std::size(kLocales)]);
    }
    struct Item {
        std::string key, label;
        Style style;
    };
    const std::vector<Item> items = {
        {"nav.back", c.text("nav.back"), Style::kSecondary},
        {"nav.home", c.text("nav.home"), Style::kSecondary},
        {"nav.repeat", c.text("nav.repeat"), Style::kSecondary},
        {"nav.language", catalogs_.at(next_locale).text("nav.language_name"), Style::kSecondary},
        {"nav.elder_mode", elder_ ? c.text("nav.standard_mode") : c.text("nav.elder_mode"), Style::kPrimary},
        {"nav.call_staff", c.text("nav.call_staff"), Style::kDanger},
    };
    const float gap = t.gap_px;
    const float px = t.button_label_px;
    float total = 0;
    for (const auto& it : items) total += ui_.measure(it.label, px) + 2 * gap;
    const float spare = std::max(0.0F, display.x - gap * static_cast<float>(items.size() + 1) - total) / static_cast<float>(items.size());
    float x = gap;
    for (const auto& it : items) {
        const float w = ui_.measure(it.label, px) + 2 * gap + spare;
        if (ui_.button_at({x, gap}, {w, height - 2 * gap}, it.key, it.label, it.style, px)) {
            if (it.key == "nav.back") back();
            else if (it.key == "nav.home") home();
            else if (it.key == "nav.repeat") speak_screen();
            else if (it.key == "nav.language") set_locale(next_locale);
            else if (it.key == "nav.elder_mode") set_elder(!elder_);
            else if (it.key == "nav.call_staff") staff_called_ = true;
        }
        x += w + gap;
    }
}

void App::draw_idle_warning(ImVec2 display) {
    const Theme& t = theme();
    ImGui::GetWindowDrawList()->AddRectFilled({0, 0}, display, to_imgui(t.palette.background));
    const auto secs = std::chrono::duration_cast<std::chrono::seconds>(idle_.remaining() + std::chrono::milliseconds(999)).count();
    ui_.begin(t, catalog(), {t.gap_px * 4, t.gap_px * 4}, {display.x - t.gap_px * 8, display.y - t.gap_px * 8});
    ui_.title(catalog().text("idle.warning.title"));
    ui_.paragraph(catalog().format("idle.warning.countdown", {{"seconds", std::to_string(secs)}}));
    // One huge Continue: half the screen, impossible to miss.
    const ImVec2 size{display.x * 0.6F, std::max(t.main_target_px * 3, display.y * 0.4F)};
    const bool continued = ui_.button_at({(display.x - size.x) / 2, display.y * 0.45F}, size, "idle.continue",
                                         catalog().text("idle.continue"), Style::kPrimary, t.figure_px);
    // Continue, or a touch anywhere on the warning, lifted: the session goes on. The screen
    // below is drawn again only after the lift, so the touch cannot reach it.
    if (continued || ImGui::IsMouseReleased(ImGuiMouseButton_Left)) idle_.touch();
}

void App::frame(ImVec2 display) {
    const Theme& t = theme();
    ui_.records().clear();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(display);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin("kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoScrollbar |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::GetWindowDrawList()->AddRectFilled({0, 0}, display, to_imgui(t.palette.background));

    // The session's clock: on attract nobody is there to time out.
    const bool in_session = router_.current() != "attract";
    // An SDK call in flight: the customer is waiting for it, so the inactivity clock stands still
    // (like printing), and after about a second the wait is said aloud once.
    const bool busy = worker_->awaited();
    if (worker_->busy()) idle_.hold("sdk");
    else idle_.release("sdk");
    if (busy) {
        if (!busy_since_) busy_since_ = clock_.now();
        if (in_session && !wait_spoken_ && clock_.now() - *busy_since_ >= std::chrono::seconds(1)) {
            wait_spoken_ = true;
            say_keys("wait.title", "wait.instruction");
        }
    } else {
        busy_since_.reset();
        wait_spoken_ = false;
    }
    // The frame after a call finished takes its outcome and changes the screen: draw on.
    if (was_busy_ && !busy) redraw_ = true;
    was_busy_ = busy;
    if (in_session && idle_.state() == IdleTimer::State::kExpired) end_session();
    if (in_session && idle_.state() == IdleTimer::State::kWarning) {
        if (!warned_) {
            // Spoken once as the countdown starts: someone who has looked away hears it.
            warned_ = true;
            say_keys("idle.warning.title", "idle.continue");
        }
        draw_idle_warning(display);
    } else {
        if (warned_) {
            warned_ = false;
            router_.take_changed();
            speak_screen();
        }
        if (!in_session) idle_.restart();
        if (router_.take_changed()) {
            ui_.reset_pages();
            speak_screen();
        }
        const float chrome_h = std::max(t.main_target_px, t.button_label_px * 1.5F) + 2 * t.gap_px;
        ui_.begin(t, catalog(), {0, 0}, display);
        draw_chrome(display, chrome_h);
        const float margin = t.gap_px * 3;
        ui_.begin(t, catalog(), {margin, chrome_h + t.gap_px}, {display.x - 2 * margin, display.y - chrome_h - t.gap_px - margin});
        if (sdk_->offline()) ui_.banner(catalog().text("offline.banner"));
        if (staff_called_) ui_.banner(catalog().text("staff.called"));
        Screen& s = screen(router_.current());
        ui_.title(catalog().text(s.title_key()));
        // While a call runs the screen still draws (and the chrome bar above works), but its
        // buttons are inert: a second tap on Confirm cannot place a second order.
        if (busy) ui_.banner(catalog().text("wait.title"));
        ui_.set_inert(busy);
        s.draw(*this, ui_);
        ui_.set_inert(false);
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    last_widgets_ = ui_.records();
    if (print_state_ != PrintState::kPrinting) idle_.release("printer");
}

}  // namespace selfcare::kiosk
