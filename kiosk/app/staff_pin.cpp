// SPDX-License-Identifier: Apache-2.0
#include "app/staff_pin.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace selfcare::kiosk {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kSaltBytes = 16;
constexpr int kMinIterations = 1000;
constexpr int kMaxIterations = 10000000;

std::string to_hex(const unsigned char* data, std::size_t n) {
    static const char* const kDigits = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(kDigits[data[i] >> 4]);
        out.push_back(kDigits[data[i] & 0xF]);
    }
    return out;
}

std::optional<std::vector<unsigned char>> from_hex(std::string_view hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    std::vector<unsigned char> out(hex.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        unsigned v = 0;
        const auto r = std::from_chars(hex.data() + 2 * i, hex.data() + 2 * i + 2, v, 16);
        if (r.ec != std::errc() || r.ptr != hex.data() + 2 * i + 2) return std::nullopt;
        out[i] = static_cast<unsigned char>(v);
    }
    return out;
}

struct Parsed {
    int iterations = 0;
    std::vector<unsigned char> salt;
    std::vector<unsigned char> key;
};

std::optional<Parsed> parse(std::string_view stored) {
    std::vector<std::string_view> parts;
    while (true) {
        const auto d = stored.find('$');
        parts.push_back(stored.substr(0, d));
        if (d == std::string_view::npos) break;
        stored.remove_prefix(d + 1);
    }
    if (parts.size() != 4 || parts[0] != kScheme) return std::nullopt;
    Parsed p;
    const auto r = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), p.iterations);
    if (r.ec != std::errc() || r.ptr != parts[1].data() + parts[1].size()) return std::nullopt;
    if (p.iterations < kMinIterations || p.iterations > kMaxIterations) return std::nullopt;
    auto salt = from_hex(parts[2]);
    auto key = from_hex(parts[3]);
    if (!salt || salt->size() < 8 || !key || key->size() != kKeyBytes) return std::nullopt;
    p.salt = std::move(*salt);
    p.key = std::move(*key);
    return p;
}

bool derive(std::string_view pin, const unsigned char* salt, std::size_t salt_len, int iterations, unsigned char* out) {
    return PKCS5_PBKDF2_HMAC(pin.data(), static_cast<int>(pin.size()), salt, static_cast<int>(salt_len), iterations, EVP_sha256(),
                             static_cast<int>(kKeyBytes), out) == 1;
}

}  // namespace

bool valid_staff_pin(std::string_view pin) {
    return pin.size() >= 4 && pin.size() <= 8 && std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::string> hash_staff_pin_with_salt(std::string_view pin, std::string_view salt, int iterations) {
    if (!valid_staff_pin(pin) || salt.size() < 8 || iterations < kMinIterations || iterations > kMaxIterations) return std::nullopt;
    const auto* s = reinterpret_cast<const unsigned char*>(salt.data());
    unsigned char key[kKeyBytes];
    if (!derive(pin, s, salt.size(), iterations, key)) return std::nullopt;
    std::string out = std::string(kScheme) + "$" + std::to_string(iterations) + "$" + to_hex(s, salt.size()) + "$" + to_hex(key, kKeyBytes);
    OPENSSL_cleanse(key, sizeof key);
    return out;
}

std::optional<std::string> hash_staff_pin(std::string_view pin, int iterations) {
    unsigned char salt[kSaltBytes];
    if (RAND_bytes(salt, sizeof salt) != 1) return std::nullopt;
    return hash_staff_pin_with_salt(pin, std::string_view(reinterpret_cast<const char*>(salt), sizeof salt), iterations);
}

bool valid_staff_pin_hash(std::string_view stored) { return parse(stored).has_value(); }

bool verify_staff_pin(std::string_view pin, std::string_view stored) {
    const auto p = parse(stored);
    if (!p) return false;
    unsigned char key[kKeyBytes];
    // A PIN the keypad cannot type is still derived, so a wrong length takes no less time.
    const bool derived = derive(pin, p->salt.data(), p->salt.size(), p->iterations, key);
    const bool same = derived && CRYPTO_memcmp(key, p->key.data(), kKeyBytes) == 0;
    OPENSSL_cleanse(key, sizeof key);
    return same && valid_staff_pin(pin);
}

StaffPinGate::StaffPinGate(Clock now, std::string stored_hash, int max_failures, std::chrono::seconds lockout)
    : now_(std::move(now)), stored_(std::move(stored_hash)), max_failures_(std::max(1, max_failures)), lockout_(lockout) {}

bool StaffPinGate::locked() const { return locked_until_.has_value() && now_() < *locked_until_; }

std::chrono::seconds StaffPinGate::lockout_left() const {
    if (!locked()) return std::chrono::seconds(0);
    return std::chrono::ceil<std::chrono::seconds>(*locked_until_ - now_());
}

StaffPinGate::Outcome StaffPinGate::check(std::string_view pin) {
    if (locked()) return Outcome::kLocked;
    if (locked_until_) {
        // The lockout has run out: a fresh set of tries.
        locked_until_.reset();
        failures_ = 0;
    }
    if (verify_staff_pin(pin, stored_)) {
        failures_ = 0;
        return Outcome::kAccepted;
    }
    if (++failures_ >= max_failures_) locked_until_ = now_() + lockout_;
    return Outcome::kRefused;
}

}  // namespace selfcare::kiosk
