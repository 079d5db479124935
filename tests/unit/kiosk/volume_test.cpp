// SPDX-License-Identifier: Apache-2.0
// The volume steps and the reset rule: each session starts at the kiosk's default loudness.
#include <doctest/doctest.h>

#include "app/volume.hpp"

using selfcare::kiosk::Volume;

TEST_CASE("five steps from quiet to loud, starting at the kiosk's default") {
    Volume v(100);
    CHECK(v.step() == 3);
    CHECK(v.percent() == 100);
    CHECK(v.louder());
    CHECK(v.louder());
    CHECK(v.step() == 5);
    CHECK(v.percent() == 160);
    CHECK_FALSE(v.louder());  // already the loudest: nothing changes
    CHECK(v.step() == 5);
    for (int i = 0; i < 4; ++i) CHECK(v.quieter());
    CHECK(v.step() == 1);
    CHECK(v.percent() == 40);
    CHECK_FALSE(v.quieter());
}

TEST_CASE("the end of a session puts the volume back to the kiosk's default") {
    Volume v(70);
    CHECK(v.step() == 2);
    v.louder();
    v.louder();
    v.louder();
    CHECK(v.step() == 5);
    v.reset();
    CHECK(v.step() == 2);
    CHECK(v.percent() == 70);
}

TEST_CASE("a configured loudness between steps starts at the nearest step") {
    CHECK(Volume(0).step() == 1);
    CHECK(Volume(120).step() == 4);
    CHECK(Volume(500).step() == 5);
    CHECK(Volume(-3).step() == 1);
}
