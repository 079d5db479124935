// SPDX-License-Identifier: Apache-2.0
// Which of two copies of a ticket or work order is older (flows/cache_revision.hpp).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "flows/cache_revision.hpp"

using nlohmann::json;
using selfcare::flows::older_than;

TEST_CASE("a copy with a lower revision than the cached one is older") {
    CHECK(older_than(json{{"revision", 4}, {"state", "enRoute"}}, json{{"revision", 5}, {"state", "onSite"}}));
    CHECK_FALSE(older_than(json{{"revision", 5}}, json{{"revision", 5}}));  // as new: the later fetch wins
    CHECK_FALSE(older_than(json{{"revision", 6}}, json{{"revision", 5}}));
}

TEST_CASE("a copy without a revision is never older, nor is one over a copy without") {
    // Offline records made on the device, and answers from a server that does not count.
    CHECK_FALSE(older_than(json{{"state", "acknowledged"}}, json{{"revision", 5}}));
    CHECK_FALSE(older_than(json{{"revision", 1}}, json{{"id", "TT-LOCAL-1"}}));
    CHECK_FALSE(older_than(json{{"revision", "1"}}, json{{"revision", 5}}));  // not a number
    CHECK_FALSE(older_than(json{{"revision", 1}}, json::parse("not json", nullptr, false)));
}
