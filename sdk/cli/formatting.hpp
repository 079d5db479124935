// SPDX-License-Identifier: Apache-2.0
// Turning SDK values into what a person reads: money, local times, and phone numbers masked the
// way the SDK masks them (138****8000) wherever they occur, in text and in JSON.
#pragma once

#include <string>

#include "selfcare/selfcare.hpp"

namespace selfcare::cli {

/// {"fen": 4650, "unit": "CNY"} as "¥46.50" (another unit: "46.50 USD"); "" when not money.
std::string money(const Json& amount);

/// An ISO 8601 UTC time ("2026-11-29T19:35:24Z") as local "2026-11-29 19:35"; other text is
/// returned as it is, and null or a missing value as "".
std::string local_time(const Json& iso);

/// `text` with every mainland mobile number (11 digits 1[3-9]..., optionally +86/86 in front)
/// masked as 138****8000. Digit runs of any other length are left alone.
std::string mask_phone_numbers(const std::string& text);

/// A copy of `value` with mask_phone_numbers applied to every string and object key in it.
Json mask_phone_numbers_in(const Json& value);

/// A string member of `object` ("" when absent or not a string); numbers are written out.
std::string text_of(const Json& object, const char* key);

}  // namespace selfcare::cli
