// SPDX-License-Identifier: Apache-2.0
#include "domain/error.hpp"

#include <cassert>
#include <utility>

namespace selfcare::domain {

Error invalid_argument(FieldErrors errors) {
    assert(!errors.empty() && "invalid_argument needs at least one field error");
    Error e;
    e.code = ErrorCode::kInvalidArgument;
    if (!errors.empty()) {
        e.id = errors.front().id;
        e.message = errors.front().message;
        e.field = errors.front().field;
    }
    e.fields = std::move(errors);
    return e;
}

Error make_error(ErrorCode code, std::string id, std::string message, bool retryable) {
    Error e;
    e.code = code;
    e.id = std::move(id);
    e.message = std::move(message);
    e.retryable = retryable;
    return e;
}

std::string_view to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::kOk: return "ok";
        case ErrorCode::kInvalidArgument: return "invalid_argument";
        case ErrorCode::kUnauthenticated: return "unauthenticated";
        case ErrorCode::kForbidden: return "forbidden";
        case ErrorCode::kNotFound: return "not_found";
        case ErrorCode::kConflict: return "conflict";
        case ErrorCode::kOfflineQueued: return "offline_queued";
        case ErrorCode::kNetwork: return "network";
        case ErrorCode::kServer: return "server";
        case ErrorCode::kStorage: return "storage";
        case ErrorCode::kInternal: return "internal";
    }
    return "unknown";
}

}  // namespace selfcare::domain
