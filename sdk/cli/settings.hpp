// SPDX-License-Identifier: Apache-2.0
// Where the tool finds its server, data folder and CA file: flags first, then the config file
// ($XDG_CONFIG_HOME/selfcare/cli.json, else ~/.config/selfcare/cli.json, or --config FILE), then
// defaults (data in $XDG_DATA_HOME/selfcare, else ~/.local/share/selfcare; no server).
#pragma once

#include <string>

#include "command_line.hpp"
#include "selfcare/selfcare.hpp"

namespace selfcare::cli {

struct Settings {
    std::string server;       ///< "" = none configured (only cached answers and queuing work)
    std::string data_dir;
    std::string ca_file;      ///< "" = the system's CAs only
    std::string config_file;  ///< the file that was read ("" = none)
};

/// The settings for this run. A file named by --config must exist; the default one may not. Paths
/// in the file are relative to its folder; "~/" means the home folder. Throws UsageError naming
/// the file and the field for a file that is not a JSON object or a field that is not a string.
Settings resolve_settings(const GlobalOptions& global);

/// Creates the data folder (mode 0700, parents as needed) when it is missing. Throws UsageError
/// naming the folder when it cannot be created or is not a folder.
void ensure_data_dir(const std::string& dir);

/// The sc_client_open config for these settings.
Json client_config(const Settings& settings);

}  // namespace selfcare::cli
