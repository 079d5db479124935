// SPDX-License-Identifier: Apache-2.0
// Reading JSON that crosses the C ABI: size, UTF-8 and nesting are checked before parsing, so
// hostile input is an error value naming the field, never a crash or a deep recursion.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/error.hpp"
#include "domain/result.hpp"

namespace selfcare::capi {

using Json = nlohmann::json;

inline constexpr std::size_t kMaxJsonBytes = 1 << 20;  // 1 MiB: far above any real argument
inline constexpr int kMaxJsonDepth = 32;

/// Parses `text` as a JSON object. NULL means "{}". Errors (kInvalidArgument, on `field`):
/// "validation.too_long", "validation.utf8", "validation.too_deep", "validation.json" (malformed),
/// "validation.object" (valid JSON but not an object). Thread-safe.
domain::Result<Json> parse_object(const char* text, std::string_view field);

/// Reads optional and required members of an argument object, collecting every problem.
class ArgReader {
public:
    explicit ArgReader(const Json& object, std::string prefix = "") : obj_(object), prefix_(std::move(prefix)) {}

    /// A string member; "validation.required" when absent or empty and `required`,
    /// "validation.type" when not a string.
    std::optional<std::string> string(std::string_view name, bool required);
    /// An integer member; "validation.type" when not an integer.
    std::optional<std::int64_t> integer(std::string_view name, bool required);
    /// An object member (returned by pointer into the argument object, or nullptr).
    const Json* object(std::string_view name, bool required);

    /// Adds a problem found by the caller.
    void fail(std::string_view name, std::string id, std::string rule);
    /// The full dotted name of a member, e.g. "key.passphrase".
    std::string path(std::string_view name) const;

    bool ok() const { return errors_.empty(); }
    /// The collected problems as one error (precondition: !ok()).
    domain::Error error() const { return domain::invalid_argument(errors_); }

private:
    const Json* member(std::string_view name, bool required);
    const Json& obj_;
    std::string prefix_;
    domain::FieldErrors errors_;
};

}  // namespace selfcare::capi
