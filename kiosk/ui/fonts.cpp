// SPDX-License-Identifier: Apache-2.0
#include "ui/fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <filesystem>
#include <fstream>

#include <imgui.h>
#include <imgui_freetype.h>
#include <imgui_impl_opengl3.h>

namespace selfcare::kiosk {
namespace {

// Capital height / (ascender - descender) of face `index` in `file`: the OS/2 table's cap height,
// else the height of "H". ImGui's FreeType builder sizes a font by ascender minus descender
// (FT_SIZE_REQUEST_TYPE_REAL_DIM), so this is how tall capitals come out at a given ImGui size.
double measure_cap_height_ratio(const std::string& file, int index) {
    FT_Library lib = nullptr;
    if (FT_Init_FreeType(&lib) != 0) return 0;
    double ratio = 0;
    FT_Face face = nullptr;
    if (FT_New_Face(lib, file.c_str(), index, &face) == 0) {
        const double box = static_cast<double>(face->ascender) - static_cast<double>(face->descender);
        double cap = 0;
        const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
        if (os2 != nullptr && os2->version >= 2 && os2->sCapHeight > 0) cap = os2->sCapHeight;
        else if (FT_Load_Char(face, 'H', FT_LOAD_NO_SCALE) == 0) cap = static_cast<double>(face->glyph->metrics.height);
        if (box > 0 && cap > 0) ratio = cap / box;
        FT_Done_Face(face);
    }
    FT_Done_FreeType(lib);
    return ratio;
}

}  // namespace

bool Fonts::locate(std::string_view locale, std::string* error) {
    const std::string family = locale == "zh-TW" ? "Noto Sans CJK TC" : "Noto Sans CJK SC";
    const std::string lang = locale == "zh-TW" ? "zh-tw" : "zh-cn";
    FcConfig* config = FcInitLoadConfigAndFonts();
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family.c_str()));
    FcLangSet* langs = FcLangSetCreate();
    FcLangSetAdd(langs, reinterpret_cast<const FcChar8*>(lang.c_str()));
    FcPatternAddLangSet(pattern, FC_LANG, langs);
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(config, pattern, &result);
    bool found = false;
    if (match != nullptr) {
        FcChar8* file = nullptr;
        int index = 0;
        FcLangSet* has = nullptr;
        const bool chinese = FcPatternGetLangSet(match, FC_LANG, 0, &has) == FcResultMatch &&
                             FcLangSetHasLang(has, reinterpret_cast<const FcChar8*>(lang.c_str())) != FcLangDifferentLang;
        if (chinese && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
            (void)FcPatternGetInteger(match, FC_INDEX, 0, &index);
            if (file_ != reinterpret_cast<const char*>(file)) data_.clear();
            file_ = reinterpret_cast<const char*>(file);
            index_ = index;
            cap_ratio_ = measure_cap_height_ratio(file_, index_);
            found = true;
        }
        FcPatternDestroy(match);
    }
    FcLangSetDestroy(langs);
    FcPatternDestroy(pattern);
    FcConfigDestroy(config);
    if (!found) *error = "no font with Chinese characters found through fontconfig (install fonts-noto-cjk)";
    stale_ = true;
    return found;
}

void Fonts::configure(std::vector<float> sizes, GlyphSet glyphs) {
    sizes_ = std::move(sizes);
    glyphs_ = std::move(glyphs);
    stale_ = true;
}

void Fonts::require(std::string_view utf8) {
    if (glyphs_.covers(utf8)) return;
    glyphs_.add(utf8);
    stale_ = true;
}

bool Fonts::build(std::string* error) {
    if (data_.empty()) {
        // One read of the whole file (about 20 MB for a CJK collection), kept for every rebuild.
        std::error_code ec;
        const auto size = std::filesystem::file_size(file_, ec);
        std::ifstream in(file_, std::ios::binary);
        if (!ec && in) {
            data_.resize(static_cast<size_t>(size));
            if (!in.read(data_.data(), static_cast<std::streamsize>(size))) data_.clear();
        }
        if (data_.empty()) {
            *error = "cannot read the font file " + file_;
            return false;
        }
    }
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    atlas->Clear();
    fonts_.clear();
    ranges_ = glyphs_.ranges();
    atlas->TexDesiredWidth = 4096;
    // FreeType rasterises the CJK glyphs several times faster than ImGui's default stb_truetype,
    // which is most of the time to the first frame.
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    for (float px : sizes_) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;
        cfg.FontNo = index_;
        cfg.OversampleH = 1;  // CJK at >= 32 px needs no sub-pixel oversampling; keeps the atlas small
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        ImFont* f = atlas->AddFontFromMemoryTTF(data_.data(), static_cast<int>(data_.size()), px, &cfg,
                                                reinterpret_cast<const ImWchar*>(ranges_.data()));
        if (f == nullptr) {
            *error = "cannot load the font " + file_;
            return false;
        }
        fonts_[px] = f;
    }
    if (!atlas->Build()) {
        *error = "cannot bake the font atlas";
        return false;
    }
    atlas_w_ = atlas->TexWidth;
    atlas_h_ = atlas->TexHeight;
    if (atlas_w_ > 4096 || atlas_h_ > 4096) {
        *error = "the font atlas is " + std::to_string(atlas_w_) + "x" + std::to_string(atlas_h_) + ", above 4096x4096";
        return false;
    }
    ImGui_ImplOpenGL3_CreateFontsTexture();
    stale_ = false;
    return true;
}

ImFont* Fonts::at(float px) const {
    if (fonts_.empty()) return ImGui::GetFont();
    auto it = fonts_.upper_bound(px);
    if (it == fonts_.begin()) return it->second;
    return std::prev(it)->second;
}

}  // namespace selfcare::kiosk
