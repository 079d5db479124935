// SPDX-License-Identifier: Apache-2.0
// Result<T> for the kiosk's devices: a value or a DeviceError. The kiosk's own small type, so
// devices never depend on the SDK (the kiosk reaches the SDK only through selfcare.hpp).
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace selfcare::kiosk::devices {

/// What went wrong with a device. `id` is stable and doubles as the i18n key of the text the
/// customer sees ("printer.paper_out"); `detail` is English for the staff screen and logs and
/// never holds personal data (no names, ID numbers, phone numbers, receipt contents).
struct DeviceError {
    std::string id;
    std::string detail;
};

/// Holds either a T or a DeviceError. Reading the wrong alternative is a bug (asserted).
/// Thread-safety: a plain value; distinct objects may be used from distinct threads.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
    Result(DeviceError error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok() && "value() on an error Result"); return std::get<0>(v_); }
    const T& value() const& { assert(ok() && "value() on an error Result"); return std::get<0>(v_); }
    T&& value() && { assert(ok() && "value() on an error Result"); return std::get<0>(std::move(v_)); }
    const DeviceError& error() const { assert(!ok() && "error() on an ok Result"); return std::get<1>(v_); }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

private:
    std::variant<T, DeviceError> v_;
};

/// Result of an operation that returns nothing on success.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(DeviceError error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design

    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const DeviceError& error() const { assert(!ok_ && "error() on an ok Result"); return error_; }

private:
    DeviceError error_;
    bool ok_ = true;
};

/// Success value for Result<void>.
inline Result<void> success() { return {}; }

/// Shorthand for building an error: `return fail("printer.offline", "open: No such device")`.
inline DeviceError fail(std::string id, std::string detail = {}) {
    return DeviceError{std::move(id), std::move(detail)};
}

}  // namespace selfcare::kiosk::devices
