// SPDX-License-Identifier: Apache-2.0
#include "text_table.hpp"

#include <algorithm>
#include <ostream>

#include "display_width.hpp"
#include "formatting.hpp"

namespace selfcare::cli {
namespace {

// A cell as shown: no control characters (a newline or tab in a description would break the
// grid), and no full phone number, whichever field it came from.
std::string flatten(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
    return mask_phone_numbers(out);
}

}  // namespace

void TextTable::print(std::ostream& out, const std::string& indent) const {
    const std::size_t n = columns_.size();
    std::vector<std::vector<std::string>> cells;
    cells.reserve(rows_.size() + 1);
    std::vector<std::string> header;
    for (const auto& c : columns_) header.push_back(c.title);
    cells.push_back(std::move(header));
    for (const auto& row : rows_) {
        std::vector<std::string> r(n);
        for (std::size_t i = 0; i < n && i < row.size(); ++i) {
            r[i] = flatten(row[i]);
            if (columns_[i].max_width > 0) r[i] = truncate_to_width(r[i], columns_[i].max_width);
        }
        cells.push_back(std::move(r));
    }
    std::vector<std::size_t> widths(n, 0);
    for (const auto& r : cells) {
        for (std::size_t i = 0; i < n; ++i) widths[i] = std::max(widths[i], display_width(r[i]));
    }
    for (const auto& r : cells) {
        std::string line = indent;
        for (std::size_t i = 0; i < n; ++i) {
            const bool last = i + 1 == n;
            const std::size_t pad = widths[i] - display_width(r[i]);
            if (columns_[i].align == Align::kRight) line.append(pad, ' ');
            line += r[i];
            if (columns_[i].align == Align::kLeft && !last) line.append(pad, ' ');
            if (!last) line += "  ";
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    }
}

void print_fields(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& fields,
                  const std::string& indent) {
    std::size_t width = 0;
    for (const auto& [label, value] : fields) {
        if (!value.empty()) width = std::max(width, display_width(label));
    }
    for (const auto& [label, value] : fields) {
        if (value.empty()) continue;
        out << indent << pad_to_width(label, width) << "  " << flatten(value) << '\n';
    }
}

}  // namespace selfcare::cli
