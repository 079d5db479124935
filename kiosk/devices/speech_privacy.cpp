// SPDX-License-Identifier: Apache-2.0
// The privacy rule shared by every speech engine (kiosk.md, "Session and privacy").
#include "devices/speech.hpp"

namespace selfcare::kiosk::devices {

Result<void> check_privacy(const Utterance& utterance, bool headset_present) {
    if (utterance.privacy == Privacy::kPersonal && !headset_present) {
        return fail("speech.personal_needs_headset",
                    "personal data is spoken only with a headset or on the customer's request");
    }
    return success();
}

}  // namespace selfcare::kiosk::devices
