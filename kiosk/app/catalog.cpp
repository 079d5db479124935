// SPDX-License-Identifier: Apache-2.0
#include "app/catalog.hpp"

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace selfcare::kiosk {
namespace {

bool valid_key(const std::string& key) {
    static const std::regex pattern(R"([a-z][a-z0-9_]*(\.[a-zA-Z0-9_]+)*)");
    return std::regex_match(key, pattern);
}

}  // namespace

std::optional<Catalog> Catalog::load(const std::filesystem::path& dir, std::string_view locale, std::string* error) {
    const auto path = dir / (std::string(locale) + ".json");
    const auto fail = [&](const std::string& why) {
        if (error != nullptr) *error = path.filename().string() + ": " + why;
        return std::nullopt;
    };
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("cannot be read");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const auto doc = nlohmann::json::parse(buffer.str(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return fail("is not a JSON object");
    Catalog c;
    c.locale_ = std::string(locale);
    for (const auto& [key, value] : doc.items()) {
        if (!valid_key(key)) return fail("key \"" + key + "\" is not a dotted lowercase key");
        if (!value.is_string()) return fail("the value of \"" + key + "\" is not a string");
        c.texts_.emplace(key, value.get<std::string>());
    }
    return c;
}

const std::string& Catalog::text(std::string_view key) const {
    if (auto it = texts_.find(key); it != texts_.end()) return it->second;
    const std::lock_guard lock(missing_->mutex);
    return *missing_->keys.emplace(key).first;
}

std::string Catalog::format(std::string_view key, const std::vector<std::pair<std::string, std::string>>& values) const {
    std::string out = text(key);
    for (const auto& [name, value] : values) {
        const std::string token = "{" + name + "}";
        for (auto pos = out.find(token); pos != std::string::npos; pos = out.find(token, pos + value.size())) {
            out.replace(pos, token.size(), value);
        }
    }
    return out;
}

std::vector<std::string> Catalog::keys() const {
    std::vector<std::string> out;
    out.reserve(texts_.size());
    for (const auto& [key, text] : texts_) out.push_back(key);
    return out;
}

std::vector<std::string> Catalog::placeholders(std::string_view key) const {
    static const std::regex placeholder(R"(\{([a-z_]+)\})");
    std::set<std::string> names;
    const std::string& t = text(key);
    for (auto it = std::sregex_iterator(t.begin(), t.end(), placeholder); it != std::sregex_iterator(); ++it) {
        names.insert((*it)[1]);
    }
    return {names.begin(), names.end()};
}

}  // namespace selfcare::kiosk
