// SPDX-License-Identifier: Apache-2.0
// Times on the wire: ISO 8601 / RFC 3339 in UTC, "2026-11-22T09:30:00Z", as TMF resources use.
#pragma once

#include <string>
#include <string_view>

#include "domain/clock.hpp"
#include "domain/result.hpp"

namespace selfcare::domain {

/// Formats as "YYYY-MM-DDTHH:MM:SSZ". Thread-safe.
std::string format_iso8601(Instant t);

/// Parses "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "+HH:MM"/"-HH:MM", optionally with fractional
/// seconds (dropped). Errors: kInvalidArgument "validation.datetime" on `field`. Thread-safe.
Result<Instant> parse_iso8601(std::string_view text, std::string_view field);

}  // namespace selfcare::domain
