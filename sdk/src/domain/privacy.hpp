// SPDX-License-Identifier: Apache-2.0
// Masking of personal data for screens a passer-by can read and for any diagnostic text
// (domain.md "Privacy"): 138****1234, 张*, 幸福路****.
#pragma once

#include <string>
#include <string_view>

namespace selfcare::domain {

/// Masks a mobile number: an 11-digit number keeps its first 3 and last 4 digits
/// ("13800138000" -> "138****8000"); anything else keeps at most its last 2 characters
/// ("****00"), so an unnormalised number never shows in full. Thread-safe.
std::string mask_msisdn(std::string_view msisdn);

/// Masks a personal name, keeping the first character: "张三丰" -> "张**". Thread-safe.
std::string mask_name(std::string_view name);

/// Masks an address, keeping its first 6 characters (the road or district): "幸福路 12 号 501"
/// -> "幸福路 12****". Thread-safe.
std::string mask_address(std::string_view address);

}  // namespace selfcare::domain
