// SPDX-License-Identifier: Apache-2.0
// Calendar arithmetic from <chrono> (C++20 civil dates), no time zone database needed: the wire
// carries UTC or an explicit offset.
#include "domain/iso8601.hpp"

#include <chrono>
#include <string>

namespace selfcare::domain {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

}  // namespace

std::string format_iso8601(Instant t) {
    using namespace std::chrono;
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss<seconds> hms{t - day};
    // Formatted by hand: the domain layer stays free of stdio.
    const auto put = [](std::string& out, long long v, int width) {
        std::string digits = std::to_string(v);
        if (static_cast<int>(digits.size()) < width) out.append(static_cast<std::size_t>(width) - digits.size(), '0');
        out += digits;
    };
    std::string out;
    put(out, static_cast<int>(ymd.year()), 4);
    out += '-';
    put(out, static_cast<unsigned>(ymd.month()), 2);
    out += '-';
    put(out, static_cast<unsigned>(ymd.day()), 2);
    out += 'T';
    put(out, hms.hours().count(), 2);
    out += ':';
    put(out, hms.minutes().count(), 2);
    out += ':';
    put(out, hms.seconds().count(), 2);
    out += 'Z';
    return out;
}

Result<Instant> parse_iso8601(std::string_view s, std::string_view field) {
    using namespace std::chrono;
    const auto bad = [&] {
        return invalid_argument({{std::string(field), "validation.datetime",
                                  std::string(field) + " must be a date-time like 2026-11-22T09:30:00Z"}});
    };
    int y, mo, d, h, mi, sec;
    if (!digits(s, 0, 4, y) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
        !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(s, 11, 2, h) ||
        s[13] != ':' || !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, sec)) {
        return bad();
    }
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || sec > 59) return bad();
    std::size_t pos = 19;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        const std::size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        if (pos == start) return bad();
    }
    int offset_minutes = 0;
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int oh, om;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !digits(s, pos + 4, 2, om) || oh > 23 || om > 59) {
            return bad();
        }
        offset_minutes = (s[pos] == '+' ? 1 : -1) * (oh * 60 + om);
        pos += 6;
    } else {
        return bad();
    }
    if (pos != s.size()) return bad();
    return Instant{sys_days{ymd}.time_since_epoch() + hours{h} + minutes{mi} + seconds{sec} -
                   minutes{offset_minutes}};
}

}  // namespace selfcare::domain
