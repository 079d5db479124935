// SPDX-License-Identifier: Apache-2.0
// The simulated reader: the file's presence is the card's, its JSON the chip's data.
#include "platform_default/card_reader_simulated.hpp"

#include <time.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <system_error>

#include "devices/id_number.hpp"

namespace selfcare::platform_default {

namespace {

using kiosk::devices::fail;
using kiosk::devices::IdCard;
using kiosk::devices::Result;
namespace fs = std::filesystem;

std::chrono::year_month_day local_today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    return std::chrono::year{local.tm_year + 1900} / static_cast<unsigned>(local.tm_mon + 1) /
           static_cast<unsigned>(local.tm_mday);
}

// "YYYY-MM-DD" as a real calendar date.
std::optional<std::chrono::year_month_day> parse_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year{std::stoi(text.substr(0, 4))},
                                           std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                                           std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
    if (!date.ok()) return std::nullopt;
    return date;
}

}  // namespace

SimulatedCardReader::SimulatedCardReader(SimulatedCardReaderOptions options) : options_(std::move(options)) {}

Result<std::optional<IdCard>> SimulatedCardReader::poll() {
    std::error_code ec;
    if (!fs::is_directory(options_.card_file.parent_path(), ec)) {
        return fail("card.reader_offline", "the simulated reader's folder is missing");
    }
    std::ifstream in(options_.card_file, std::ios::binary);
    if (!in) return std::optional<IdCard>();  // no card

    const nlohmann::json data = nlohmann::json::parse(std::istreambuf_iterator<char>(in),
                                                      std::istreambuf_iterator<char>(), nullptr,
                                                      /*allow_exceptions=*/false);
    // Details name the field only: the file holds someone's name and ID number.
    if (!data.is_object()) return fail("card.unreadable", "card data is not a JSON object");
    for (const char* field : {"name", "id_number", "valid_until"}) {
        if (!data.contains(field) || !data[field].is_string() || data[field].get<std::string>().empty()) {
            return fail("card.unreadable", std::string("card data lacks ") + field);
        }
    }
    std::string id_number = data["id_number"].get<std::string>();
    if (!kiosk::devices::is_valid_id_number(id_number)) {
        return fail("card.unreadable", "ID number fails the GB 11643 check");
    }
    if (id_number[17] == 'x') id_number[17] = 'X';

    const std::string validity = data["valid_until"].get<std::string>();
    std::optional<std::chrono::year_month_day> valid_until;
    if (validity != "长期") {
        valid_until = parse_date(validity);
        if (!valid_until) return fail("card.unreadable", "valid_until is not a date");
        const auto today = options_.today ? options_.today() : local_today();
        if (std::chrono::sys_days(*valid_until) < std::chrono::sys_days(today)) {
            return fail("card.expired", "the card's validity has ended");
        }
    }
    return std::optional<IdCard>(IdCard(data["name"].get<std::string>(), std::move(id_number), valid_until));
}

}  // namespace selfcare::platform_default
