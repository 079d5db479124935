// SPDX-License-Identifier: Apache-2.0
// A Receipt as ESC/POS bytes for an 80 mm thermal printer: Chinese character mode with
// GB18030 text, a bold double-size title, label/value lines, the printer's own QR code
// (GS ( k), and a cut. Pure: no I/O, so the byte stream can be checked in tests.
#pragma once

#include <string>

#include "devices/printer.hpp"
#include "devices/result.hpp"

namespace selfcare::platform_linux {

/// How the bytes are laid out for a given printer model.
struct EscPosFormat {
    /// iconv name of the printer's Chinese code page. GB18030 (a superset of GBK/GB2312)
    /// carries simplified and traditional characters; a Big5-only printer would take "BIG5".
    std::string encoding = "GB18030";
    /// Characters per line in font A: 48 on 80 mm paper (576 dots / 12), 32 on 58 mm.
    int columns = 48;
    /// QR module size in dots (1..16); 6 gives about 2 cm for a short URL.
    int qr_module_dots = 6;
};

/// The longest QR payload accepted: the byte capacity of a version 40 symbol at error
/// correction level M.
inline constexpr std::size_t kMaxQrPayloadBytes = 2331;

/// Encodes `receipt`. Errors: "printer.invalid_receipt" when the title is empty, the QR
/// payload is longer than kMaxQrPayloadBytes, or text is not valid UTF-8 / not representable
/// in the encoding.
kiosk::devices::Result<std::string> encode_escpos(const kiosk::devices::Receipt& receipt,
                                                  const EscPosFormat& format = {});

}  // namespace selfcare::platform_linux
