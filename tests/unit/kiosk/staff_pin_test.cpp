// SPDX-License-Identifier: Apache-2.0
// The staff PIN without a window: only a salted hash is kept, the right PIN opens, a wrong one
// does not, five wrong ones lock the entry until the lockout has passed on the clock.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "app/staff_pin.hpp"

using namespace selfcare::kiosk;
using namespace std::chrono_literals;

namespace {

constexpr int kFast = 1000;  // the tests' iteration count; the kiosk uses kStaffPinIterations

struct FakeClock {
    std::chrono::steady_clock::time_point now{};
    StaffPinGate::Clock fn() {
        return [this] { return now; };
    }
};

}  // namespace

TEST_CASE("a hashed PIN verifies, and the hash holds neither the PIN nor the same bytes twice") {
    const auto a = hash_staff_pin("2468", kFast);
    const auto b = hash_staff_pin("2468", kFast);
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    CHECK(a->rfind("pbkdf2-sha256$1000$", 0) == 0);
    CHECK(*a != *b);  // a fresh salt each time
    CHECK(a->find("2468") == std::string::npos);
    CHECK(valid_staff_pin_hash(*a));
    CHECK(verify_staff_pin("2468", *a));
    CHECK(verify_staff_pin("2468", *b));
    CHECK_FALSE(verify_staff_pin("2469", *a));
    CHECK_FALSE(verify_staff_pin("24680", *a));
    CHECK_FALSE(verify_staff_pin("", *a));
}

TEST_CASE("PINs the keypad cannot type and malformed hashes are refused") {
    CHECK_FALSE(hash_staff_pin("123", kFast).has_value());
    CHECK_FALSE(hash_staff_pin("123456789", kFast).has_value());
    CHECK_FALSE(hash_staff_pin("12a4", kFast).has_value());
    CHECK_FALSE(hash_staff_pin("1234", 10).has_value());  // too few iterations to be worth a hash
    const std::string good = *hash_staff_pin_with_salt("1234", "saltsalt", kFast);
    CHECK(valid_staff_pin_hash(good));
    CHECK_FALSE(valid_staff_pin_hash("1234"));
    CHECK_FALSE(valid_staff_pin_hash(""));
    CHECK_FALSE(valid_staff_pin_hash("sha1$1000$" + good.substr(19)));
    CHECK_FALSE(valid_staff_pin_hash(good.substr(0, good.size() - 2)));  // key cut short
    CHECK_FALSE(valid_staff_pin_hash("pbkdf2-sha256$999$" + good.substr(19)));
    CHECK_FALSE(valid_staff_pin_hash(good + "$"));
    CHECK_FALSE(verify_staff_pin("1234", "1234"));
}

TEST_CASE("the same PIN and salt give the same hash (the built-in demo hash is reproducible)") {
    CHECK(hash_staff_pin_with_salt("2468", "saltsalt", kFast) == hash_staff_pin_with_salt("2468", "saltsalt", kFast));
    CHECK(hash_staff_pin_with_salt("2468", "saltsalt", kFast) != hash_staff_pin_with_salt("2468", "saltsalT", kFast));
}

TEST_CASE("five wrong PINs lock the entry, even for the right PIN, until the lockout has passed") {
    FakeClock clock;
    StaffPinGate gate(clock.fn(), *hash_staff_pin("2468", kFast), 5, 5min);
    CHECK(gate.tries_left() == 5);
    for (int i = 0; i < 4; ++i) CHECK(gate.check("1111") == StaffPinGate::Outcome::kRefused);
    CHECK(gate.tries_left() == 1);
    CHECK_FALSE(gate.locked());
    CHECK(gate.check("1111") == StaffPinGate::Outcome::kRefused);
    CHECK(gate.locked());
    CHECK(gate.lockout_left() == 5min);
    CHECK(gate.check("2468") == StaffPinGate::Outcome::kLocked);
    clock.now += 4min + 59s;
    CHECK(gate.check("2468") == StaffPinGate::Outcome::kLocked);
    CHECK(gate.lockout_left() == 1s);
    clock.now += 1s;
    CHECK_FALSE(gate.locked());
    CHECK(gate.tries_left() == 0);  // counted afresh at the next try
    CHECK(gate.check("2468") == StaffPinGate::Outcome::kAccepted);
    CHECK(gate.tries_left() == 5);
}

TEST_CASE("a right PIN resets the count of wrong ones") {
    FakeClock clock;
    StaffPinGate gate(clock.fn(), *hash_staff_pin("2468", kFast), 5, 5min);
    for (int i = 0; i < 4; ++i) CHECK(gate.check("0000") == StaffPinGate::Outcome::kRefused);
    CHECK(gate.check("2468") == StaffPinGate::Outcome::kAccepted);
    for (int i = 0; i < 4; ++i) CHECK(gate.check("0000") == StaffPinGate::Outcome::kRefused);
    CHECK_FALSE(gate.locked());
}

TEST_CASE("a gate with a malformed hash opens for nothing") {
    FakeClock clock;
    StaffPinGate gate(clock.fn(), "2468", 5, 5min);
    CHECK(gate.check("2468") == StaffPinGate::Outcome::kRefused);
}
