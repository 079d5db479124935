// SPDX-License-Identifier: Apache-2.0
// ESC/POS commands (Epson's reference, implemented alike by Chinese 80 mm printers).
#include "platform_linux/escpos_receipt.hpp"

#include <algorithm>

#include "text_codec.hpp"

namespace selfcare::platform_linux {

namespace {

using kiosk::devices::fail;
using kiosk::devices::Receipt;
using kiosk::devices::Result;

// [SECTION] Commands
constexpr char ESC = 0x1B;
constexpr char GS = 0x1D;
constexpr char FS = 0x1C;
constexpr char LF = 0x0A;

const std::string kInitialise = {ESC, '@'};
const std::string kChineseMode = {FS, '&'};          // two-byte characters from here on
const std::string kAlignLeft = {ESC, 'a', 0};
const std::string kAlignCentre = {ESC, 'a', 1};
const std::string kBoldOn = {ESC, 'E', 1};
const std::string kBoldOff = {ESC, 'E', 0};
const std::string kDoubleSize = {GS, '!', 0x11};     // double width and height
const std::string kNormalSize = {GS, '!', 0x00};
const std::string kFeedAndCut = {ESC, 'd', 4, GS, 'V', 66, 0};  // feed 4 lines, partial cut

// GS ( k <pL> <pH> <cn=49> <fn> ...: the 2D-code function group, symbol QR.
std::string qr_function(char fn, const std::string& params) {
    const std::size_t len = params.size() + 2;  // cn and fn count
    std::string out = {GS, '(', 'k', static_cast<char>(len & 0xFF), static_cast<char>(len >> 8), 49, fn};
    return out + params;
}

std::string qr_commands(const std::string& payload, int module_dots) {
    std::string out;
    out += qr_function(65, {50, 0});                                   // fn 165: model 2
    out += qr_function(67, {static_cast<char>(std::clamp(module_dots, 1, 16))});  // fn 167: module size
    out += qr_function(69, {49});                                      // fn 169: error correction M
    out += qr_function(80, std::string(1, 48) + payload);              // fn 180: store the data
    out += qr_function(81, {48});                                      // fn 181: print it
    return out;
}

// [SECTION] Layout
// "label          value" across the line, or the value on its own right-aligned line(s)
// when both do not fit.
std::string label_value_line(const std::string& label, const std::string& value, int columns) {
    const int label_cols = print_columns(label);
    const int value_cols = print_columns(value);
    if (label_cols + 1 + value_cols <= columns) {
        return label + std::string(static_cast<std::size_t>(columns - label_cols - value_cols), ' ') +
               value + LF;
    }
    const int pad = std::max(0, columns - value_cols);
    return label + LF + std::string(static_cast<std::size_t>(pad), ' ') + value + LF;
}

}  // namespace

Result<std::string> encode_escpos(const Receipt& receipt, const EscPosFormat& format) {
    if (receipt.title.empty()) return fail("printer.invalid_receipt", "empty title");
    if (receipt.qr_payload.size() > kMaxQrPayloadBytes) {
        return fail("printer.invalid_receipt", "QR payload longer than a QR code holds");
    }
    std::string out;
    bool representable = true;
    // Text is laid out in UTF-8 (columns are counted per character) and converted piece by
    // piece; commands and the QR payload are bytes and must never go through iconv (a QR length
    // byte such as 0xCD is not UTF-8).
    auto text = [&](const std::string& utf8) {
        auto encoded = convert_from_utf8(utf8, format.encoding);
        if (!encoded) representable = false;
        else out += *encoded;
    };

    out += kInitialise + kChineseMode;
    out += kAlignCentre + kBoldOn + kDoubleSize;
    text(receipt.title + LF);
    out += kNormalSize + kBoldOff + kAlignLeft;
    const std::string rule = std::string(static_cast<std::size_t>(format.columns), '-') + LF;
    out += rule;
    for (const auto& line : receipt.lines) text(label_value_line(line.label, line.value, format.columns));
    out += rule;
    if (!receipt.qr_payload.empty()) {
        out += kAlignCentre + qr_commands(receipt.qr_payload, format.qr_module_dots) + LF;
    }
    out += kAlignCentre;
    for (const auto& line : receipt.footer) text(line + LF);
    out += kAlignLeft + kFeedAndCut;

    if (!representable) return fail("printer.invalid_receipt", "text not representable in " + format.encoding);
    return out;
}

}  // namespace selfcare::platform_linux
