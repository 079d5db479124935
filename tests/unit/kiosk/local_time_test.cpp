// SPDX-License-Identifier: Apache-2.0
// What a customer reads for a time the server sent: the kiosk's own clock time, never UTC as it came.
#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <ctime>
#include <string>

#include "text/local_time.hpp"

using selfcare::kiosk::local_date_time;

namespace {

// Puts the process in a time zone for one test case and back afterwards. POSIX zone strings
// need no tzdata: "CST-8" is UTC+8 (China), "EST5" is UTC-5.
class InZone {
public:
    explicit InZone(const char* tz) {
        if (const char* old = std::getenv("TZ")) saved_ = old;
        setenv("TZ", tz, 1);
        tzset();
    }
    ~InZone() {
        if (saved_) setenv("TZ", saved_->c_str(), 1);
        else unsetenv("TZ");
        tzset();
    }
    InZone(const InZone&) = delete;
    InZone& operator=(const InZone&) = delete;

private:
    std::optional<std::string> saved_;
};

}  // namespace

TEST_CASE("a UTC time from the server is shown in the kiosk's zone") {
    InZone china("CST-8");
    CHECK(local_date_time("2026-12-08T05:12:25Z") == "2026-12-08 13:12");
    // Past midnight local time the date moves on too.
    CHECK(local_date_time("2026-12-31T20:30:00Z") == "2027-01-01 04:30");
    CHECK(local_date_time("2026-12-08T05:12:25.123Z") == "2026-12-08 13:12");
    CHECK(local_date_time("2026-12-08T05:12Z") == "2026-12-08 13:12");
}

TEST_CASE("a time with its own offset means the same instant") {
    InZone china("CST-8");
    CHECK(local_date_time("2026-12-08T13:12:25+08:00") == "2026-12-08 13:12");
    CHECK(local_date_time("2026-12-08T00:12:25-05:00") == "2026-12-08 13:12");
    InZone new_york("EST5");
    CHECK(local_date_time("2026-12-08T13:12:25+08:00") == "2026-12-08 00:12");
}

TEST_CASE("anything that is not an instant with a zone shows nothing rather than a wrong time") {
    InZone china("CST-8");
    for (const char* bad : {"", "2026-12-08", "2026-12-08T05:12:25", "2026-12-08T05:12:25+0800", "2026-13-08T05:12:25Z",
                            "2026-12-08T25:12:25Z", "2026-12-08T05:12:25Zjunk", "yesterday", "2026-1a-08T05:12:25Z",
                            "2026-12-08T05:12:25+99:00"}) {
        CAPTURE(bad);
        CHECK(local_date_time(bad) == "");
    }
}
