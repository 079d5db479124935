// SPDX-License-Identifier: Apache-2.0
// The exported sc_* functions: argument checks, then Client. No exception crosses this boundary.
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "capi/client.hpp"
#include "capi/error_json.hpp"
#include "selfcare/selfcare.h"

struct sc_client {
    std::unique_ptr<selfcare::capi::Client> impl;
};

namespace {

using selfcare::capi::CallResult;
using selfcare::capi::error_document;
using selfcare::capi::status_of;
namespace domain = selfcare::domain;

// A malloc'd copy, so sc_free (free) releases it whatever the caller's allocator.
char* to_c_string(const std::string& s) {
    auto* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (p != nullptr) std::memcpy(p, s.c_str(), s.size() + 1);
    return p;
}

CallResult invalid(const char* field, const char* why) {
    const auto e = domain::invalid_argument({{field, "validation.required", std::string(field) + " " + why}});
    return {status_of(e), error_document(e).dump()};
}

CallResult internal_error() {
    const auto e = domain::make_error(domain::ErrorCode::kInternal, "internal", "unexpected failure");
    return {status_of(e), error_document(e).dump()};
}

}  // namespace

extern "C" {

int sc_version(void) { return SC_ABI_VERSION; }

int sc_client_open(const char* config_json, sc_client** out, char** error_json) {
    if (error_json != nullptr) *error_json = nullptr;
    CallResult r;
    if (out == nullptr) {
        r = invalid("out", "must not be NULL");
    } else {
        *out = nullptr;
        try {
            auto cfg = selfcare::capi::parse_client_config(config_json);
            if (!cfg) {
                r = {status_of(cfg.error()), error_document(cfg.error()).dump()};
            } else {
                auto client = selfcare::capi::Client::open(std::move(cfg).value());
                if (!client) {
                    r = {status_of(client.error()), error_document(client.error()).dump()};
                } else {
                    *out = new sc_client{std::move(client).value()};
                    return SC_OK;
                }
            }
        } catch (...) {
            r = internal_error();
        }
    }
    if (error_json != nullptr) *error_json = to_c_string(r.json);
    return r.status;
}

void sc_client_close(sc_client* client) { delete client; }

int sc_call(sc_client* client, const char* command, const char* args_json, char** result_json) {
    if (result_json == nullptr) return SC_E_INVALID_ARGUMENT;
    CallResult r;
    if (client == nullptr) {
        r = invalid("client", "must not be NULL");
    } else {
        r = client->impl->call(command, args_json);  // answers a NULL command itself
    }
    *result_json = to_c_string(r.json);
    return r.status;
}

int sc_call_async(sc_client* client, const char* command, const char* args_json, sc_result_fn done,
                  void* user) {
    if (client == nullptr || done == nullptr) return SC_E_INVALID_ARGUMENT;
    try {
        client->impl->call_async(command == nullptr ? std::nullopt : std::optional<std::string>(command),
                                 args_json == nullptr ? std::nullopt : std::optional<std::string>(args_json),
                                 done, user);
    } catch (...) {
        return SC_E_INTERNAL;
    }
    return SC_OK;
}

int sc_set_listener(sc_client* client, sc_event_fn fn, void* user) {
    if (client == nullptr) return SC_E_INVALID_ARGUMENT;
    client->impl->set_listener(fn, user);
    return SC_OK;
}

void sc_free(void* p) { std::free(p); }

}  // extern "C"
