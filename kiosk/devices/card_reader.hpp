// SPDX-License-Identifier: Apache-2.0
// Card reader: the second-generation resident ID card, one way to identify at the kiosk
// (besides phone + SMS code). platform/default has a simulated reader fed from a file.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "devices/result.hpp"

namespace selfcare::kiosk::devices {

/// What may be shown on screen of a card: "张*明", "110***********1234". Still personal data:
/// shown, never logged, never spoken over the speaker.
struct MaskedIdCard {
    std::string name;
    std::string id_number;
};

/// The holder's data read from an ID card. Personal data: kept only for the session, never
/// logged (no operator<<, no to_string), and its bytes are overwritten when it is destroyed.
/// A plain value otherwise: copyable, movable, thread-compatible.
class IdCard {
public:
    /// `id_number` is the 18-character GB 11643 number (upper-case X); `valid_until` is the
    /// last day of validity, or nullopt for a card valid for life (长期).
    IdCard(std::string name, std::string id_number,
           std::optional<std::chrono::year_month_day> valid_until);
    IdCard(const IdCard&) = default;
    IdCard(IdCard&&) noexcept;
    IdCard& operator=(const IdCard&) = default;
    IdCard& operator=(IdCard&&) noexcept;
    ~IdCard();

    const std::string& name() const { return name_; }
    const std::string& id_number() const { return id_number_; }
    const std::optional<std::chrono::year_month_day>& valid_until() const { return valid_until_; }

    /// The on-screen view: surname kept (and the last character of names of three or more
    /// characters), the number's first 3 and last 4 characters kept; the rest are '*'.
    MaskedIdCard masked() const;

private:
    std::string name_;
    std::string id_number_;
    std::optional<std::chrono::year_month_day> valid_until_;
};

/// An ID-card reader owned by the kiosk. The kiosk polls it (every half second or so) while
/// the identify screen is open, from a worker thread or its loop: poll() never waits for a card.
/// Thread-safe.
class CardReader {
public:
    virtual ~CardReader() = default;

    /// Looks once. Ok(nullopt): no card in the reader. Ok(card): a valid card is there.
    /// Errors: "card.unreadable" (a card is there but its data is damaged or its ID number
    /// fails the GB 11643 check), "card.expired" (past its validity date),
    /// "card.reader_offline" (the reader itself cannot be reached).
    virtual Result<std::optional<IdCard>> poll() = 0;
};

}  // namespace selfcare::kiosk::devices
