// SPDX-License-Identifier: Apache-2.0
// Bill and usage record: the monthly bill (账单) and itemised usage (详单) of the query flow.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/allowance.hpp"
#include "domain/clock.hpp"
#include "domain/money.hpp"

namespace selfcare::domain {

/// One line of a bill ("monthly fee", "data overuse").
struct BillItem {
    std::string name;
    Money amount;
};

/// A monthly bill.
struct Bill {
    std::string month;  ///< billing month, "YYYY-MM"
    Money amount_due;
    std::vector<BillItem> items;
};

/// One itemised usage event.
struct UsageRecord {
    Instant at;
    AllowanceKind kind = AllowanceKind::kVoice;
    std::string counterpart;  ///< the other party, already masked ("138****8000"); empty for data
    std::int64_t quantity = 0;  ///< KB for data, seconds for voice, messages for sms
    Money charge;
};

}  // namespace selfcare::domain
