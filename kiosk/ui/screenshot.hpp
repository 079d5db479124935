// SPDX-License-Identifier: Apache-2.0
// Screenshots of the kiosk as PNG files (libpng), for script mode.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace selfcare::kiosk {

/// Writes `width`×`height` RGBA pixels as an RGB PNG at `path`. `bottom_up` flips the rows
/// (glReadPixels gives the bottom row first). Returns false and sets `error` when the file
/// cannot be written.
bool write_png_rgba(const std::filesystem::path& path, int width, int height, const std::vector<unsigned char>& rgba, bool bottom_up,
                    std::string* error);

}  // namespace selfcare::kiosk
