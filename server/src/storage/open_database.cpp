// SPDX-License-Identifier: Apache-2.0
#include "storage/database.hpp"

namespace selfcare::server {

domain::Result<std::unique_ptr<Database>> open_sqlite_database(const std::string& path);
domain::Result<std::unique_ptr<Database>> open_postgres_database(const std::string& url);

domain::Result<std::unique_ptr<Database>> open_database(std::string_view url) {
    if (url.starts_with("sqlite:")) {
        const std::string path(url.substr(7));
        if (path.empty()) {
            return domain::invalid_argument({{"db", "config.db_path", "db needs a file: sqlite:PATH"}});
        }
        return open_sqlite_database(path);
    }
    if (url.starts_with("postgres://") || url.starts_with("postgresql://")) {
        return open_postgres_database(std::string(url));
    }
    return domain::invalid_argument(
        {{"db", "config.db_scheme", "db must be sqlite:PATH or postgres://..."}});
}

}  // namespace selfcare::server
