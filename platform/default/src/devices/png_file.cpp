// SPDX-License-Identifier: Apache-2.0
// libpng's simplified API (1.6): one call writes the whole image.
#include "png_file.hpp"

#include <png.h>

#include <system_error>

namespace selfcare::platform_default {

std::string write_png(const ReceiptImage& image, const std::filesystem::path& path) {
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    png.width = static_cast<png_uint_32>(image.width);
    png.height = static_cast<png_uint_32>(image.height);
    png.format = PNG_FORMAT_GRAY;
    const std::filesystem::path partial = path.string() + ".part";
    if (png_image_write_to_file(&png, partial.c_str(), 0, image.pixels.data(), image.width, nullptr) == 0) {
        std::string why = png.message;
        png_image_free(&png);
        return why;
    }
    std::error_code ec;
    std::filesystem::rename(partial, path, ec);
    return ec ? ec.message() : std::string();
}

}  // namespace selfcare::platform_default
