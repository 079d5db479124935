// SPDX-License-Identifier: Apache-2.0
#include "text/local_time.hpp"

#include <ctime>
#include <optional>

namespace selfcare::kiosk {
namespace {

// The digits at [pos, pos + n) as a number, or nothing when any is not a digit.
std::optional<int> digits(std::string_view s, std::size_t pos, std::size_t n) {
    if (pos + n > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool at(std::string_view s, std::size_t pos, char c) { return pos < s.size() && s[pos] == c; }

}  // namespace

std::string local_date_time(std::string_view iso) {
    // YYYY-MM-DDTHH:MM[:SS[.fraction]] then Z or ±HH:MM. Written out rather than with
    // std::chrono::parse, which the Debian toolchain's library does not have yet.
    const auto year = digits(iso, 0, 4), month = digits(iso, 5, 2), day = digits(iso, 8, 2);
    const auto hour = digits(iso, 11, 2), minute = digits(iso, 14, 2);
    if (!year || !month || !day || !hour || !minute || !at(iso, 4, '-') || !at(iso, 7, '-') ||
        !(at(iso, 10, 'T') || at(iso, 10, ' ')) || !at(iso, 13, ':')) {
        return "";
    }
    std::size_t pos = 16;
    int second = 0;
    if (at(iso, pos, ':')) {
        const auto s = digits(iso, pos + 1, 2);
        if (!s) return "";
        second = *s;
        pos += 3;
        if (at(iso, pos, '.')) {
            ++pos;
            while (pos < iso.size() && iso[pos] >= '0' && iso[pos] <= '9') ++pos;
        }
    }
    int offset_minutes = 0;
    if (at(iso, pos, 'Z') && pos + 1 == iso.size()) {
        offset_minutes = 0;
    } else if ((at(iso, pos, '+') || at(iso, pos, '-')) && pos + 6 == iso.size() && at(iso, pos + 3, ':')) {
        const auto oh = digits(iso, pos + 1, 2), om = digits(iso, pos + 4, 2);
        if (!oh || !om || *oh > 14 || *om > 59) return "";
        offset_minutes = (*oh * 60 + *om) * (iso[pos] == '-' ? -1 : 1);
    } else {
        return "";  // no zone: whose time it is cannot be known
    }
    if (*month < 1 || *month > 12 || *day < 1 || *day > 31 || *hour > 23 || *minute > 59 || second > 60) return "";

    std::tm utc{};
    utc.tm_year = *year - 1900;
    utc.tm_mon = *month - 1;
    utc.tm_mday = *day;
    utc.tm_hour = *hour;
    utc.tm_min = *minute;
    utc.tm_sec = second;
    const std::time_t instant = timegm(&utc) - static_cast<std::time_t>(offset_minutes) * 60;
    std::tm local{};
    if (localtime_r(&instant, &local) == nullptr) return "";
    char out[32];
    if (std::strftime(out, sizeof out, "%Y-%m-%d %H:%M", &local) == 0) return "";
    return out;
}

}  // namespace selfcare::kiosk
