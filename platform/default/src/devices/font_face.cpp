// SPDX-License-Identifier: Apache-2.0
// fontconfig picks the file, FreeType renders 8-bit coverage that is multiplied into the page.
#include "font_face.hpp"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <string>

#include "platform_default/printer_png.hpp"

namespace selfcare::platform_default {

using kiosk::devices::fail;
using kiosk::devices::Locale;
using kiosk::devices::Result;

Result<FontSource> find_cjk_font(Locale locale, bool bold) {
    const bool traditional = locale == Locale::kZhTW;
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY,
                       reinterpret_cast<const FcChar8*>(traditional ? "Noto Sans CJK TC" : "Noto Sans CJK SC"));
    FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>(traditional ? "zh-tw" : "zh-cn"));
    FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    FcPatternDestroy(pattern);
    if (match == nullptr) return fail("printer.failed", "fontconfig found no font");

    FcChar8* file = nullptr;
    int index = 0;
    FcCharSet* charset = nullptr;
    const bool has_file = FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch;
    FcPatternGetInteger(match, FC_INDEX, 0, &index);
    // fontconfig always answers with something; make sure it can draw 票 and 號.
    const bool covers = FcPatternGetCharSet(match, FC_CHARSET, 0, &charset) == FcResultMatch &&
                        FcCharSetHasChar(charset, 0x7968) && FcCharSetHasChar(charset, 0x865F);
    FontSource source{has_file ? std::filesystem::path(reinterpret_cast<const char*>(file)) : std::filesystem::path(),
                      index};
    FcPatternDestroy(match);
    if (!has_file || !covers) return fail("printer.failed", "no installed font has Chinese characters");
    return source;
}

struct FontFace::Impl {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    ~Impl() {
        if (face != nullptr) FT_Done_Face(face);
        if (library != nullptr) FT_Done_FreeType(library);
    }
};

FontFace::FontFace(std::unique_ptr<Impl> impl, int pixel_size) : impl_(std::move(impl)), pixel_size_(pixel_size) {}
FontFace::~FontFace() = default;

Result<std::unique_ptr<FontFace>> FontFace::open(const FontSource& source, int pixel_size) {
    auto impl = std::make_unique<Impl>();
    if (FT_Init_FreeType(&impl->library) != 0) return fail("printer.failed", "FreeType did not start");
    if (FT_New_Face(impl->library, source.file.c_str(), source.index, &impl->face) != 0) {
        return fail("printer.failed", "cannot load font " + source.file.filename().string());
    }
    if (FT_Set_Pixel_Sizes(impl->face, 0, static_cast<FT_UInt>(pixel_size)) != 0) {
        return fail("printer.failed", "font has no usable size");
    }
    return std::unique_ptr<FontFace>(new FontFace(std::move(impl), pixel_size));
}

int FontFace::ascent() const { return static_cast<int>(impl_->face->size->metrics.ascender >> 6); }

int FontFace::measure(const std::vector<char32_t>& text) {
    long width = 0;
    for (char32_t cp : text) {
        if (FT_Load_Char(impl_->face, cp, FT_LOAD_DEFAULT) != 0) continue;
        width += impl_->face->glyph->advance.x >> 6;
    }
    return static_cast<int>(width);
}

void FontFace::draw(ReceiptImage& image, int x, int baseline, const std::vector<char32_t>& text) {
    for (char32_t cp : text) {
        if (FT_Load_Char(impl_->face, cp, FT_LOAD_RENDER) != 0) continue;
        const FT_GlyphSlot glyph = impl_->face->glyph;
        const FT_Bitmap& bitmap = glyph->bitmap;
        for (unsigned row = 0; row < bitmap.rows; ++row) {
            const int y = baseline - glyph->bitmap_top + static_cast<int>(row);
            if (y < 0 || y >= image.height) continue;
            for (unsigned col = 0; col < bitmap.width; ++col) {
                const int px = x + glyph->bitmap_left + static_cast<int>(col);
                if (px < 0 || px >= image.width) continue;
                const int coverage = bitmap.buffer[static_cast<long>(row) * bitmap.pitch + col];
                auto& pixel = image.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) +
                                           static_cast<std::size_t>(px)];
                pixel = static_cast<std::uint8_t>(std::min<int>(pixel, 255 - coverage));
            }
        }
        x += static_cast<int>(glyph->advance.x >> 6);
    }
}

}  // namespace selfcare::platform_default
