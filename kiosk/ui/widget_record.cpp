// SPDX-License-Identifier: Apache-2.0
#include "ui/widget_record.hpp"

namespace selfcare::kiosk {

nlohmann::json to_json(const std::string& screen, const std::vector<WidgetRecord>& widgets) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& w : widgets) {
        list.push_back({{"key", w.key}, {"label", w.label}, {"x", w.x}, {"y", w.y}, {"w", w.w}, {"h", w.h},
                        {"interactive", w.interactive}, {"font_px", w.font_px}});
    }
    return {{"screen", screen}, {"widgets", std::move(list)}};
}

}  // namespace selfcare::kiosk
