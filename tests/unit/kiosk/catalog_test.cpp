// SPDX-License-Identifier: Apache-2.0
// The message catalogs in i18n/: every locale has every key with the same placeholders, every
// key the kiosk's code asks for exists, and the loader refuses malformed files naming the key.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "app/catalog.hpp"
#include "support/temp_dir.hpp"

using selfcare::kiosk::Catalog;
namespace fs = std::filesystem;

namespace {

const fs::path kCatalogs = fs::path(SC_SOURCE_DIR) / "i18n";

Catalog load(std::string_view locale) {
    std::string error;
    auto c = Catalog::load(kCatalogs, locale, &error);
    REQUIRE_MESSAGE(c.has_value(), error);
    return *c;
}

// Keys the kiosk's sources ask for: tr("...") and the like (any call ending in tr / text /
// format with a literal dotted key).
std::set<std::string> keys_used_in_code() {
    static const std::regex call(R"(\b(?:tr|text|format|say_key)\(\s*"([a-z][a-z0-9_]*(?:\.[a-zA-Z0-9_]+)+)\")");
    static const std::regex literal(
        R"(\"((?:screen|nav|idle|offline|confirm|attract|identify|home|query|report|track|result|receipt|goodbye|keypad|staff|allowance|bill|faq|keyboard)\.[a-z][a-zA-Z0-9_]*(?:\.[a-zA-Z0-9_]+)*)\")");
    std::set<std::string> keys;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(SC_SOURCE_DIR) / "kiosk")) {
        const auto ext = e.path().extension();
        if (ext != ".cpp" && ext != ".hpp") continue;
        std::ifstream in(e.path());
        const std::string src((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        for (auto it = std::sregex_iterator(src.begin(), src.end(), call); it != std::sregex_iterator(); ++it) {
            keys.insert((*it)[1]);
        }
        // Keys handed around as values (a screen's title_key(), a tile's key, a step's instruction)
        // are string literals with a catalog prefix.
        for (auto it = std::sregex_iterator(src.begin(), src.end(), literal); it != std::sregex_iterator(); ++it) {
            keys.insert((*it)[1]);
        }
    }
    return keys;
}

}  // namespace

TEST_CASE("every catalog has the same keys with the same placeholders") {
    const Catalog reference = load("zh-CN");
    CHECK(reference.keys().size() > 30);
    for (std::string_view locale : selfcare::kiosk::kLocales) {
        const Catalog c = load(locale);
        CAPTURE(locale);
        CHECK(c.keys() == reference.keys());
        for (const auto& key : reference.keys()) {
            CAPTURE(key);
            CHECK(c.placeholders(key) == reference.placeholders(key));
            CHECK_FALSE(c.text(key).empty());
        }
    }
}

TEST_CASE("every key the kiosk's code uses is in the catalogs") {
    const Catalog c = load("zh-CN");
    for (const auto& key : keys_used_in_code()) {
        CAPTURE(key);
        CHECK(c.has(key));
    }
}

TEST_CASE("texts and placeholders") {
    const Catalog zh = load("zh-CN");
    CHECK(zh.text("nav.elder_mode") == "长辈模式");
    CHECK(zh.format("idle.warning.countdown", {{"seconds", "30"}}) == "30秒后将自动退出");
    CHECK(zh.placeholders("nav.page_of") == std::vector<std::string>{"page", "pages"});
    // A missing key shows itself rather than nothing.
    CHECK(zh.text("no.such_key") == "no.such_key");
    CHECK_FALSE(zh.has("no.such_key"));
}

TEST_CASE("a malformed catalog is refused with the key named") {
    selfcare::test::TempDir dir;
    const auto write = [&](const std::string& body) { std::ofstream(dir.path() / "xx.json") << body; };
    std::string error;

    write(R"({"nav.back": 3})");
    CHECK_FALSE(Catalog::load(dir.path(), "xx", &error).has_value());
    CHECK(error.find("nav.back") != std::string::npos);

    write(R"({"Nav Back": "x"})");
    CHECK_FALSE(Catalog::load(dir.path(), "xx", &error).has_value());
    CHECK(error.find("Nav Back") != std::string::npos);

    write("[1, 2]");
    CHECK_FALSE(Catalog::load(dir.path(), "xx", &error).has_value());
    CHECK_FALSE(Catalog::load(dir.path(), "missing", &error).has_value());
    CHECK(error.find("missing.json") != std::string::npos);
}
