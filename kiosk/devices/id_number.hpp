// SPDX-License-Identifier: Apache-2.0
// The resident identity card number of GB 11643-1999: 17 digits (region, birth date, sequence)
// and a check digit (0-9 or X) computed with ISO 7064 MOD 11-2.
#pragma once

#include <optional>
#include <string_view>

namespace selfcare::kiosk::devices {

/// The check digit ('0'..'9' or 'X') for the first 17 characters of `id`, or nullopt when
/// those are not 17 ASCII digits.
std::optional<char> gb11643_check_digit(std::string_view first17);

/// True when `id` is 18 characters, 17 digits then the right check digit (a lower-case 'x' is
/// accepted as 'X'), and the birth date in positions 7-14 is a real calendar date.
bool is_valid_id_number(std::string_view id);

}  // namespace selfcare::kiosk::devices
