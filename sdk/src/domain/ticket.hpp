// SPDX-License-Identifier: Apache-2.0
// Ticket: a fault report or complaint (故障申报/投诉) as domain.md describes it, with the
// timeline that cures the "black box" problem. Holds personal data (contact, address): never log.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/clock.hpp"
#include "domain/enum_names.hpp"
#include "domain/ticket_lifecycle.hpp"

namespace selfcare::domain {

/// Complaint class from the operator's complaint process.
enum class TicketCategory {
    kBusiness,  ///< 业务投诉: billing dispute, plan not as sold, order problem
    kService,   ///< 服务投诉: staff attitude, slow response, after-sales
    kNetwork,   ///< 网络投诉: no signal, slow data, broadband down, coverage
};

template <>
struct EnumNames<TicketCategory> {
    static constexpr std::array<std::pair<TicketCategory, std::string_view>, 3> names{{
        {TicketCategory::kBusiness, "business"},
        {TicketCategory::kService, "service"},
        {TicketCategory::kNetwork, "network"},
    }};
};

/// One sub-category: its wire id, the category it belongs to, and whether the fault is at a
/// fixed address (so the ticket must carry a service address).
struct Subcategory {
    std::string_view id;
    TicketCategory category;
    bool needs_address;
};

/// Every sub-category the product knows, grouped by category.
inline constexpr std::array<Subcategory, 10> kSubcategories{{
    {"billingDispute", TicketCategory::kBusiness, false},
    {"planNotAsSold", TicketCategory::kBusiness, false},
    {"orderProblem", TicketCategory::kBusiness, false},
    {"staffAttitude", TicketCategory::kService, false},
    {"slowResponse", TicketCategory::kService, false},
    {"afterSales", TicketCategory::kService, false},
    {"noSignal", TicketCategory::kNetwork, false},
    {"slowData", TicketCategory::kNetwork, false},
    {"broadbandDown", TicketCategory::kNetwork, true},
    {"coverage", TicketCategory::kNetwork, false},
}};

/// The sub-category named `id`, or nullptr when there is none. Thread-safe.
constexpr const Subcategory* find_subcategory(std::string_view id) {
    for (const auto& sub : kSubcategories) {
        if (sub.id == id) return &sub;
    }
    return nullptr;
}

/// TMF621 severity.
enum class Severity { kCritical, kMajor, kMinor };

template <>
struct EnumNames<Severity> {
    static constexpr std::array<std::pair<Severity, std::string_view>, 3> names{{
        {Severity::kCritical, "critical"},
        {Severity::kMajor, "major"},
        {Severity::kMinor, "minor"},
    }};
};

/// Where the ticket was raised.
enum class Channel { kKiosk, kApp, kHotline, kWeb, kStore };

template <>
struct EnumNames<Channel> {
    static constexpr std::array<std::pair<Channel, std::string_view>, 5> names{{
        {Channel::kKiosk, "kiosk"},
        {Channel::kApp, "app"},
        {Channel::kHotline, "hotline"},
        {Channel::kWeb, "web"},
        {Channel::kStore, "store"},
    }};
};

/// Town or countryside; decides the regulatory repair ceiling (48 h / 72 h).
enum class AreaType { kUrban, kRural };

template <>
struct EnumNames<AreaType> {
    static constexpr std::array<std::pair<AreaType, std::string_view>, 2> names{{
        {AreaType::kUrban, "urban"},
        {AreaType::kRural, "rural"},
    }};
};

/// The tier that holds a ticket: store (营业厅) → branch (分公司) → HQ (总部).
enum class Tier { kStore, kBranch, kHq };

template <>
struct EnumNames<Tier> {
    static constexpr std::array<std::pair<Tier, std::string_view>, 3> names{{
        {Tier::kStore, "store"},
        {Tier::kBranch, "branch"},
        {Tier::kHq, "hq"},
    }};
};

/// Radio access type reported by the device.
enum class NetworkType { k2G, k3G, k4G, k5G, kWifi };

template <>
struct EnumNames<NetworkType> {
    static constexpr std::array<std::pair<NetworkType, std::string_view>, 5> names{{
        {NetworkType::k2G, "2G"},
        {NetworkType::k3G, "3G"},
        {NetworkType::k4G, "4G"},
        {NetworkType::k5G, "5G"},
        {NetworkType::kWifi, "wifi"},
    }};
};

/// A service address for broadband and home faults.
struct Address {
    std::string text;  ///< free text as the customer gave it, e.g. "幸福路 12 号 3 单元 501"
    AreaType area = AreaType::kUrban;
};

/// Optional device diagnostics attached to a network fault.
struct Diagnostics {
    int signal_dbm = 0;  ///< received signal strength, -140..-40 dBm
    std::string cell_id;
    NetworkType network = NetworkType::k4G;
};

/// A window in which the customer can receive an engineer.
struct Appointment {
    Instant start;
    Instant end;
};

/// What a customer submits to open a ticket; checked by validate_ticket_draft().
struct TicketDraft {
    TicketCategory category = TicketCategory::kNetwork;
    std::string subcategory;
    Severity severity = Severity::kMinor;
    Channel channel = Channel::kKiosk;
    std::string description;
    std::string contact;  ///< a mobile number to call back
    std::optional<Address> address;
    std::optional<Diagnostics> diagnostics;
    std::optional<Appointment> appointment;
};

/// One change in a ticket's life: time, who, the status after it, and a note.
struct TicketEvent {
    Instant at;
    TicketStatus status = TicketStatus::kAcknowledged;
    std::string actor;  ///< "customer", "system", a staff or engineer id
    std::string note;
};

/// The customer's rating after resolution (回访/满意度评价).
struct Rating {
    int score = 0;  ///< 1..5
    std::string comment;
};

/// A ticket as the SDK and server hold it.
struct Ticket {
    std::string id;
    std::string msisdn;  ///< the customer who owns it
    TicketDraft draft;
    bool complex = false;  ///< set by the operator when it needs the 7-day track
    bool repeat = false;   ///< 重复投诉: same customer, same category, inside the window
    TicketStatus status = TicketStatus::kAcknowledged;
    Tier tier = Tier::kStore;
    Instant created_at;
    std::vector<TicketEvent> timeline;
    std::optional<Rating> rating;
};

}  // namespace selfcare::domain
