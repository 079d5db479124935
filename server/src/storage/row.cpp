// SPDX-License-Identifier: Apache-2.0
#include <charconv>

#include "storage/database.hpp"

namespace selfcare::server {

const std::string& Row::text(std::size_t i) const {
    static const std::string kEmpty;
    const auto& c = cols.at(i);
    return c ? *c : kEmpty;
}

std::int64_t Row::integer(std::size_t i) const {
    const auto& c = cols.at(i);
    if (!c) return 0;
    std::int64_t v = 0;
    std::from_chars(c->data(), c->data() + c->size(), v);
    return v;
}

}  // namespace selfcare::server
