// SPDX-License-Identifier: Apache-2.0
// Validation reports every problem, each on its field, without echoing values.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "domain/validation.hpp"
#include "support/manual_clock.hpp"

using namespace selfcare::domain;
using namespace std::chrono_literals;
using selfcare::test::test_epoch;

namespace {

std::set<std::string> fields_of(const Error& e) {
    std::set<std::string> out;
    for (const auto& f : e.fields) out.insert(f.field);
    return out;
}

TicketDraft good_draft() {
    TicketDraft d;
    d.category = TicketCategory::kNetwork;
    d.subcategory = "broadbandDown";
    d.severity = Severity::kMajor;
    d.description = "家里宽带从昨晚开始断网，光猫 LOS 灯红色闪烁";
    d.contact = "+86 138-0013-8000";
    d.address = Address{"幸福路 12 号 3 单元 501", AreaType::kUrban};
    d.appointment = Appointment{test_epoch() + 24h, test_epoch() + 27h};
    return d;
}

}  // namespace

TEST_CASE("mobile numbers normalise to 11 digits") {
    CHECK(normalize_msisdn("13800138000").value() == "13800138000");
    CHECK(normalize_msisdn("+86 138 0013 8000").value() == "13800138000");
    CHECK(normalize_msisdn("8613800138000").value() == "13800138000");
    CHECK(normalize_msisdn("008613800138000").value() == "13800138000");
    CHECK(normalize_msisdn("199-0000-0000").value() == "19900000000");
    for (const char* bad : {"12800138000", "1380013800", "138001380001", "+4413800138000",
                            "1380013800x", "+", "+13800138000", "０13800138000"}) {
        CAPTURE(bad);
        const auto r = normalize_msisdn(bad, "contact");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().field == "contact");
        CHECK(r.error().id == "validation.msisdn_format");
        CHECK(r.error().message.find(bad) == std::string::npos);
    }
    CHECK(normalize_msisdn("  ").error().id == "validation.required");
}

TEST_CASE("a good ticket passes with its contact normalised") {
    const auto r = validate_ticket_draft(good_draft(), test_epoch());
    REQUIRE(r.ok());
    CHECK(r->contact == "13800138000");
}

TEST_CASE("a bad ticket reports every field at once") {
    TicketDraft d = good_draft();
    d.subcategory = "billingDispute";  // a business sub-category on a network ticket
    d.description = "断网";
    d.contact = "12345";
    d.diagnostics = Diagnostics{-20, std::string(40, '1'), NetworkType::k5G};
    d.appointment = Appointment{test_epoch() - 1h, test_epoch() - 30min};
    const auto r = validate_ticket_draft(d, test_epoch());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kInvalidArgument);
    CHECK(fields_of(r.error()) ==
          std::set<std::string>{"subcategory", "description", "contact", "diagnostics.signalDbm",
                                "diagnostics.cellId", "appointment.start", "appointment.end"});
    CHECK(r.error().field == "subcategory");  // the first problem leads
}

TEST_CASE("broadband faults need an address; others do not") {
    TicketDraft d = good_draft();
    d.address.reset();
    auto r = validate_ticket_draft(d, test_epoch());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().field == "address");
    d.subcategory = "slowData";
    CHECK(validate_ticket_draft(d, test_epoch()).ok());
}

TEST_CASE("appointment windows: future, ordered, at least an hour, within 30 days") {
    TicketDraft d = good_draft();
    d.appointment = Appointment{test_epoch() + 1h, test_epoch() + 90min};
    CHECK(validate_ticket_draft(d, test_epoch()).error().id == "appointment.window_too_short");
    d.appointment = Appointment{test_epoch() + std::chrono::days{31}, test_epoch() + std::chrono::days{32}};
    CHECK(validate_ticket_draft(d, test_epoch()).error().id == "appointment.too_far");
    d.appointment = Appointment{test_epoch() + 3h, test_epoch() + 2h};
    CHECK(validate_ticket_draft(d, test_epoch()).error().id == "appointment.end_before_start");
}

TEST_CASE("text rules count characters, refuse bad UTF-8 and control characters") {
    FieldErrors e;
    check_text(e, "note", std::string(kMaxNote, 'a'), {0, kMaxNote, false});
    CHECK(e.empty());
    std::string long_chinese;
    for (std::size_t i = 0; i < kMaxNote + 1; ++i) long_chinese += "修";
    check_text(e, "note", long_chinese, {0, kMaxNote, false});
    check_text(e, "name", "a\x01", {1, 10, false});
    check_text(e, "name2", "\xff\xfe", {1, 10, false});
    check_text(e, "desc", "line one\nline two", {1, 100, true});
    check_text(e, "title", "line one\nline two", {1, 100, false});
    REQUIRE(e.size() == 4);
    CHECK(e[0].id == "validation.too_long");
    CHECK(e[1].id == "validation.control_chars");
    CHECK(e[2].id == "validation.utf8");
    CHECK(e[3].field == "title");
}

TEST_CASE("ratings are 1 to 5") {
    CHECK(validate_rating({5, "师傅很专业"}).ok());
    CHECK(validate_rating({0, ""}).error().field == "score");
    CHECK(validate_rating({6, ""}).error().id == "validation.out_of_range");
}

TEST_CASE("money for prices must not be negative") {
    FieldErrors e;
    check_non_negative(e, "price", Money{0});
    CHECK(e.empty());
    check_non_negative(e, "price", Money{-1});
    REQUIRE(e.size() == 1);
    CHECK(e[0].id == "validation.negative_amount");
}
