// SPDX-License-Identifier: Apache-2.0
// The simulated ID-card reader: a card comes and goes with its file; damaged data, a bad check
// digit and an expired card are told apart; errors never quote the holder's data.
#include <doctest/doctest.h>

#include <string>

#include "platform_default/card_reader_simulated.hpp"
#include "support/temp_dir.hpp"

using namespace selfcare;
using namespace std::chrono;
using platform_default::SimulatedCardReader;
namespace fs = std::filesystem;

namespace {

// As staff or a test would insert a card: write beside, rename into place.
void insert(const fs::path& card, const std::string& json) {
    test::write_bytes(card.string() + ".tmp", json);
    fs::rename(card.string() + ".tmp", card);
}

std::string card_json(const std::string& id, const std::string& valid_until) {
    return R"({"name": "张三丰", "id_number": ")" + id + R"(", "valid_until": ")" + valid_until + R"("})";
}

}  // namespace

TEST_CASE("a card is there while its file is, and gone when it is removed") {
    test::TempDir dir;
    const fs::path card = dir / "card.json";
    SimulatedCardReader reader({card, [] { return year{2024} / 5 / 6; }});

    auto none = reader.poll();
    REQUIRE(none.ok());
    CHECK_FALSE(none.value().has_value());

    insert(card, card_json("11010519491231002x", "2030-01-01"));
    auto read = reader.poll();
    REQUIRE(read.ok());
    REQUIRE(read.value().has_value());
    const auto& id = *read.value();
    CHECK(id.name() == "张三丰");
    CHECK(id.id_number() == "11010519491231002X");
    CHECK(id.valid_until() == year{2030} / 1 / 1);
    CHECK(id.masked().name == "张*丰");
    CHECK(id.masked().id_number == "110***********002X");

    fs::remove(card);
    auto removed = reader.poll();
    REQUIRE(removed.ok());
    CHECK_FALSE(removed.value().has_value());
}

TEST_CASE("a card valid for life (长期) never expires") {
    test::TempDir dir;
    SimulatedCardReader reader({dir / "card.json", [] { return year{2099} / 1 / 1; }});
    insert(dir / "card.json", card_json("11010519491231002X", "长期"));
    auto read = reader.poll();
    REQUIRE(read.ok());
    REQUIRE(read.value().has_value());
    CHECK_FALSE(read.value()->valid_until().has_value());
}

TEST_CASE("damaged, mis-checked and expired cards are refused without quoting them") {
    test::TempDir dir;
    const fs::path card = dir / "card.json";
    SimulatedCardReader reader({card, [] { return year{2024} / 5 / 6; }});

    struct Case {
        const char* what;
        std::string json;
        const char* error;
    };
    const Case cases[] = {
        {"bad check digit", card_json("110105194912310021", "2030-01-01"), "card.unreadable"},
        {"17 digits", card_json("11010519491231002", "2030-01-01"), "card.unreadable"},
        {"not JSON", "{\"name\": \"张三丰\", \"id_number\": \"1101", "card.unreadable"},
        {"no name", R"({"id_number": "11010519491231002X", "valid_until": "2030-01-01"})", "card.unreadable"},
        {"bad date", card_json("11010519491231002X", "2030-02-30"), "card.unreadable"},
        {"expired yesterday", card_json("11010519491231002X", "2024-05-05"), "card.expired"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        insert(card, c.json);
        const auto read = reader.poll();
        REQUIRE_FALSE(read.ok());
        CHECK(read.error().id == c.error);
        CHECK(read.error().detail.find("张") == std::string::npos);
        CHECK(read.error().detail.find("1101") == std::string::npos);
    }
    insert(card, card_json("11010519491231002X", "2024-05-06"));  // last valid day
    CHECK(reader.poll().ok());
}

TEST_CASE("a reader whose folder is gone is offline") {
    test::TempDir dir;
    SimulatedCardReader reader({dir / "reader" / "card.json", {}});
    const auto read = reader.poll();
    REQUIRE_FALSE(read.ok());
    CHECK(read.error().id == "card.reader_offline");
}
