// SPDX-License-Identifier: Apache-2.0
// What a subcommand works with: the settings, the output mode, and the SDK client, opened on
// first use (so --help and usage errors never touch the data folder).
#pragma once

#include <iosfwd>
#include <map>
#include <optional>
#include <string>

#include "selfcare/selfcare.hpp"
#include "settings.hpp"

namespace selfcare::cli {

/// Names the SDK's argument fields the way the user typed them, e.g. "eta" -> "--eta".
using FieldLabels = std::map<std::string, std::string>;

class Context {
public:
    Context(Settings settings, bool json) : settings_(std::move(settings)), json_(json) {}

    const Settings& settings() const { return settings_; }
    /// True with --json: print the SDK's answers as JSON instead of tables.
    bool json() const { return json_; }

    /// The client, opened on first use (creating the data folder). Throws selfcare::Error when
    /// it cannot be opened (storage.wrong_key, ...), UsageError for a bad data folder.
    Client& client();

    /// Prints `value` as indented JSON on stdout, phone numbers masked.
    void print_json(const Json& value) const;

    /// Runs `command` and returns its result; SC_E_OFFLINE_QUEUED comes back as a result with
    /// "queued": true. Throws selfcare::Error for failures.
    Json call(const std::string& command, const Json& args = Json::object()) { return client().call(command, args); }

private:
    Settings settings_;
    bool json_;
    std::optional<Client> client_;
};

/// Writes a failure to stderr in plain words: what went wrong, which field (with its flag
/// from `labels`) and why, and the stable id; a hint for what to do where there is one.
void print_error(std::ostream& err, const std::string& where, const Error& e, const FieldLabels& labels = {});

}  // namespace selfcare::cli
