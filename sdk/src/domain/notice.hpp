// SPDX-License-Identifier: Apache-2.0
// Notice: a proactive message for an area (network maintenance, severe weather, outage).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "domain/clock.hpp"
#include "domain/enum_names.hpp"

namespace selfcare::domain {

/// What a notice is about.
enum class NoticeKind { kMaintenance, kWeather, kOutage };

template <>
struct EnumNames<NoticeKind> {
    static constexpr std::array<std::pair<NoticeKind, std::string_view>, 3> names{{
        {NoticeKind::kMaintenance, "maintenance"},
        {NoticeKind::kWeather, "weather"},
        {NoticeKind::kOutage, "outage"},
    }};
};

/// A notice shown to customers in `area` between valid_from and valid_to.
struct Notice {
    std::string id;
    std::string area;  ///< operator's area code
    NoticeKind kind = NoticeKind::kMaintenance;
    std::string title;
    std::string body;
    Instant valid_from;
    Instant valid_to;
};

/// True when `now` lies in [valid_from, valid_to). Thread-safe.
constexpr bool is_active(const Notice& notice, Instant now) {
    return notice.valid_from <= now && now < notice.valid_to;
}

}  // namespace selfcare::domain
