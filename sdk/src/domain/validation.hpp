// SPDX-License-Identifier: Apache-2.0
// Input validation shared by the SDK (before anything is stored or sent) and the server (before
// anything is accepted). Every check reports all problems at once, each naming its field, and
// never echoes the offending value (it may be personal data).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/money.hpp"
#include "domain/result.hpp"
#include "domain/ticket.hpp"
#include "domain/work_order.hpp"

namespace selfcare::domain {

/// Limits on free text, in code points.
inline constexpr std::size_t kMaxDescription = 1000;
inline constexpr std::size_t kMaxNote = 500;
inline constexpr std::size_t kMaxAddress = 200;
inline constexpr std::size_t kMaxComment = 500;
/// How far ahead an appointment may be booked, and its shortest window.
inline constexpr Duration kMaxAppointmentAhead = std::chrono::days{30};
inline constexpr Duration kMinAppointmentWindow = std::chrono::hours{1};

/// Normalises a mainland mobile number: drops spaces and '-', an optional "+86"/"0086"/"86"
/// prefix, then requires 1[3-9] followed by 9 digits. Returns the 11 digits.
/// Errors: kInvalidArgument with "validation.required" or "validation.msisdn_format" on `field`.
/// Thread-safe.
Result<std::string> normalize_msisdn(std::string_view text, std::string_view field = "msisdn");

/// Rules for one piece of free text.
struct TextRule {
    std::size_t min_code_points = 0;  ///< 0 means optional
    std::size_t max_code_points = 0;
    bool multi_line = false;  ///< allows '\n' and '\t'
};

/// Appends to `errors` what is wrong with `text` under `rule`: "validation.required",
/// "validation.utf8", "validation.control_chars", "validation.too_short", "validation.too_long".
/// Thread-safe.
void check_text(FieldErrors& errors, std::string_view field, std::string_view text, TextRule rule);

/// Appends "validation.negative_amount" when `amount` is below zero (prices, charges).
void check_non_negative(FieldErrors& errors, std::string_view field, Money amount);

/// Validates a ticket before it is stored or sent: sub-category belongs to the category,
/// description 5..1000 characters, contact is a mobile number, address present (and 1..200
/// characters) when the sub-category is at a fixed address, diagnostics in range, appointment
/// in the future, ordered, at least an hour long and at most 30 days ahead. On success returns
/// the draft with the contact normalised. Thread-safe.
Result<TicketDraft> validate_ticket_draft(const TicketDraft& draft, Instant now);

/// Validates a rating: score 1..5, comment at most 500 characters. Thread-safe.
Result<void> validate_rating(const Rating& rating);

/// Validates the fields of a work-order update on their own (not who sends it, not the
/// lifecycle): enRoute needs a location and an ETA not in the past; unableToComplete needs a
/// note saying why; coordinates in range; note at most 500 characters. Thread-safe.
Result<void> validate_work_order_update(const WorkOrderUpdate& update, Instant now);

}  // namespace selfcare::domain
