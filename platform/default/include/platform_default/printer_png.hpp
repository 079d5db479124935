// SPDX-License-Identifier: Apache-2.0
// PngReceiptPrinter: a receipt drawn as the image an 80 mm thermal printer would print
// (576 dots wide), written as a PNG. For tests, for kiosks without a printer (show it on screen,
// keep it as a record), and to see a layout before paper.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <vector>

#include "devices/printer.hpp"
#include "devices/result.hpp"

namespace selfcare::platform_default {

/// 80 mm paper at 203 dpi: 576 printable dots.
inline constexpr int kReceiptWidthPx = 576;

/// An 8-bit grey image, 255 white, 0 black, row by row.
struct ReceiptImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
    /// Where the QR code (quiet zone included) was drawn; empty size when there is none.
    struct Rect {
        int x = 0, y = 0, width = 0, height = 0;
    } qr;
};

struct PngReceiptOptions {
    /// Each receipt is written here, replacing the previous one (written beside it and renamed,
    /// so a reader never sees half an image).
    std::filesystem::path output;
    /// A font file to use instead of asking fontconfig (a .ttf/.otf/.ttc path), and the face
    /// index inside a collection.
    std::optional<std::filesystem::path> font_file;
    int font_index = 0;
};

/// Lays out and rasterises `receipt`: title, label/value lines, QR code, footer. The CJK font
/// comes from fontconfig (Noto Sans CJK SC, or TC for zh-TW) unless `options` names one.
/// Errors: "printer.invalid_receipt" (empty title, QR payload too long for a QR code),
/// "printer.failed" (no font with Chinese characters found, or it cannot be loaded).
kiosk::devices::Result<ReceiptImage> render_receipt(const kiosk::devices::Receipt& receipt,
                                                    const PngReceiptOptions& options = {});

/// A Printer whose paper is a PNG file. Thread-safe (calls are serialised).
class PngReceiptPrinter final : public kiosk::devices::Printer {
public:
    explicit PngReceiptPrinter(PngReceiptOptions options);

    /// Renders and writes options.output. Errors: as render_receipt, and "printer.offline"
    /// when the file cannot be written (its folder is missing or read-only).
    kiosk::devices::Result<void> print(const kiosk::devices::Receipt& receipt) override;

    /// "printer.offline" when options.output's folder is missing or cannot be written to.
    kiosk::devices::Result<void> health() override;

private:
    PngReceiptOptions options_;
    std::mutex mutex_;
};

}  // namespace selfcare::platform_default
