// SPDX-License-Identifier: Apache-2.0
// A plain-text table for the human views: a header row and aligned columns, measured in terminal
// columns (display_width.hpp), so Chinese text lines up. Also the "label  value" blocks. Both
// mask full phone numbers in what they print.
#pragma once

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace selfcare::cli {

class TextTable {
public:
    enum class Align { kLeft, kRight };
    struct Column {
        std::string title;
        Align align = Align::kLeft;
        std::size_t max_width = 0;  ///< longer cells are cut with "…"; 0 = no limit
    };

    explicit TextTable(std::vector<Column> columns) : columns_(std::move(columns)) {}

    /// Adds a row; missing cells are empty, extra cells are ignored.
    void add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
    bool empty() const { return rows_.empty(); }

    /// Writes the header and the rows, columns two spaces apart, no trailing spaces; each line
    /// starts with `indent`.
    void print(std::ostream& out, const std::string& indent = "") const;

private:
    std::vector<Column> columns_;
    std::vector<std::vector<std::string>> rows_;
};

/// Writes "label   value" lines with the values aligned; pairs with an empty value are skipped.
void print_fields(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& fields,
                  const std::string& indent = "");

}  // namespace selfcare::cli
