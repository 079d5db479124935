// SPDX-License-Identifier: Apache-2.0
// Product: a plan or add-on pack from the catalogue (TMF620 product offering, simplified).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/allowance.hpp"
#include "domain/enum_names.hpp"
#include "domain/money.hpp"

namespace selfcare::domain {

/// A base plan (套餐) or an add-on pack (data pack, gaming accelerator, cloud storage).
enum class ProductKind { kPlan, kAddon };

template <>
struct EnumNames<ProductKind> {
    static constexpr std::array<std::pair<ProductKind, std::string_view>, 2> names{{
        {ProductKind::kPlan, "plan"},
        {ProductKind::kAddon, "addon"},
    }};
};

/// A catalogue entry. Eligibility itself is decided by the server when it quotes; the notes are
/// for display only.
struct Product {
    std::string id;
    std::string name;
    ProductKind kind = ProductKind::kPlan;
    Money monthly_fee;
    std::vector<Allowance> allowances;
    std::string description;
    std::string eligibility_notes;
};

}  // namespace selfcare::domain
