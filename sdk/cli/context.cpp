// SPDX-License-Identifier: Apache-2.0
#include "context.hpp"

#include <iostream>

#include "formatting.hpp"

namespace selfcare::cli {
namespace {

// What kind of failure a status is, in words.
const char* kind_of(int status) {
    switch (status) {
        case SC_E_INVALID_ARGUMENT: return "invalid input";
        case SC_E_UNAUTHENTICATED: return "not signed in";
        case SC_E_FORBIDDEN: return "not allowed";
        case SC_E_NOT_FOUND: return "not found";
        case SC_E_CONFLICT: return "not possible now";
        case SC_E_NETWORK: return "cannot reach the server";
        case SC_E_SERVER: return "the server failed";
        case SC_E_STORAGE: return "local storage problem";
        default: return "internal error";
    }
}

// What the user can do about it, when there is something.
std::string hint_for(const Error& e) {
    if (e.status() == SC_E_UNAUTHENTICATED && e.id() != "auth.login_failed") {
        return "sign in with `selfcare login` (customers) or `selfcare login-staff` (staff)";
    }
    if (e.status() == SC_E_NETWORK) return "check the server address (--server) and the network; cached answers still work";
    if (e.id() == "storage.wrong_key") return "this data folder belongs to another key; use its own key or another --data-dir";
    return "";
}

std::string label_for(const std::string& field, const FieldLabels& labels) {
    const auto it = labels.find(field);
    return it == labels.end() ? field : it->second;
}

}  // namespace

Client& Context::client() {
    if (!client_) {
        ensure_data_dir(settings_.data_dir);
        client_.emplace(Client::open(client_config(settings_)));
    }
    return *client_;
}

void Context::print_json(const Json& value) const {
    std::cout << mask_phone_numbers_in(value).dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

void print_error(std::ostream& err, const std::string& where, const Error& e, const FieldLabels& labels) {
    // Messages are the SDK's plain words; numbers in them are masked all the same.
    const std::string prefix = "selfcare" + (where.empty() ? std::string() : " " + where) + ": ";
    if (e.fields().size() > 1) {
        err << prefix << kind_of(e.status()) << ":\n";
        for (const auto& f : e.fields()) {
            err << "  " << label_for(f.field, labels) << ": " << mask_phone_numbers(f.message) << " (" << f.id << ")\n";
        }
    } else {
        err << prefix << kind_of(e.status()) << ": ";
        if (!e.field().empty()) err << label_for(e.field(), labels) << ": ";
        err << mask_phone_numbers(e.what()) << " (" << e.id() << ")\n";
    }
    if (const std::string hint = hint_for(e); !hint.empty()) err << "  " << hint << '\n';
}

}  // namespace selfcare::cli
