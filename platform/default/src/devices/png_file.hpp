// SPDX-License-Identifier: Apache-2.0
// Writing a grey image as PNG with libpng.
#pragma once

#include <filesystem>
#include <string>

#include "platform_default/printer_png.hpp"

namespace selfcare::platform_default {

/// Writes `image` to `path` as an 8-bit greyscale PNG, through a temporary file beside it that
/// is renamed into place. Returns an empty string on success, else what failed (for logs).
std::string write_png(const ReceiptImage& image, const std::filesystem::path& path);

}  // namespace selfcare::platform_default
