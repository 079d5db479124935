// SPDX-License-Identifier: Apache-2.0
#include "flows/cache_revision.hpp"

#include <optional>

namespace selfcare::flows {

bool older_than(const nlohmann::json& incoming, const nlohmann::json& cached) {
    const auto revision = [](const nlohmann::json& doc) -> std::optional<std::int64_t> {
        if (!doc.is_object()) return std::nullopt;
        const auto it = doc.find("revision");
        if (it == doc.end() || !it->is_number_integer()) return std::nullopt;
        return it->get<std::int64_t>();
    };
    const auto in = revision(incoming);
    const auto have = revision(cached);
    return in && have && *in < *have;
}

domain::Result<void> cache_unless_older(store::Store& store, store::RecordKind kind, const store::CachedRecord& record,
                                        const nlohmann::json& doc) {
    auto written = store.put_record_unless(kind, record, [&](const store::CachedRecord& cached) {
        return older_than(doc, nlohmann::json::parse(cached.payload, nullptr, false));
    });
    if (!written) return written.error();
    return domain::success();
}

}  // namespace selfcare::flows
