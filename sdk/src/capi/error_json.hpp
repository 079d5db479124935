// SPDX-License-Identifier: Apache-2.0
// The error document every failing call returns:
//   {"error":{"code":"<stable id>","message":"...","retryable":bool,"field":"...","fields":[...]}}
#pragma once

#include <string>

#include "capi/json_input.hpp"
#include "domain/error.hpp"

namespace selfcare::capi {

/// The SC_E_* status for an error (the numeric values are the same enum).
int status_of(const domain::Error& error);

/// The error as a JSON document. Messages are already free of personal data and secrets.
Json error_document(const domain::Error& error);

}  // namespace selfcare::capi
