// SPDX-License-Identifier: Apache-2.0
// selfcare-kiosk: the in-store self-service kiosk. See kiosk/README.md for the command line and
// the script format.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/kiosk_config.hpp"
#include "app/options.hpp"
#include "app/staff_pin.hpp"
#include "platform_default/card_reader_simulated.hpp"
#include "platform_default/printer_png.hpp"
#include "platform_linux/audio_sink.hpp"
#include "platform_linux/pinyin_rime.hpp"
#include "platform_linux/printer_escpos.hpp"
#include "platform_linux/speech_espeak.hpp"
#include "ui/fonts.hpp"
#include "ui/script.hpp"
#include "ui/window.hpp"

using namespace selfcare::kiosk;

namespace {

int fail(const std::string& message) {
    std::fprintf(stderr, "selfcare-kiosk: %s\n", message.c_str());
    return 2;
}

// --hash-pin: the PIN comes on stdin (not the command line, where other users and the shell's
// history would see it); the hash goes to stdout for the config's staff_pin_hash.
int print_pin_hash() {
    std::string pin;
    std::getline(std::cin, pin);
    while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' ')) pin.pop_back();
    const auto hash = hash_staff_pin(pin);
    if (!hash) return fail("the staff PIN must be 4 to 8 digits");
    std::printf("%s\n", hash->c_str());
    return 0;
}

// The printer the config names; a PNG in `png_default` unless it says otherwise.
std::unique_ptr<selfcare::kiosk::devices::Printer> make_printer(const PrinterConfig& config,
                                                                const std::filesystem::path& png_default) {
    using selfcare::platform_linux::EscPosPrinter;
    using selfcare::platform_linux::EscPosPrinterOptions;
    switch (config.kind) {
        case PrinterConfig::Kind::kNone: return nullptr;
        case PrinterConfig::Kind::kEscPosDevice:
        case PrinterConfig::Kind::kEscPosFile: {
            EscPosPrinterOptions o;
            o.target = config.target;
            o.kind = config.kind == PrinterConfig::Kind::kEscPosDevice ? EscPosPrinterOptions::Kind::kDevice
                                                                       : EscPosPrinterOptions::Kind::kFile;
            return std::make_unique<EscPosPrinter>(std::move(o));
        }
        case PrinterConfig::Kind::kPng: break;
    }
    return std::make_unique<selfcare::platform_default::PngReceiptPrinter>(selfcare::platform_default::PngReceiptOptions{
        .output = config.target.empty() ? png_default : config.target, .font_file = {}, .font_index = 0});
}

}  // namespace

int main(int argc, char** argv) {
    std::string error;
    auto options = parse_options(std::vector<std::string>(argv + 1, argv + argc), &error);
    if (!options) {
        std::fputs(error.c_str(), stderr);
        if (error.back() != '\n') std::fputc('\n', stderr);
        return error.rfind("usage:", 0) == 0 ? 0 : 2;
    }
    if (options->hash_pin) return print_pin_hash();
    if (options->i18n_dir.empty()) options->i18n_dir = SC_KIOSK_I18N_DIR;
    KioskConfig config;
    if (!options->config_file.empty()) {
        auto c = load_kiosk_config(options->config_file, &error);
        if (!c) return fail(error);
        config = *c;
    }
    std::optional<std::vector<ScriptStep>> steps;
    if (!options->script_file.empty()) {
        std::ifstream in(options->script_file);
        if (!in) return fail("cannot read the script " + options->script_file);
        steps = parse_script(std::string(std::istreambuf_iterator<char>(in), {}), &error);
        if (!steps) return fail(options->script_file + ": " + error);
    }
    std::error_code ec;
    std::filesystem::create_directories(options->data_dir, ec);

    // Devices: speech into the sound device (or a WAV file for tests), the printer the config
    // names (by default the receipt as a PNG in the data folder, or beside the screenshots in
    // script mode), the simulated card reader
    // when a card file is configured.
    selfcare::platform_linux::EspeakOptions speech_options;
    if (!options->speech_wav.empty()) {
        speech_options.sink = selfcare::platform_linux::make_wav_file_sink(options->speech_wav, selfcare::platform_linux::WavPacing::kRealTime);
    }
    speech_options.wake = [](selfcare::kiosk::devices::SpeechEvent) { Window::wake(); };
    speech_options.log = [](std::string_view why) { std::fprintf(stderr, "selfcare-kiosk: speech: %.*s\n", static_cast<int>(why.size()), why.data()); };
    selfcare::platform_linux::EspeakSpeech speech(std::move(speech_options));
    Devices devices;
    devices.speech = &speech;
    const std::filesystem::path receipt_dir = options->screenshots_dir.empty() ? options->data_dir : options->screenshots_dir;
    std::filesystem::create_directories(receipt_dir, ec);
    devices.printer = make_printer(config.printer, receipt_dir / "printed-receipt.png");
    // Chinese input for the on-screen keyboard; without it the keyboard offers Latin letters.
    selfcare::platform_linux::RimeOptions rime;
    rime.user_data_dir = std::filesystem::path(options->data_dir) / "rime";
    devices.pinyin = selfcare::platform_linux::make_rime_pinyin(
        rime, [](std::string_view why) { std::fprintf(stderr, "selfcare-kiosk: pinyin: %.*s\n", static_cast<int>(why.size()), why.data()); });
    if (!options->card_file.empty()) {
        devices.card_reader = std::make_unique<selfcare::platform_default::SimulatedCardReader>(
            selfcare::platform_default::SimulatedCardReaderOptions{.card_file = options->card_file, .today = {}});
    }

    Window window(options->window_width, options->window_height);
    if (!window.ok()) return fail(window.error());
    Fonts fonts;
    std::unique_ptr<App> app;
    try {
        app = std::make_unique<App>(*options, config, fonts, std::move(devices), &Window::wake);
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    std::unique_ptr<ScriptRunner> script;
    if (steps) script = std::make_unique<ScriptRunner>(std::move(*steps), options->screenshots_dir);
    const int code = window.run(*app, fonts, script.get());
    if (script) std::fprintf(stderr, "selfcare-kiosk: screenshots in %s\n", options->screenshots_dir.c_str());
    return code;
}
