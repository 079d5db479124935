// SPDX-License-Identifier: Apache-2.0
// Error values shared by every SDK layer. Expected failures (validation, offline, wrong key,
// not found, conflict) are returned as values, never thrown; exceptions are for bugs only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace selfcare::domain {

/// Error classes. The numeric values are the C ABI's SC_E_* codes (c-abi.md) and are
/// append-only: never renumber, never remove. capi/ pins them with static_assert.
enum class ErrorCode : int {
    kOk = 0,
    kInvalidArgument = 1,
    kUnauthenticated = 2,
    kForbidden = 3,
    kNotFound = 4,
    kConflict = 5,
    kOfflineQueued = 6,
    kNetwork = 7,
    kServer = 8,
    kStorage = 9,
    kInternal = 10,
};

/// One problem with one input field, e.g. {"msisdn", "validation.msisdn_format", "..."}.
struct FieldError {
    std::string field;    ///< dotted path of the offending argument ("contact", "appointment.start")
    std::string id;       ///< stable machine id, also the i18n key of the user-facing text
    std::string message;  ///< English text for logs and developers; never holds the value itself
};

using FieldErrors = std::vector<FieldError>;

/// An error a caller can act on. `id` is the stable string code ("storage.wrong_key"),
/// `message` is English for logs (never personal data or secrets), `field` names the offending
/// argument when there is one, `fields` lists every field error found by a validation.
struct Error {
    ErrorCode code = ErrorCode::kInternal;
    std::string id;
    std::string message;
    std::string field;
    bool retryable = false;
    FieldErrors fields;
};

/// Builds the error for a failed validation: code kInvalidArgument, `field`/`id`/`message` from
/// the first field error, all of them in `fields`. Precondition: !errors.empty().
Error invalid_argument(FieldErrors errors);

/// Convenience constructor for a non-validation error.
Error make_error(ErrorCode code, std::string id, std::string message, bool retryable = false);

/// The lower-case name of a code, e.g. "invalid_argument" (for logs and tests).
std::string_view to_string(ErrorCode code);

}  // namespace selfcare::domain
