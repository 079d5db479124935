// SPDX-License-Identifier: Apache-2.0
// SimulatedCardReader: an ID-card reader fed from a JSON file, so the identify path can be
// tested and demonstrated without hardware. A card is "inserted" while the file exists.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>

#include "devices/card_reader.hpp"

namespace selfcare::platform_default {

struct SimulatedCardReaderOptions {
    /// The card file (from the kiosk's config). Its folder stands for the reader: if the
    /// folder is missing, the reader is offline. Whoever inserts a card writes the file
    /// elsewhere and renames it here, so a half-written card is never read:
    ///   {"name": "张三", "id_number": "11010519491231002X", "valid_until": "2030-01-01"}
    /// valid_until is a date (YYYY-MM-DD) or "长期" for a card valid for life.
    std::filesystem::path card_file;
    /// Today's date, for the expiry check; empty means the local calendar date.
    std::function<std::chrono::year_month_day()> today;
};

/// Thread-safe: every poll() reads the file afresh and keeps nothing.
class SimulatedCardReader final : public kiosk::devices::CardReader {
public:
    explicit SimulatedCardReader(SimulatedCardReaderOptions options);

    /// Ok(nullopt) without the file; the card when its data is whole and valid.
    /// Errors: "card.unreadable" (not JSON, a field missing, a bad date, an ID number failing
    /// the GB 11643 check), "card.expired", "card.reader_offline" (the folder is missing).
    /// Error details never quote the file, which holds personal data.
    kiosk::devices::Result<std::optional<kiosk::devices::IdCard>> poll() override;

private:
    SimulatedCardReaderOptions options_;
};

}  // namespace selfcare::platform_default
