// SPDX-License-Identifier: Apache-2.0
// IdCard: masking for the screen, and overwriting the holder's data when the value goes away
// (kiosk.md: wipe the customer's data from memory at the end of a session).
#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "devices/card_reader.hpp"

namespace selfcare::kiosk::devices {

namespace {

// Zeroes the whole buffer, capacity included, through a volatile pointer so the compiler cannot
// drop the stores as dead. Resizing to the capacity never reallocates.
void wipe(std::string& s) {
    s.resize(s.capacity());
    volatile char* p = s.data();
    for (std::size_t i = 0; i < s.size(); ++i) p[i] = 0;
    s.clear();
}

// Splits UTF-8 text into characters (code point sequences); a stray byte is its own character.
std::vector<std::string_view> characters(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t len = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3
                                                                   : (lead >> 3) == 0x1E ? 4 : 1;
        len = std::min(len, text.size() - i);
        out.push_back(text.substr(i, len));
        i += len;
    }
    return out;
}

std::string mask_name(std::string_view name) {
    const auto chars = characters(name);
    std::string out;
    if (chars.empty()) return out;
    if (chars.size() == 1) return "*";
    out += chars.front();
    const std::size_t hidden = chars.size() == 2 ? 1 : chars.size() - 2;
    out.append(hidden, '*');
    if (chars.size() > 2) out += chars.back();
    return out;
}

std::string mask_id_number(std::string_view id) {
    if (id.size() <= 7) return std::string(id.size(), '*');
    std::string out(id.substr(0, 3));
    out.append(id.size() - 7, '*');
    out += id.substr(id.size() - 4);
    return out;
}

}  // namespace

IdCard::IdCard(std::string name, std::string id_number,
               std::optional<std::chrono::year_month_day> valid_until)
    : name_(std::move(name)), id_number_(std::move(id_number)), valid_until_(valid_until) {}

IdCard::IdCard(IdCard&& other) noexcept
    : name_(std::move(other.name_)),
      id_number_(std::move(other.id_number_)),
      valid_until_(other.valid_until_) {
    // A short string lives inside the object and a move copies it, leaving its bytes behind in
    // the moved-from one: wipe that too.
    wipe(other.name_);
    wipe(other.id_number_);
}

IdCard& IdCard::operator=(IdCard&& other) noexcept {
    if (this != &other) {
        wipe(name_);
        wipe(id_number_);
        name_ = std::move(other.name_);
        id_number_ = std::move(other.id_number_);
        valid_until_ = other.valid_until_;
        wipe(other.name_);
        wipe(other.id_number_);
    }
    return *this;
}

IdCard::~IdCard() {
    wipe(name_);
    wipe(id_number_);
}

MaskedIdCard IdCard::masked() const { return {mask_name(name_), mask_id_number(id_number_)}; }

}  // namespace selfcare::kiosk::devices
