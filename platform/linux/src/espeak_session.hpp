// SPDX-License-Identifier: Apache-2.0
// The one espeak-ng instance of the process. espeak-ng keeps global state, and in 1.51 a
// second espeak_Initialize after espeak_Terminate hangs in espeak_Terminate (measured), so it
// is initialised once and never terminated; every call into it holds lock().
#pragma once

#include <mutex>
#include <string_view>

#include "devices/locale.hpp"
#include "devices/result.hpp"

namespace selfcare::platform_linux::espeak_session {

/// Initialises espeak-ng on first use (synchronous output, 100 ms buffers). Returns its sample
/// rate, or "speech.engine_failed" (no espeak-ng-data). Thread-safe.
kiosk::devices::Result<int> sample_rate();

/// Held around every other espeak-ng call.
std::unique_lock<std::mutex> lock();

/// The espeak-ng voice for a locale: cmn-latn-pinyin for both Chinese locales, en-us.
std::string_view voice_for(kiosk::devices::Locale locale);

/// Selects `voice` unless it is already the current one. Call with lock() held.
bool select_voice(std::string_view voice);

}  // namespace selfcare::platform_linux::espeak_session
