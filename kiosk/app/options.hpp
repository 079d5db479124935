// SPDX-License-Identifier: Apache-2.0
// The kiosk's command line. Parsing is plain C++ (no window), so a wrong flag is refused with a
// clear message before anything opens.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace selfcare::kiosk {

struct Options {
    std::string server;                  ///< --server URL (required)
    std::string ca_file;                 ///< --ca-file F: a CA to trust for https
    std::string data_dir = "kiosk-data"; ///< --data-dir DIR: the SDK's encrypted store and receipts
    std::string locale = "zh-CN";        ///< --locale zh-CN|en|zh-TW: the language a session starts in
    bool elder = false;                  ///< --elder: start every session in elder mode
    int window_width = 0;                ///< --windowed WxH (0: full screen)
    int window_height = 0;
    std::string config_file;             ///< --config FILE: kiosk config (kiosk_config.hpp)
    std::string script_file;             ///< --script FILE: drive the app from a script
    std::string screenshots_dir;         ///< --screenshots DIR: where the script's screenshots go
    std::string i18n_dir;                ///< --i18n DIR: the catalogs (default: next to the binary's source)
    std::string speech_wav;              ///< --speech-wav F: speech goes into this WAV file, not the speaker
    std::string card_file;               ///< --card-file F: the simulated ID-card reader's file
    bool hash_pin = false;               ///< --hash-pin: read a staff PIN on stdin, print its hash, exit
};

/// Parses argv. Returns nullopt and sets `error` (one line naming the flag) for an unknown flag,
/// a missing value, a bad locale or size, --script without --screenshots, or no --server (which
/// --hash-pin does not need).
/// `--help` sets `error` to the usage text and returns nullopt.
std::optional<Options> parse_options(const std::vector<std::string>& args, std::string* error);

/// The usage text.
std::string usage();

}  // namespace selfcare::kiosk
