// SPDX-License-Identifier: Apache-2.0
// ID numbers (GB 11643 check digit), the on-screen mask of a card, and the privacy rule every
// speech engine applies.
#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "devices/card_reader.hpp"
#include "devices/id_number.hpp"
#include "devices/speech.hpp"

using namespace selfcare::kiosk::devices;
using namespace std::chrono;

TEST_CASE("the GB 11643 check digit accepts real numbers and catches a mistyped digit") {
    // The standard's own example, and one ending in X.
    CHECK(gb11643_check_digit("11010519491231002") == 'X');
    CHECK(gb11643_check_digit("44052418800101001") == '4');
    CHECK(is_valid_id_number("11010519491231002X"));
    CHECK(is_valid_id_number("11010519491231002x"));
    CHECK(is_valid_id_number("440524188001010014"));
    CHECK_FALSE(is_valid_id_number("110105194912310021"));  // wrong check digit
    CHECK_FALSE(is_valid_id_number("11010519491231102X"));  // one digit changed
    CHECK_FALSE(is_valid_id_number("11010519491231002"));   // 17 characters
    CHECK_FALSE(is_valid_id_number("1101051949123100 X"));
    CHECK_FALSE(gb11643_check_digit("1101051949123100A").has_value());
}

TEST_CASE("a number whose birth date is no date is refused even with a matching check digit") {
    const std::string first17 = "11010519490231002";  // 31 February
    const std::string id = first17 + *gb11643_check_digit(first17);
    CHECK_FALSE(is_valid_id_number(id));
}

TEST_CASE("a card shows masked on screen") {
    const IdCard card("张三丰", "11010519491231002X", year{2030} / 1 / 1);
    CHECK(card.masked().name == "张*丰");
    CHECK(card.masked().id_number == "110***********002X");
    CHECK(IdCard("张三", "11010519491231002X", std::nullopt).masked().name == "张*");
    CHECK(IdCard("欧阳娜娜", "x", std::nullopt).masked().name == "欧**娜");
    CHECK(IdCard("李", "x", std::nullopt).masked().name == "*");
}

TEST_CASE("a moved card leaves nothing behind in the moved-from value") {
    IdCard from("张三", "11010519491231002X", std::nullopt);
    IdCard to(std::move(from));
    CHECK(to.name() == "张三");
    CHECK(to.id_number() == "11010519491231002X");
    CHECK(from.name().empty());  // NOLINT(bugprone-use-after-move): checking the wipe
    CHECK(from.id_number().empty());
}

TEST_CASE("personal data is refused over the speaker unless a headset is in or the customer asked") {
    Utterance u{"尾号八零零零", Locale::kZhCN, kElderRateWpm, Privacy::kPublic};
    CHECK(check_privacy(u, false).ok());
    u.privacy = Privacy::kPersonal;
    CHECK(check_privacy(u, false).error().id == "speech.personal_needs_headset");
    CHECK(check_privacy(u, true).ok());
    u.privacy = Privacy::kPersonalReadAloud;
    CHECK(check_privacy(u, false).ok());
}

TEST_CASE("locale names round-trip") {
    for (auto l : {Locale::kZhCN, Locale::kZhTW, Locale::kEn}) CHECK(parse_locale(to_string(l)) == l);
    CHECK_FALSE(parse_locale("zh").has_value());
}
