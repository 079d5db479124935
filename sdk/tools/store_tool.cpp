// SPDX-License-Identifier: Apache-2.0
// selfcare-store: the support tool for a device's encrypted store. Staff use it to see whether a
// store opens (and if not, why), how much it holds and how many commands wait to be sent, and to
// wipe it. It never prints stored content: only counts, versions and error ids.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>

#include "domain/order_lifecycle.hpp"
#include "domain/ticket_lifecycle.hpp"
#include "domain/work_order_lifecycle.hpp"
#include "platform_default/file_key_store.hpp"
#include "platform_default/system_clock.hpp"
#include "store/migrations.hpp"
#include "store/store.hpp"

namespace {

using namespace selfcare;
namespace fs = std::filesystem;

constexpr std::string_view kUsage =
    "usage: selfcare-store COMMAND [--db PATH] [--key-file PATH]\n"
    "\n"
    "commands:\n"
    "  info        open (or create) the store and report its state\n"
    "  check       open the store with a full integrity check; exit 0 only when it is sound\n"
    "  wipe        remove the store, its side files and its key (cannot be undone)\n"
    "  lifecycles  print the ticket, order and work-order state machines the SDK enforces\n"
    "\n"
    "defaults: --db ./selfcare.db, --key-file <db folder>/keys/store.key\n"
    "exit codes: 0 ok, 1 the store has a problem (its error id is printed), 2 bad usage\n";

int usage_error(const std::string& why) {
    std::fprintf(stderr, "selfcare-store: %s\n\n%.*s", why.c_str(), static_cast<int>(kUsage.size()),
                 kUsage.data());
    return 2;
}

int report_error(const domain::Error& e) {
    std::printf("status: error\nerror: %s\nmessage: %s\n", e.id.c_str(), e.message.c_str());
    return 1;
}

std::uintmax_t size_or_zero(const fs::path& p) {
    std::error_code ec;
    const auto n = fs::file_size(p, ec);
    return ec ? 0 : n;
}

int info(const fs::path& db, platform::KeyStore& keys, store::Verify verify) {
    const platform_default::SystemClock clock;
    auto opened = store::Store::open(db, keys, clock, {verify, -1});
    if (!opened) return report_error(opened.error());
    auto& s = **opened;
    std::printf("status: ok\n");
    std::printf("path: %s\n", db.string().c_str());
    std::printf("created now: %s\n", s.info().created ? "yes" : "no");
    std::printf("schema version: %d (this build: %d)\n", s.info().schema_version,
                store::latest_schema_version());
    std::printf("integrity: %s\n", verify == store::Verify::kQuick ? "checked, sound" : "not checked");
    for (auto kind : {store::RecordKind::kTicket, store::RecordKind::kOrder, store::RecordKind::kWorkOrder}) {
        auto n = s.count_records(kind);
        if (!n) return report_error(n.error());
        std::printf("cached %s records: %lld\n", std::string(domain::to_string(kind)).c_str(),
                    static_cast<long long>(*n));
    }
    auto pending = s.outbox_pending_count();
    auto all = s.outbox();
    if (!pending) return report_error(pending.error());
    if (!all) return report_error(all.error());
    std::printf("outbox: %lld waiting to be sent, %lld refused by the server\n",
                static_cast<long long>(*pending), static_cast<long long>(all->size()) - *pending);
    fs::path wal = db;
    wal += "-wal";
    std::printf("file size: %ju bytes (+ %ju bytes write-ahead log)\n", size_or_zero(db), size_or_zero(wal));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage_error("a command is required");
    const std::string_view command = argv[1];
    fs::path db = "selfcare.db";
    fs::path key_file;
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if ((arg == "--db" || arg == "--key-file") && i + 1 < argc) {
            (arg == "--db" ? db : key_file) = argv[++i];
        } else {
            return usage_error("unknown argument: " + std::string(arg));
        }
    }
    if (key_file.empty()) key_file = db.parent_path() / "keys" / "store.key";
    platform_default::FileKeyStore keys(key_file);

    if (command == "lifecycles") {
        std::printf("%s\n%s\n%s", domain::ticket_lifecycle().to_markdown().c_str(),
                    domain::order_lifecycle().to_markdown().c_str(),
                    domain::work_order_lifecycle().to_markdown().c_str());
        return 0;
    }
    if (command == "info") return info(db, keys, store::Verify::kNone);
    if (command == "check") {
        if (!fs::exists(db)) return usage_error("no store at " + db.string());
        return info(db, keys, store::Verify::kQuick);
    }
    if (command == "wipe") {
        auto r = store::Store::wipe(db, keys);
        if (!r) return report_error(r.error());
        std::printf("status: wiped\n");
        return 0;
    }
    if (command == "--help" || command == "help") {
        std::printf("%.*s", static_cast<int>(kUsage.size()), kUsage.data());
        return 0;
    }
    return usage_error("unknown command: " + std::string(command));
}
