// SPDX-License-Identifier: Apache-2.0
// A message catalog: the texts of one locale (i18n/<locale>.json, flat, dotted keys). One key set
// serves the kiosk's own texts and the SDK's error ids (an error is shown by its id, e.g.
// "network.offline"), and a test holds every catalog to the same keys.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace selfcare::kiosk {

/// The locales the kiosk offers, in the order of the language button.
inline constexpr std::string_view kLocales[] = {"zh-CN", "en", "zh-TW"};

class Catalog {
public:
    /// Loads `<dir>/<locale>.json`: an object of string values with keys of lowercase letters,
    /// digits, '_' and '.' (camelCase allowed after a dot, as in TMF statuses). Returns nullopt
    /// and sets `error` (file, key and reason; never a text) if the file is missing, is not such an
    /// object, or a value is not a string. Thread-safe once loaded (read-only).
    static std::optional<Catalog> load(const std::filesystem::path& dir, std::string_view locale, std::string* error);

    const std::string& locale() const { return locale_; }

    /// The text for `key`. A missing key returns the key itself, so a gap is visible on screen
    /// rather than blank (and the catalog test fails before it ships).
    const std::string& text(std::string_view key) const;
    bool has(std::string_view key) const { return texts_.find(std::string(key)) != texts_.end(); }

    /// text(key) with each "{name}" replaced by its value; unknown placeholders stay as written.
    std::string format(std::string_view key, const std::vector<std::pair<std::string, std::string>>& values) const;

    /// All keys, sorted.
    std::vector<std::string> keys() const;
    /// The "{name}" placeholders used in the text of `key`, sorted.
    std::vector<std::string> placeholders(std::string_view key) const;
    /// Every text, for building the font's glyph ranges.
    const std::map<std::string, std::string, std::less<>>& texts() const { return texts_; }

private:
    // Keys asked for but missing, so text() can return a stable reference to the key itself.
    struct Missing {
        std::mutex mutex;
        std::set<std::string, std::less<>> keys;
    };

    std::string locale_;
    std::map<std::string, std::string, std::less<>> texts_;
    std::shared_ptr<Missing> missing_ = std::make_shared<Missing>();
};

}  // namespace selfcare::kiosk
