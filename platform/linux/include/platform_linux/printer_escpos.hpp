// SPDX-License-Identifier: Apache-2.0
// EscPosPrinter: receipts as ESC/POS bytes to a printer's device node (/dev/usb/lp0, a serial
// port) or appended to a file (a spool, or a test).
#pragma once

#include <chrono>
#include <filesystem>
#include <mutex>

#include "devices/printer.hpp"
#include "platform_linux/escpos_receipt.hpp"

namespace selfcare::platform_linux {

struct EscPosPrinterOptions {
    /// Where the bytes go.
    std::filesystem::path target;
    /// kDevice: `target` must exist (a missing node means the printer is unplugged), and the
    /// paper sensor is asked first (DLE EOT 4). kFile: receipts are appended, created if needed.
    enum class Kind { kDevice, kFile } kind = Kind::kDevice;
    EscPosFormat format;
    /// How long to wait for the paper-sensor answer; a printer that never answers (no back
    /// channel) is printed to anyway.
    std::chrono::milliseconds status_timeout{500};
    /// How long a write may stall (a printer out of paper or with its cover open stops
    /// taking data) before the printer counts as offline.
    std::chrono::milliseconds write_timeout{10'000};
};

/// Thread-safe: print() calls are serialised. The device is opened for each receipt and
/// closed after it, so a printer that is replugged works again at the next receipt.
class EscPosPrinter final : public kiosk::devices::Printer {
public:
    explicit EscPosPrinter(EscPosPrinterOptions options);

    /// Errors as in Printer::print. "printer.paper_out" only when the device answered the
    /// paper-sensor query saying so; then nothing of the receipt was sent.
    kiosk::devices::Result<void> print(const kiosk::devices::Receipt& receipt) override;

    /// A device: opened as for a receipt and asked for paper (DLE EOT 4); "printer.offline"
    /// when it cannot be opened, "printer.paper_out" when it says so; a printer without a back
    /// channel counts as ready. A file: "printer.offline" when it cannot be appended to (nor
    /// created in its folder). Nothing is printed or created.
    kiosk::devices::Result<void> health() override;

private:
    /// Opens the device as print() does (-1 with errno set when it cannot).
    int open_device() const;

    EscPosPrinterOptions options_;
    std::mutex mutex_;
};

}  // namespace selfcare::platform_linux
