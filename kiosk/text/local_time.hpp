// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace selfcare::kiosk {

/// Formats an instant the server or the SDK sent in ISO 8601 ("2026-12-03T05:10:48Z",
/// "2026-12-03T13:10:48+08:00", fractional seconds allowed) as the date and time a customer at
/// this kiosk reads: "2026-12-03 13:10" in the kiosk's local time zone (the machine's `TZ`).
/// The server speaks UTC; showing its text as it came would put a promised repair time eight
/// hours early in a shop in China.
/// Returns "" for anything that is not such an instant (missing zone, bad digits, out-of-range
/// fields), so a screen shows nothing rather than a wrong time. Thread-safe (localtime_r).
std::string local_date_time(std::string_view iso);

}  // namespace selfcare::kiosk
