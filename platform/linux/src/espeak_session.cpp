// SPDX-License-Identifier: Apache-2.0
// espeak-ng set up once per process.
#include "espeak_session.hpp"

#include <espeak-ng/speak_lib.h>

#include <string>

namespace selfcare::platform_linux::espeak_session {

namespace {

std::mutex& espeak_mutex() {
    static std::mutex m;
    return m;
}

std::string& current_voice() {
    static std::string voice;
    return voice;
}

}  // namespace

kiosk::devices::Result<int> sample_rate() {
    // Initialised under the same lock as every other call; the result is kept for good.
    static const int rate = [] {
        auto guard = lock();
        // DONT_EXIT: on missing data espeak-ng would otherwise call exit() inside the kiosk.
        return espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 100, nullptr, espeakINITIALIZE_DONT_EXIT);
    }();
    if (rate <= 0) {
        return kiosk::devices::fail("speech.engine_failed", "espeak-ng could not load its data");
    }
    return rate;
}

std::unique_lock<std::mutex> lock() { return std::unique_lock<std::mutex>(espeak_mutex()); }

std::string_view voice_for(kiosk::devices::Locale locale) {
    return kiosk::devices::is_chinese(locale) ? "cmn-latn-pinyin" : "en-us";
}

bool select_voice(std::string_view voice) {
    if (current_voice() == voice) return true;
    const std::string name(voice);
    if (espeak_SetVoiceByName(name.c_str()) != EE_OK) return false;
    current_voice() = name;
    return true;
}

}  // namespace selfcare::platform_linux::espeak_session
