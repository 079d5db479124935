// SPDX-License-Identifier: Apache-2.0
// A CJK font found through fontconfig and rasterised with FreeType, for drawing receipts.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "devices/locale.hpp"
#include "devices/result.hpp"

namespace selfcare::platform_default {

struct ReceiptImage;

/// A font file and the face index inside it (Noto CJK ships .ttc collections).
struct FontSource {
    std::filesystem::path file;
    int index = 0;
};

/// Asks fontconfig for a sans font that covers Chinese: Noto Sans CJK SC for zh-CN and en,
/// TC for zh-TW, bold or regular; whatever fontconfig substitutes must still have Chinese
/// characters. Error: "printer.failed" when no installed font has them.
kiosk::devices::Result<FontSource> find_cjk_font(kiosk::devices::Locale locale, bool bold);

/// One FreeType face at one pixel size. Not thread-safe: one renderer uses it at a time.
class FontFace {
public:
    /// Error: "printer.failed" when FreeType cannot load the face.
    static kiosk::devices::Result<std::unique_ptr<FontFace>> open(const FontSource& source, int pixel_size);
    ~FontFace();
    FontFace(const FontFace&) = delete;
    FontFace& operator=(const FontFace&) = delete;

    int pixel_size() const { return pixel_size_; }
    /// Pixels from the baseline up to the top of the tallest glyphs.
    int ascent() const;
    /// Advance width of `text` in pixels.
    int measure(const std::vector<char32_t>& text);
    /// Draws `text` in black with its baseline at `baseline`, starting at `x`; clipped.
    void draw(ReceiptImage& image, int x, int baseline, const std::vector<char32_t>& text);

private:
    struct Impl;
    explicit FontFace(std::unique_ptr<Impl> impl, int pixel_size);
    std::unique_ptr<Impl> impl_;
    int pixel_size_;
};

}  // namespace selfcare::platform_default
