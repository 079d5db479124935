// SPDX-License-Identifier: Apache-2.0
// A QR code's modules from libqrencode.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace selfcare::platform_default {

/// A square of modules, row by row; true is dark.
struct QrModules {
    int size = 0;
    std::vector<bool> dark;
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

/// Encodes `payload` as bytes (8-bit mode, error correction M, smallest version that fits);
/// nullopt when it is too long for any QR code.
std::optional<QrModules> encode_qr(const std::string& payload);

}  // namespace selfcare::platform_default
