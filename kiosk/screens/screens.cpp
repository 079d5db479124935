// SPDX-License-Identifier: Apache-2.0
// The list of screens: each lives in its own file and is made here.
#include "screens/screen.hpp"

namespace selfcare::kiosk {

std::unique_ptr<Screen> make_attract_screen();
std::unique_ptr<Screen> make_identify_screen();
std::unique_ptr<Screen> make_home_screen();
std::unique_ptr<Screen> make_query_screen();
std::unique_ptr<Screen> make_report_screen();
std::unique_ptr<Screen> make_track_screen();
std::unique_ptr<Screen> make_result_screen();
std::unique_ptr<Screen> make_receipt_screen();
std::unique_ptr<Screen> make_goodbye_screen();
std::unique_ptr<Screen> make_order_screen();
std::unique_ptr<Screen> make_redeem_screen();
std::unique_ptr<Screen> make_staff_screen();
std::unique_ptr<Screen> make_bill_screen();
std::unique_ptr<Screen> make_faq_screen();

std::vector<std::unique_ptr<Screen>> make_screens() {
    std::vector<std::unique_ptr<Screen>> s;
    s.push_back(make_attract_screen());
    s.push_back(make_identify_screen());
    s.push_back(make_home_screen());
    s.push_back(make_query_screen());
    s.push_back(make_report_screen());
    s.push_back(make_track_screen());
    s.push_back(make_result_screen());
    s.push_back(make_receipt_screen());
    s.push_back(make_goodbye_screen());
    s.push_back(make_order_screen());
    s.push_back(make_redeem_screen());
    s.push_back(make_staff_screen());
    s.push_back(make_bill_screen());
    s.push_back(make_faq_screen());
    return s;
}

}  // namespace selfcare::kiosk
