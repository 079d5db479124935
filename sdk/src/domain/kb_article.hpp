// SPDX-License-Identifier: Apache-2.0
// KbArticle: one FAQ or self-troubleshooting guide from the knowledge base (知识库).
#pragma once

#include <string>
#include <vector>

namespace selfcare::domain {

/// A knowledge-base article in one locale.
struct KbArticle {
    std::string id;
    std::string locale;  ///< BCP 47, e.g. "zh-CN"
    std::string title;
    std::string body;  ///< plain text or light Markdown
    std::vector<std::string> tags;
};

}  // namespace selfcare::domain
