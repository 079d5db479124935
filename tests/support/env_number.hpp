// SPDX-License-Identifier: Apache-2.0
// The knobs of the long-running tests (iteration counts, seeds) come from the environment, so a
// run can go further locally than CI's defaults: SC_CORRUPTION_ITERATIONS=20000 and the like.
#pragma once

#include <cstdlib>

namespace selfcare::test {

/// The integer in environment variable `name`, or `fallback` when it is unset or empty.
inline long env_number(const char* name, long fallback) {
    const char* v = std::getenv(name);
    return v != nullptr && *v != '\0' ? std::strtol(v, nullptr, 10) : fallback;
}

}  // namespace selfcare::test
