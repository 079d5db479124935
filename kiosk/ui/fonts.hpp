// SPDX-License-Identifier: Apache-2.0
// The kiosk's fonts: a CJK sans from the system (Noto Sans CJK SC, TC for zh-TW) found through
// fontconfig, baked by ImGui 1.86 into one atlas with one font per pixel size the theme uses.
// ImGui bakes glyphs up front, so the atlas holds exactly the glyphs of a GlyphSet; text from the
// server with new characters grows the set, and the atlas is rebuilt between frames.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ui/glyph_set.hpp"

struct ImFont;

namespace selfcare::kiosk {

class Fonts {
public:
    /// Finds the font for `locale` through fontconfig. Returns false and sets `error` when no
    /// font with Chinese characters is installed (Debian: fonts-noto-cjk).
    bool locate(std::string_view locale, std::string* error);

    /// The located font's Latin capital height as a share of its Dear ImGui size (ascent to
    /// descent, which is what ImGui's pixel size spans): 0.506 for Noto Sans CJK. Read from the
    /// font by locate(); 0 when it could not be read. The themes' text sizes are grown by
    /// text_scale_for() of it, so letters keep the physical size kiosk.md asks for.
    double cap_height_ratio() const { return cap_ratio_; }

    /// Sets what the next build() bakes: these pixel sizes and these characters.
    void configure(std::vector<float> sizes, GlyphSet glyphs);
    /// Notes the characters of `utf8` the atlas lacks (cheap when all are there). UI thread.
    void require(std::string_view utf8);
    /// True when require() found new characters or configure() changed something.
    bool stale() const { return stale_; }

    /// Bakes the atlas into ImGui's io.Fonts and (re)creates its GL texture. Call between frames
    /// with a current GL context. Returns false and sets `error` if the atlas would exceed
    /// 4096×4096 or the font cannot be read.
    bool build(std::string* error);

    /// The font baked at `px` (the nearest size at or below, else the smallest).
    ImFont* at(float px) const;

    int atlas_width() const { return atlas_w_; }
    int atlas_height() const { return atlas_h_; }
    std::size_t glyph_count() const { return glyphs_.size(); }

private:
    std::string file_;
    int index_ = 0;
    double cap_ratio_ = 0;
    std::vector<char> data_;  // the font file, read once and shared by every size
    std::vector<float> sizes_;
    GlyphSet glyphs_;
    std::vector<std::uint16_t> ranges_;  // kept alive while the atlas refers to it
    std::map<float, ImFont*> fonts_;
    bool stale_ = true;
    int atlas_w_ = 0;
    int atlas_h_ = 0;
};

}  // namespace selfcare::kiosk
