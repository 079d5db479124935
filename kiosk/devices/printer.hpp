// SPDX-License-Identifier: Apache-2.0
// Printer: the receipt the customer takes home (ticket, order, redemption), with a QR code that
// opens the same ticket or order in the app. Implemented by platform/linux (ESC/POS) and
// platform/default (a PNG image, for tests and kiosks without a printer).
#pragma once

#include <string>
#include <vector>

#include "devices/locale.hpp"
#include "devices/result.hpp"

namespace selfcare::kiosk::devices {

/// One "label: value" row, e.g. {"工单号", "TT-2024-000123"}. The value is printed as given:
/// the kiosk masks phone and ID numbers before they get here (kiosk.md, privacy).
struct ReceiptLine {
    std::string label;
    std::string value;
};

/// A receipt as data; every text is UTF-8 in the receipt's locale. An offline ticket carries
/// its local reference in `lines` and in `qr_payload`, so it can be followed up later.
struct Receipt {
    std::string title;                ///< printed large and bold, centred
    std::vector<ReceiptLine> lines;   ///< the body
    std::string qr_payload;           ///< a URL that opens the ticket or order in the app; may be empty
    std::vector<std::string> footer;  ///< small print under the QR code (hotline, thanks)
    Locale locale = Locale::kZhCN;
};

/// A receipt printer owned by the kiosk. print() blocks for the device I/O (up to a few
/// seconds on real hardware): call it off the UI thread and wake the UI afterwards.
/// Thread-safe: concurrent calls are serialised, one receipt after another.
class Printer {
public:
    virtual ~Printer() = default;

    /// Prints one receipt, whole or not at all as far as the device lets us know.
    /// Errors: "printer.offline" (no device, or it stopped answering),
    /// "printer.paper_out" (the device reports no paper; nothing was sent),
    /// "printer.invalid_receipt" (empty title, a QR payload too long for a QR code, or text
    /// the printer's code page cannot carry), "printer.failed" (any other I/O failure).
    virtual Result<void> print(const Receipt& receipt) = 0;

    /// Asks whether a receipt could be printed now, printing nothing: for the staff screen, so
    /// an empty roll or an unplugged printer is found before a customer needs it. Success, or
    /// the error print() would give: "printer.offline", "printer.paper_out". Blocks like print()
    /// for the device I/O (a status query); call it off the UI thread. Thread-safe.
    virtual Result<void> health() = 0;
};

}  // namespace selfcare::kiosk::devices
