// SPDX-License-Identifier: Apache-2.0
#include "capi/error_json.hpp"

#include "selfcare/selfcare.h"

namespace selfcare::capi {

using domain::ErrorCode;
static_assert(static_cast<int>(ErrorCode::kOk) == SC_OK);
static_assert(static_cast<int>(ErrorCode::kInvalidArgument) == SC_E_INVALID_ARGUMENT);
static_assert(static_cast<int>(ErrorCode::kUnauthenticated) == SC_E_UNAUTHENTICATED);
static_assert(static_cast<int>(ErrorCode::kForbidden) == SC_E_FORBIDDEN);
static_assert(static_cast<int>(ErrorCode::kNotFound) == SC_E_NOT_FOUND);
static_assert(static_cast<int>(ErrorCode::kConflict) == SC_E_CONFLICT);
static_assert(static_cast<int>(ErrorCode::kOfflineQueued) == SC_E_OFFLINE_QUEUED);
static_assert(static_cast<int>(ErrorCode::kNetwork) == SC_E_NETWORK);
static_assert(static_cast<int>(ErrorCode::kServer) == SC_E_SERVER);
static_assert(static_cast<int>(ErrorCode::kStorage) == SC_E_STORAGE);
static_assert(static_cast<int>(ErrorCode::kInternal) == SC_E_INTERNAL);

int status_of(const domain::Error& error) {
    const int code = static_cast<int>(error.code);
    return code > SC_OK && code <= SC_E_INTERNAL ? code : SC_E_INTERNAL;
}

Json error_document(const domain::Error& error) {
    Json e{{"code", error.id}, {"message", error.message}, {"retryable", error.retryable}};
    if (!error.field.empty()) e["field"] = error.field;
    if (!error.fields.empty()) {
        Json fields = Json::array();
        for (const auto& f : error.fields) {
            fields.push_back({{"field", f.field}, {"code", f.id}, {"message", f.message}});
        }
        e["fields"] = std::move(fields);
    }
    return Json{{"error", std::move(e)}};
}

}  // namespace selfcare::capi
