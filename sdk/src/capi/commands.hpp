// SPDX-License-Identifier: Apache-2.0
// The command table: every command the C ABI dispatches, with its argument and result schemas
// and whether it works offline. sdk.commands returns this table, so the catalog and the dispatch
// cannot drift apart.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "capi/json_input.hpp"
#include "domain/result.hpp"

namespace selfcare::capi {

class Client;

/// What a handler returns: the result document, and whether it was only accepted locally
/// (SC_E_OFFLINE_QUEUED with a usable result).
struct Reply {
    Json body;
    bool queued = false;
};

using Handler = std::function<domain::Result<Reply>(Client&, const Json& args)>;

/// One catalog entry.
struct Command {
    std::string name;     ///< noun.verb
    std::string summary;  ///< one line for developers
    Json args;            ///< JSON-Schema-style description of the arguments
    Json result;          ///< and of the result
    bool offline = false; ///< answers without a network connection
    Handler handler;
};

/// The whole table, sorted by name. Thread-safe (built once).
const std::vector<Command>& command_table();

/// The entry named `name`, or nullptr.
const Command* find_command(std::string_view name);

}  // namespace selfcare::capi
