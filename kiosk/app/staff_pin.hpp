// SPDX-License-Identifier: Apache-2.0
// The staff screen's PIN: kept only as a salted PBKDF2-HMAC-SHA256 hash (the kiosk config holds
// no PIN in clear), checked in constant time, and locked for a while after five wrong tries so a
// passer-by cannot guess it on the touch screen. No window, no I/O but the random salt; the clock
// is injected so the lockout can be tested (and moved by the app's script clock).
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace selfcare::kiosk {

/// The stored form: "pbkdf2-sha256$<iterations>$<salt, hex>$<derived key, hex>".
inline constexpr int kStaffPinIterations = 100000;

/// True for 4 to 8 ASCII digits, the PINs the staff keypad can type.
bool valid_staff_pin(std::string_view pin);

/// Hashes `pin` with a fresh random 16-byte salt (OpenSSL's RAND_bytes). Returns nullopt when
/// the PIN is not valid_staff_pin() or the random generator fails. Thread-safe.
std::optional<std::string> hash_staff_pin(std::string_view pin, int iterations = kStaffPinIterations);

/// The same with a given salt (raw bytes): for the built-in demo hash and for tests.
std::optional<std::string> hash_staff_pin_with_salt(std::string_view pin, std::string_view salt, int iterations);

/// True when `stored` has the stored form above with 1000..10,000,000 iterations, a salt of at
/// least 8 bytes and a 32-byte key. The config loader refuses anything else.
bool valid_staff_pin_hash(std::string_view stored);

/// True when `pin` matches `stored`; the comparison of the derived keys takes the same time
/// wherever they differ (CRYPTO_memcmp). False for a malformed `stored`. Thread-safe.
bool verify_staff_pin(std::string_view pin, std::string_view stored);

/// The PIN entry's rule: a check against the stored hash, and after `max_failures` wrong PINs in
/// a row, every try is refused (not even checked) until `lockout` has passed on `now`. A right
/// PIN resets the count. UI thread only.
class StaffPinGate {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    StaffPinGate(Clock now, std::string stored_hash, int max_failures = 5,
                 std::chrono::seconds lockout = std::chrono::minutes(5));

    enum class Outcome { kAccepted, kRefused, kLocked };
    /// Checks one try. kLocked while locked out (the try is not counted or checked).
    Outcome check(std::string_view pin);

    /// True while tries are refused outright.
    bool locked() const;
    /// How long the lockout still lasts (zero when not locked).
    std::chrono::seconds lockout_left() const;
    /// Wrong tries left before the lockout.
    int tries_left() const { return max_failures_ - failures_; }

private:
    Clock now_;
    std::string stored_;
    int max_failures_;
    std::chrono::seconds lockout_;
    int failures_ = 0;
    std::optional<std::chrono::steady_clock::time_point> locked_until_;
};

}  // namespace selfcare::kiosk
