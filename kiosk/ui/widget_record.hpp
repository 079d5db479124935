// SPDX-License-Identifier: Apache-2.0
// What a frame drew, widget by widget: scripts find what to tap here, and tests check sizes
// (elder mode: every target >= 15 mm, every text >= 48 px) on what was really on screen.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace selfcare::kiosk {

struct WidgetRecord {
    std::string key;    ///< the catalog key or a stable id (e.g. "ticket:TT-1"); empty for plain text
    std::string label;  ///< the text shown on it
    float x = 0, y = 0, w = 0, h = 0;
    bool interactive = false;
    float font_px = 0;  ///< the pixel size its text was drawn at
};

/// The frame's widgets as JSON: {"screen": id, "widgets": [{key,label,x,y,w,h,interactive,font_px}]}.
nlohmann::json to_json(const std::string& screen, const std::vector<WidgetRecord>& widgets);

}  // namespace selfcare::kiosk
