// SPDX-License-Identifier: Apache-2.0
// Wire names for domain enums: one table per enum gives to_string() and from_string<E>(), so the
// spelling used on the wire ("inProgress", "enRoute") is written down exactly once.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace selfcare::domain {

/// Specialise for each enum with `static constexpr std::array<std::pair<E, std::string_view>, N>
/// names`, listing every enumerator once, in declaration order.
template <class E>
struct EnumNames;

/// An enum whose wire names are known.
template <class E>
concept NamedEnum = std::is_enum_v<E> && requires { EnumNames<E>::names; };

/// Number of enumerators of E.
template <NamedEnum E>
constexpr std::size_t enum_count() {
    return EnumNames<E>::names.size();
}

/// The wire name of `value`, e.g. "inProgress". Returns "" for a value outside the table (a bug).
/// Thread-safe.
template <NamedEnum E>
constexpr std::string_view to_string(E value) {
    for (const auto& [e, name] : EnumNames<E>::names) {
        if (e == value) return name;
    }
    return {};
}

/// Parses a wire name, case-sensitively; std::nullopt when `text` is not a name of E.
/// Thread-safe.
template <NamedEnum E>
constexpr std::optional<E> from_string(std::string_view text) {
    for (const auto& [e, name] : EnumNames<E>::names) {
        if (name == text) return e;
    }
    return std::nullopt;
}

/// Every enumerator of E, in declaration order (for exhaustive tests and printed tables).
template <NamedEnum E>
constexpr std::array<E, enum_count<E>()> all_values() {
    std::array<E, enum_count<E>()> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = EnumNames<E>::names[i].first;
    return out;
}

}  // namespace selfcare::domain
