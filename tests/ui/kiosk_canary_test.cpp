// SPDX-License-Identifier: Apache-2.0
// The canary sweep (RELIABILITY.md item 6) for the kiosk. A customer signs in with their number
// and SMS code, reads the balance, reports a fault in their own typed words (which carry a
// canary), prints the receipt and finishes. Then:
// - the kiosk's output (stdout and stderr), the server's log and every screenshot's widget list
//   hold neither the number in full, nor the code, nor the typed words, nor the device secret;
// - no file in the kiosk's data folder holds any of them in clear (pinyin input learns nothing);
// - what the customer left on the kiosk is gone after they finished: every file of their store
//   as it was during the session is gone or rewritten, and their key is nowhere on disk.
// The words did reach the server: the check is not vacuous.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/child_process.hpp"
#include "support/sdk_call.hpp"
#include "ui/kiosk_fixture.hpp"

using namespace selfcare::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kTypedCanary = "739146";  // typed after the words: 晚上上网很慢739146
const std::string kDeviceSecret = "demo-kiosk-secret-0001";

std::string hits_in(const std::string& where, const std::string& bytes, const std::vector<std::string>& canaries) {
    std::string hits;
    for (const auto& c : canaries) {
        if (bytes.find(c) != std::string::npos) hits += where + ": " + c + "; ";
    }
    return hits;
}

// Every regular file under `root`, by path relative to it, with its bytes.
std::map<std::string, std::string> store_files(const fs::path& root) {
    std::map<std::string, std::string> files;
    if (!fs::exists(root)) return files;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.is_regular_file()) files[fs::relative(e.path(), root).string()] = read_all(e.path());
    }
    return files;
}

}  // namespace

TEST_CASE("the kiosk keeps no personal data in clear and destroys the customer's store and key when they finish") {
    XvfbDisplay display;
    ServerProcess server;
    const auto c = catalog("zh-CN");
    Kiosk kiosk{display, server, {}};
    const fs::path go_on = kiosk.dir.path() / "snapshot-taken";
    const std::string script =
        sign_in(c) + "tap screen.query.title\nwait query\nexpect ¥\nscreenshot balance\ntap nav.home\nwait home\n"
        "tap screen.report.title\nwait report\ntap report.category.network\ntap report.sub.slowData\n"
        "tap report.type_it\ntype wanshang\ntap cand:晚上\ntype shangwang\ntap cand:上网\ntype henman\ntap cand:很慢\n"
        "type " + kTypedCanary + "\ntap report.description_done\ntap report.address.none\ntap report.window.none\n"
        "screenshot confirm\ntap confirm.yes\nwait result 20\nexpect TT-\nscreenshot result\n"
        "tap result.print\nwait receipt\nexpect " + c.text("receipt.printed") + " 20\nscreenshot receipt\n"
        "file " + go_on.string() + " 120\n"
        "tap receipt.finish\nwait goodbye\nadvance 10\nwait attract\nscreenshot after\n";
    const fs::path log = kiosk.dir.path() / "kiosk.log";
    ChildProcess child(kiosk.argv(script, {}), log.string(), kiosk.env());
    REQUIRE_MESSAGE(wait_for_shot(kiosk, child, "receipt"), read_all(log));
    // The customer's store as it is while they are still at the kiosk.
    const fs::path customer = kiosk.data() / "customer";
    const auto during = store_files(customer);
    REQUIRE(during.count("customer.key") == 1);
    REQUIRE(during.count("customer.db") == 1);
    const std::string key = during.at("customer.key");
    REQUIRE(key.size() >= 16);
    std::ofstream(go_on) << "go\n";
    REQUIRE_MESSAGE(child.wait_exit() == 0, read_all(log));

    // The typed words reached the server.
    {
        TempDir sdk_dir;
        auto client = open_sdk_client(sdk_dir, server.base_url());
        sign_in_customer(client);
        const json tickets = call(client, "tickets.list", json::object(), SC_OK);
        CHECK_MESSAGE(tickets.dump().find("很慢" + kTypedCanary) != std::string::npos, tickets.dump());
    }
    REQUIRE(server.stop() == 0);

    const std::vector<std::string> canaries{kDemoCustomer, kDemoOtp, kTypedCanary, kDeviceSecret};
    CHECK(hits_in("kiosk output", read_all(log), canaries) == "");
    CHECK(hits_in("server log", server.log(), canaries) == "");
    // On screen the number is masked; the typed words are shown back to their author only while
    // they report (the confirmation and result), never after they left.
    for (const char* shot : {"balance", "confirm", "result", "receipt", "after"}) {
        CAPTURE(shot);
        const std::string widgets = read_all(kiosk.shots() / (std::string(shot) + ".json"));
        CHECK(hits_in(shot, widgets, {kDemoCustomer, kDemoOtp, kDeviceSecret}) == "");
    }
    CHECK(hits_in("after", read_all(kiosk.shots() / "after.json"), {kTypedCanary, "138****8000"}) == "");
    for (const auto& [name, bytes] : store_files(kiosk.data())) CHECK(hits_in(name, bytes, canaries) == "");
    for (const auto& [name, bytes] : during) CHECK(hits_in(name, bytes, canaries) == "");

    // Finished: nothing of the customer's store is left as it was, and the key is nowhere.
    const auto after = store_files(customer);
    for (const auto& [name, bytes] : during) {
        CAPTURE(name);
        const auto it = after.find(name);
        CHECK((it == after.end() || it->second != bytes));
    }
    for (const auto& [name, bytes] : store_files(kiosk.data())) {
        CAPTURE(name);
        CHECK(bytes.find(key) == std::string::npos);
    }
}
