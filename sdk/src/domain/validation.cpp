// SPDX-License-Identifier: Apache-2.0
#include "domain/validation.hpp"

#include <string>

#include "domain/utf8.hpp"

namespace selfcare::domain {
namespace {

void add(FieldErrors& errors, std::string_view field, std::string id, std::string rule) {
    errors.push_back(FieldError{std::string(field), std::move(id),
                                std::string(field) + " " + std::move(rule)});
}

Result<void> finish(FieldErrors errors) {
    if (errors.empty()) return success();
    return invalid_argument(std::move(errors));
}

}  // namespace

Result<std::string> normalize_msisdn(std::string_view text, std::string_view field) {
    std::string digits;
    bool plus = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '-') continue;
        if (c == '+' && digits.empty() && !plus) {
            plus = true;
            continue;
        }
        digits += c;
    }
    FieldErrors errors;
    if (digits.empty() && !plus) {
        add(errors, field, "validation.required", "is required");
        return invalid_argument(std::move(errors));
    }
    if (digits.size() == 15 && digits.starts_with("0086") && !plus) {
        digits.erase(0, 4);
    } else if (digits.size() == 13 && digits.starts_with("86")) {
        digits.erase(0, 2);
    } else if (plus) {
        digits.clear();  // a '+' must be followed by the country code 86
    }
    bool ok = digits.size() == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
    for (char c : digits) ok = ok && c >= '0' && c <= '9';
    if (!ok) {
        add(errors, field, "validation.msisdn_format",
            "must be a mainland mobile number of 11 digits starting 13-19");
        return invalid_argument(std::move(errors));
    }
    return digits;
}

void check_text(FieldErrors& errors, std::string_view field, std::string_view text, TextRule rule) {
    if (text.empty()) {
        if (rule.min_code_points > 0) add(errors, field, "validation.required", "is required");
        return;
    }
    const auto length = utf8_length(text);
    if (!length) {
        add(errors, field, "validation.utf8", "is not valid UTF-8");
        return;
    }
    if (has_control_chars(text, rule.multi_line)) {
        add(errors, field, "validation.control_chars", "contains control characters");
    }
    if (*length < rule.min_code_points) {
        add(errors, field, "validation.too_short",
            "must have at least " + std::to_string(rule.min_code_points) + " characters");
    } else if (*length > rule.max_code_points) {
        add(errors, field, "validation.too_long",
            "must have at most " + std::to_string(rule.max_code_points) + " characters");
    }
}

void check_non_negative(FieldErrors& errors, std::string_view field, Money amount) {
    if (amount.fen < 0) add(errors, field, "validation.negative_amount", "must not be negative");
}

Result<TicketDraft> validate_ticket_draft(const TicketDraft& draft, Instant now) {
    FieldErrors errors;
    TicketDraft out = draft;

    const Subcategory* sub = find_subcategory(draft.subcategory);
    if (draft.subcategory.empty()) {
        add(errors, "subcategory", "validation.required", "is required");
    } else if (sub == nullptr || sub->category != draft.category) {
        add(errors, "subcategory", "ticket.subcategory_mismatch",
            "is not a sub-category of category " + std::string(to_string(draft.category)));
    }
    check_text(errors, "description", draft.description, {5, kMaxDescription, true});

    auto contact = normalize_msisdn(draft.contact, "contact");
    if (contact) {
        out.contact = std::move(contact).value();
    } else {
        errors.insert(errors.end(), contact.error().fields.begin(), contact.error().fields.end());
    }

    if (draft.address) {
        check_text(errors, "address.text", draft.address->text, {1, kMaxAddress, false});
    } else if (sub != nullptr && sub->needs_address) {
        add(errors, "address", "validation.required", "is required for this sub-category");
    }

    if (draft.diagnostics) {
        const Diagnostics& d = *draft.diagnostics;
        if (d.signal_dbm < -140 || d.signal_dbm > -40) {
            add(errors, "diagnostics.signalDbm", "validation.out_of_range",
                "must be between -140 and -40");
        }
        check_text(errors, "diagnostics.cellId", d.cell_id, {0, 32, false});
    }

    if (draft.appointment) {
        const Appointment& a = *draft.appointment;
        if (a.start < now) {
            add(errors, "appointment.start", "appointment.in_past", "must not be in the past");
        } else if (a.start > now + kMaxAppointmentAhead) {
            add(errors, "appointment.start", "appointment.too_far",
                "must be within 30 days from now");
        }
        if (a.end <= a.start) {
            add(errors, "appointment.end", "appointment.end_before_start",
                "must be after appointment.start");
        } else if (a.end - a.start < kMinAppointmentWindow) {
            add(errors, "appointment.end", "appointment.window_too_short",
                "must be at least one hour after appointment.start");
        }
    }

    if (!errors.empty()) return invalid_argument(std::move(errors));
    return out;
}

Result<void> validate_rating(const Rating& rating) {
    FieldErrors errors;
    if (rating.score < 1 || rating.score > 5) {
        add(errors, "score", "validation.out_of_range", "must be between 1 and 5");
    }
    check_text(errors, "comment", rating.comment, {0, kMaxComment, true});
    return finish(std::move(errors));
}

Result<void> validate_work_order_update(const WorkOrderUpdate& update, Instant now) {
    FieldErrors errors;
    if (update.location) {
        const GeoPoint& p = *update.location;
        // Written as negated ranges so NaN fails too.
        if (!(p.latitude >= -90.0 && p.latitude <= 90.0)) {
            add(errors, "location.latitude", "validation.out_of_range",
                "must be between -90 and 90");
        }
        if (!(p.longitude >= -180.0 && p.longitude <= 180.0)) {
            add(errors, "location.longitude", "validation.out_of_range",
                "must be between -180 and 180");
        }
    }
    if (update.to == WorkOrderStatus::kEnRoute) {
        if (!update.location) add(errors, "location", "validation.required", "is required for enRoute");
        if (!update.eta) {
            add(errors, "eta", "validation.required", "is required for enRoute");
        } else if (*update.eta < now) {
            add(errors, "eta", "workorder.eta_in_past", "must not be in the past");
        }
    }
    const std::size_t min_note = update.to == WorkOrderStatus::kUnableToComplete ? 1 : 0;
    check_text(errors, "note", update.note, {min_note, kMaxNote, true});
    return finish(std::move(errors));
}

}  // namespace selfcare::domain
