// SPDX-License-Identifier: Apache-2.0
#include "formatting.hpp"

#include <cstdio>
#include <optional>
#include <cstdlib>
#include <ctime>

namespace selfcare::cli {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The run [begin, end) of digits, if it is a mobile number: where its 11 digits start.
std::optional<std::size_t> mobile_start(const std::string& text, std::size_t begin, std::size_t end) {
    std::size_t len = end - begin;
    std::size_t at = begin;
    if (len == 13 && text.compare(begin, 2, "86") == 0) {
        at += 2;
        len -= 2;
    }
    if (len != 11 || text[at] != '1' || text[at + 1] < '3') return std::nullopt;
    return at;
}

}  // namespace

std::string money(const Json& amount) {
    if (!amount.is_object() || !amount.contains("fen") || !amount["fen"].is_number_integer()) return "";
    const long long fen = amount["fen"].get<long long>();
    const unsigned long long abs = static_cast<unsigned long long>(fen < 0 ? -fen : fen);
    char digits[48];
    std::snprintf(digits, sizeof digits, "%llu.%02llu", abs / 100, abs % 100);
    const std::string unit = amount.value("unit", std::string("CNY"));
    const std::string sign = fen < 0 ? "-" : "";
    return unit == "CNY" ? sign + "¥" + digits : sign + digits + " " + unit;
}

std::string local_time(const Json& iso) {
    if (!iso.is_string()) return "";
    const std::string s = iso.get<std::string>();
    std::tm tm{};
    int consumed = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                    &tm.tm_min, &tm.tm_sec, &consumed) != 6 ||
        static_cast<std::size_t>(consumed) != s.size()) {
        return s;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    const std::time_t t = ::timegm(&tm);
    std::tm local{};
    if (t == static_cast<std::time_t>(-1) || ::localtime_r(&t, &local) == nullptr) return s;
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%d %H:%M", &local);
    return out;
}

std::string mask_phone_numbers(const std::string& text) {
    std::string out = text;
    for (std::size_t i = 0; i < out.size();) {
        if (!is_digit(out[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < out.size() && is_digit(out[end])) ++end;
        if (const auto at = mobile_start(out, i, end)) out.replace(*at + 3, 4, "****");
        i = end;
    }
    return out;
}

Json mask_phone_numbers_in(const Json& value) {
    if (value.is_string()) return mask_phone_numbers(value.get<std::string>());
    if (value.is_array()) {
        Json out = Json::array();
        for (const auto& v : value) out.push_back(mask_phone_numbers_in(v));
        return out;
    }
    if (value.is_object()) {
        Json out = Json::object();
        for (const auto& [k, v] : value.items()) out[mask_phone_numbers(k)] = mask_phone_numbers_in(v);
        return out;
    }
    return value;
}

std::string text_of(const Json& object, const char* key) {
    if (!object.is_object()) return "";
    const auto it = object.find(key);
    if (it == object.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number() || it->is_boolean()) return it->dump();
    return "";
}

}  // namespace selfcare::cli
