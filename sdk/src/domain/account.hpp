// SPDX-License-Identifier: Apache-2.0
// Account: the signed-in customer's summary as the query flow shows it (balance, plan,
// allowances left, loyalty points). Personal data: never log it in clear.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/allowance.hpp"
#include "domain/money.hpp"

namespace selfcare::domain {

/// A customer account (one mobile number).
struct Account {
    std::string msisdn;  ///< 11 digits, normalised (see normalize_msisdn)
    std::string name;
    std::string plan_id;
    std::string plan_name;
    Money balance;  ///< negative when in arrears
    std::vector<Allowance> allowances;
    std::int64_t points = 0;  ///< loyalty points
};

}  // namespace selfcare::domain
