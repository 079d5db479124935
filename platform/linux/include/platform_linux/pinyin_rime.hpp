// SPDX-License-Identifier: Apache-2.0
// RimePinyin: PinyinInput on librime (Debian librime-dev) with the Luna Pinyin data
// (rime-data-luna-pinyin, which ships its compiled dictionaries, so start-up compiles nothing).
// Runs headless: rime's user data goes into a folder the kiosk owns, never the home directory.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "devices/pinyin_input.hpp"

namespace selfcare::platform_linux {

struct RimeOptions {
    /// Where rime keeps its installation id and user dictionary (created if missing). The kiosk
    /// passes `<data-dir>/rime`. Candidates are only read, never committed, so nothing typed by
    /// a customer is learnt or stored there.
    std::filesystem::path user_data_dir;
    /// The shared schema data; Debian installs it here.
    std::filesystem::path shared_data_dir = "/usr/share/rime-data";
};

/// Starts librime and opens the simplified and traditional Luna Pinyin schemas. Returns null and
/// tells `log` why (missing data, schema that does not load) when Chinese input is unavailable;
/// the kiosk then offers Latin letters only. librime's state is process-wide: create one at a
/// time. The returned object is used on the UI thread only.
std::unique_ptr<kiosk::devices::PinyinInput> make_rime_pinyin(const RimeOptions& options,
                                                              const std::function<void(std::string_view)>& log);

}  // namespace selfcare::platform_linux
