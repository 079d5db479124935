// SPDX-License-Identifier: Apache-2.0
// Result<T>: a value or an Error. A small stand-in for std::expected (C++23), which this
// toolchain does not offer in C++20 mode.
#pragma once

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

#include "domain/error.hpp"

namespace selfcare::domain {

/// Holds either a T or an Error. Accessing the wrong alternative is a bug (asserted).
/// Thread-safety: like any value type; distinct objects may be used from distinct threads.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
    Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok() && "value() on an error Result"); return std::get<0>(v_); }
    const T& value() const& { assert(ok() && "value() on an error Result"); return std::get<0>(v_); }
    T&& value() && { assert(ok() && "value() on an error Result"); return std::get<0>(std::move(v_)); }
    const Error& error() const { assert(!ok() && "error() on an ok Result"); return std::get<1>(v_); }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

private:
    std::variant<T, Error> v_;
};

/// Result of an operation that returns nothing on success.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design

    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const Error& error() const { assert(!ok_ && "error() on an ok Result"); return error_; }

private:
    Error error_;
    bool ok_ = true;
};

/// Success value for Result<void>.
inline Result<void> success() { return {}; }

}  // namespace selfcare::domain
