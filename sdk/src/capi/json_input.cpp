// SPDX-License-Identifier: Apache-2.0
#include "capi/json_input.hpp"

#include <cstring>

#include "domain/utf8.hpp"

namespace selfcare::capi {
namespace {

domain::Error bad(std::string_view field, std::string id, std::string rule) {
    return domain::invalid_argument({{std::string(field), std::move(id), std::string(field) + " " + std::move(rule)}});
}

// Deepest bracket nesting outside string literals; stops counting past the limit.
int nesting_depth(std::string_view text) {
    int depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '{' || c == '[') deepest = std::max(deepest, ++depth);
        else if (c == '}' || c == ']') --depth;
        if (deepest > kMaxJsonDepth) break;
    }
    return deepest;
}

}  // namespace

domain::Result<Json> parse_object(const char* text, std::string_view field) {
    if (text == nullptr) return Json::object();
    const std::size_t size = ::strnlen(text, kMaxJsonBytes + 1);
    if (size > kMaxJsonBytes) return bad(field, "validation.too_long", "is larger than 1 MiB");
    const std::string_view view(text, size);
    if (!domain::utf8_length(view)) return bad(field, "validation.utf8", "is not valid UTF-8");
    if (nesting_depth(view) > kMaxJsonDepth) {
        return bad(field, "validation.too_deep", "is nested deeper than 32 levels");
    }
    Json parsed = Json::parse(view, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) return bad(field, "validation.json", "is not well-formed JSON");
    if (!parsed.is_object()) return bad(field, "validation.object", "must be a JSON object");
    return parsed;
}

std::string ArgReader::path(std::string_view name) const {
    return prefix_.empty() ? std::string(name) : prefix_ + "." + std::string(name);
}

void ArgReader::fail(std::string_view name, std::string id, std::string rule) {
    const std::string p = path(name);
    errors_.push_back({p, std::move(id), p + " " + std::move(rule)});
}

const Json* ArgReader::member(std::string_view name, bool required) {
    const auto it = obj_.find(name);
    if (it == obj_.end() || it->is_null()) {
        if (required) fail(name, "validation.required", "is required");
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> ArgReader::string(std::string_view name, bool required) {
    const Json* v = member(name, required);
    if (v == nullptr) return std::nullopt;
    if (!v->is_string()) {
        fail(name, "validation.type", "must be a string");
        return std::nullopt;
    }
    auto s = v->get<std::string>();
    if (s.empty() && required) {
        fail(name, "validation.required", "is required");
        return std::nullopt;
    }
    return s;
}

std::optional<std::int64_t> ArgReader::integer(std::string_view name, bool required) {
    const Json* v = member(name, required);
    if (v == nullptr) return std::nullopt;
    if (!v->is_number_integer()) {
        fail(name, "validation.type", "must be an integer");
        return std::nullopt;
    }
    return v->get<std::int64_t>();
}

const Json* ArgReader::object(std::string_view name, bool required) {
    const Json* v = member(name, required);
    if (v != nullptr && !v->is_object()) {
        fail(name, "validation.type", "must be an object");
        return nullptr;
    }
    return v;
}

}  // namespace selfcare::capi
