// SPDX-License-Identifier: Apache-2.0
// GB 11643-1999 check digit: weights 2^(17-i) mod 11, sum mod 11 indexes "10X98765432".
#include "devices/id_number.hpp"

#include <array>
#include <chrono>

namespace selfcare::kiosk::devices {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int digits_value(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

std::optional<char> gb11643_check_digit(std::string_view first17) {
    static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3,
                                                     7, 9, 10, 5, 8, 4, 2};
    static constexpr std::string_view kCheck = "10X98765432";
    if (first17.size() < 17) return std::nullopt;
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        if (!is_digit(first17[i])) return std::nullopt;
        sum += (first17[i] - '0') * kWeights[i];
    }
    return kCheck[static_cast<std::size_t>(sum % 11)];
}

bool is_valid_id_number(std::string_view id) {
    if (id.size() != 18) return false;
    const auto check = gb11643_check_digit(id.substr(0, 17));
    if (!check) return false;
    const char last = id[17] == 'x' ? 'X' : id[17];
    if (last != *check) return false;
    // A card whose birth date is not a date was misread, whatever its check digit says.
    const std::chrono::year_month_day birth{std::chrono::year{digits_value(id.substr(6, 4))},
                                            std::chrono::month{static_cast<unsigned>(digits_value(id.substr(10, 2)))},
                                            std::chrono::day{static_cast<unsigned>(digits_value(id.substr(12, 2)))}};
    return birth.ok();
}

}  // namespace selfcare::kiosk::devices
