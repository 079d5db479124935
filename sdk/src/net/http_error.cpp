// SPDX-License-Identifier: Apache-2.0
// Turning a non-2xx response into a project error. The server answers TMF-style
// {"code": "...", "reason": "...", "message": "...", "field": "..."}; its "code" becomes the id.
#include <nlohmann/json.hpp>

#include "net/http.hpp"

namespace selfcare::net {

std::optional<domain::Error> http_error(const HttpResponse& response) {
    const int s = response.status;
    if (s >= 200 && s < 300) return std::nullopt;

    std::string id, message, field;
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    if (body.is_object()) {
        auto text = [&](const char* key) {
            const auto it = body.find(key);
            return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        id = text("code");
        message = text("message");
        if (message.empty()) message = text("reason");
        field = text("field");
    }
    const auto with = [&](domain::ErrorCode code, std::string fallback_id, bool retryable) {
        domain::Error e = domain::make_error(code, id.empty() ? std::move(fallback_id) : id,
                                             message.empty() ? "HTTP " + std::to_string(s) : message,
                                             retryable);
        if (!field.empty()) {
            e.field = field;
            e.fields.push_back({field, e.id, e.message});
        }
        return e;
    };
    using domain::ErrorCode;
    switch (s) {
        case 400: return with(ErrorCode::kInvalidArgument, "server.invalid_argument", false);
        // 422: the request was understood and refused by a business rule (not enough points, point
        // of no return passed): a conflict with the state of things, not a bad argument.
        case 422: return with(ErrorCode::kConflict, "server.refused", false);
        case 401: return with(ErrorCode::kUnauthenticated, "auth.session_ended", false);
        case 403: return with(ErrorCode::kForbidden, "auth.forbidden", false);
        case 404: return with(ErrorCode::kNotFound, "server.not_found", false);
        // "idempotency.in_progress": an earlier copy of this very request (one whose answer was
        // lost or late) is still running on the server; asked again later, the server replays
        // its answer. Any other conflict is the server's verdict.
        case 409: return with(ErrorCode::kConflict, "server.conflict", id == "idempotency.in_progress");
        case 429:
        case 502:
        case 503:
        case 504: return with(ErrorCode::kServer, "server.busy", true);
        default: break;
    }
    if (s >= 500) return with(ErrorCode::kServer, "server.error", true);
    return with(ErrorCode::kServer, "server.unexpected_status", false);
}

}  // namespace selfcare::net
