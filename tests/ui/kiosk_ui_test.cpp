// SPDX-License-Identifier: Apache-2.0
// The kiosk as a customer meets it: the real selfcare-kiosk on a private Xvfb display, against
// the real server on loopback, driven by scripts of taps. What is checked is what a customer (or
// an accessibility audit) would check: every screen of the main path shows its text in each
// language and theme; in elder mode every target and every text is big enough; an unattended
// session ends and its data is gone; a report made offline still gives a receipt with a local
// reference; the kiosk speaks and a touch silences it.
//
// Also: a bill's itemised pages in elder mode, a FAQ search and a fault description typed on the
// on-screen keyboard in pinyin.
//
// SC_KIOSK_UI_WALKS (default 6, 2 under sanitizers) limits how many language × theme walks run.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/catalog.hpp"
#include "support/chaos_proxy.hpp"
#include "support/child_process.hpp"
#include "support/run_program.hpp"
#include "support/sdk_call.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/xvfb_display.hpp"
#include "ui/kiosk_fixture.hpp"
#include "theme/theme.hpp"

using namespace selfcare::test;
using selfcare::kiosk::Catalog;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The main path, a screenshot of every screen, each checked for its own text first.
std::string main_path(const Catalog& c) {
    auto expect = [&](const char* key) { return "expect " + c.text(key) + "\n"; };
    return "wait attract 60\n" + expect("screen.attract.title") + "screenshot attract\n" +
           "tap attract.start\nwait identify\n" + expect("screen.identify.title") + "type 13800138000\nscreenshot identify\n" +
           "tap identify.send_code\n" + expect("screen.identify.code_title") + "type 246810\nscreenshot identify-code\n" +
           "tap identify.sign_in\nwait home 20\n" + expect("screen.home.title") + "screenshot home\n" +
           "tap screen.query.title\nwait query\n" + expect("query.balance_label") + "expect ¥\nscreenshot query\n" +
           "tap query.bills\nscreenshot query-bills\n"
           "tap nav.home\nwait home\ntap screen.report.title\nwait report\n" + expect("report.step.category") + "screenshot report\n" +
           "tap report.category.network\n" + expect("report.step.subcategory") + "tap report.sub.slowData\n" +
           expect("report.step.description") + "tap report.phrase.evenings\n" + expect("report.step.contact") +
           "screenshot report-contact\ntap report.address.none\n" + expect("report.step.appointment") + "tap report.window.none\n" +
           expect("report.step.confirm") + "screenshot report-confirm\ntap confirm.yes\nwait result 20\n" +
           expect("screen.result.title") + "expect TT-\nscreenshot result\n" +
           "tap result.print\nwait receipt\n" + expect("receipt.printed") + "screenshot receipt\n" +
           "tap receipt.more\nwait home\ntap screen.track.title\nwait track\n" + expect("track.instruction_list") + "screenshot track\n" +
           "tap TT-DEMO-0001\n" + expect("track.progress") + "screenshot track-ticket\n" +
           "tap nav.home\nwait home\ntap home.sign_out\nwait goodbye\n" + expect("screen.goodbye.title") + "screenshot goodbye\n" +
           "advance 10\nwait attract\n";
}

// From home: a slow-data fault reported with a preset phrase, no address, no window, while the
// server is down (the script waits for `down` first), up to its result with the local reference.
std::string report_while_down(const Catalog& c, const fs::path& down) {
    // The offline banner first: it moves home's tiles down, and a tap racing it would land where
    // the tile was a frame before.
    return "file " + down.string() + " 60\nexpect " + c.text("offline.banner") + " 30\n"
           "tap screen.report.title\nwait report\ntap report.category.network\ntap report.sub.slowData\n"
           "tap report.phrase.evenings\ntap report.address.none\ntap report.window.none\ntap confirm.yes\n"
           "wait result 60\nexpect L-\n";
}

const char* const kShots[] = {"attract", "identify", "identify-code", "home", "query", "query-bills", "report", "report-contact",
                              "report-confirm", "result", "receipt", "track", "track-ticket", "goodbye"};

int walks_to_run() {
    const char* v = std::getenv("SC_KIOSK_UI_WALKS");
#if defined(SC_UNDER_SANITIZER)
    const int fallback = 2;
#else
    const int fallback = 6;
#endif
    return v != nullptr ? std::max(1, std::atoi(v)) : fallback;
}

}  // namespace

TEST_CASE("every main-path screen is reached in all three languages and both themes, with its text") {
    XvfbDisplay display;
    const auto elder = selfcare::kiosk::elder_theme();
    int walks = walks_to_run();
    for (std::string_view locale : selfcare::kiosk::kLocales) {
        for (bool elder_mode : {false, true}) {
            if (walks-- <= 0) break;
            CAPTURE(locale);
            CAPTURE(elder_mode);
            const Catalog c = catalog(locale);
            ServerProcess server;  // fresh demo data: each walk finds the same tickets
            Kiosk kiosk{display, server, {}};
            std::vector<std::string> extra{"--locale", std::string(locale)};
            if (elder_mode) extra.push_back("--elder");
            const auto run = kiosk.run(main_path(c), extra);
            REQUIRE_MESSAGE(run.exit_code == 0, run.err);
            for (const std::string shot : kShots) {
                CAPTURE(shot);
                const json w = kiosk.widgets(shot);
                CHECK(w["widgets"].size() > 3);
                // Letters of a physical size, whatever font the kiosk found: capitals at least as tall
                // as kiosk.md's sizes give with its reference font (elder body 48 px: 7.3 mm, 0.7° at
                // 600 mm; standard body 32 px: 4.8 mm, ADA's minimum) on the reference panel.
                const double cap_ratio = w.value("cap_height_ratio", 0.0);
                REQUIRE(cap_ratio > 0.3);
                const double min_capitals = selfcare::kiosk::kReferenceCapHeightRatio * (elder_mode ? 48 : 32) - 0.01;
                for (const auto& widget : w["widgets"]) {
                    if (widget["label"].get<std::string>().empty()) continue;  // no text on it
                    CHECK_MESSAGE(widget["font_px"].get<double>() * cap_ratio >= min_capitals, widget["label"].get<std::string>());
                }
                for (const auto& widget : w["widgets"]) {
                    const std::string label = widget["label"];
                    // The customer's number is masked on every screen but the one where they type it.
                    if (std::string(shot) != "identify") CHECK_MESSAGE(label.find("13800138000") == std::string::npos, label);
                    if (!elder_mode) continue;
                    CHECK_MESSAGE(widget["font_px"].get<float>() >= 48.0F, label);
                    if (widget["interactive"].get<bool>()) {
                        CHECK_MESSAGE(widget["w"].get<float>() >= elder.min_target_px, label);
                        CHECK_MESSAGE(widget["h"].get<float>() >= elder.min_target_px, label);
                    }
                }
            }
            CHECK(fs::exists(kiosk.shots() / "printed-receipt.png"));
        }
    }
}

TEST_CASE("an unattended session is warned about, then ends and its data is wiped") {
    XvfbDisplay display;
    ServerProcess server;
    const Catalog c = catalog("zh-CN");
    Kiosk kiosk{display, server, {}};
    const fs::path key = kiosk.data() / "customer" / "customer.key";
    const fs::path go_on = kiosk.dir.path() / "key-read";
    // 90 s of inactivity in standard mode, the spoken warning 30 s before.
    const std::string script = sign_in(c) + "screenshot signed-in\nfile " + go_on.string() + " 60\n" +
                               "advance 65\nexpect " + c.text("idle.warning.title") + "\nscreenshot warning\n"
                               "tap idle.continue\nexpect " + c.text("screen.home.title") + "\n"
                               "advance 95\nwait attract\nscreenshot after-timeout\n"
                               // Signed out: Home from the identify screen leads back to attract.
                               "tap attract.start\nwait identify\ntap nav.home\nwait attract\n";
    const fs::path log = kiosk.dir.path() / "kiosk.log";
    ChildProcess child(kiosk.argv(script, {}), log.string(), kiosk.env());
    REQUIRE_MESSAGE(wait_for_shot(kiosk, child, "signed-in"), read_all(log));
    REQUIRE(fs::exists(key));
    const std::string customer_key = read_all(key);
    std::ofstream(go_on) << "go\n";
    REQUIRE_MESSAGE(child.wait_exit() == 0, read_all(log));
    // auth.logout replaced the customer's store key: what they left behind cannot be read.
    CHECK(read_all(key) != customer_key);
    const std::string after = read_all(kiosk.shots() / "after-timeout.json");
    CHECK(after.find("8000") == std::string::npos);  // not even the masked number is left on screen
}

TEST_CASE("the touch that ends the inactivity warning does not reach the screen below") {
    XvfbDisplay display;
    ServerProcess server;
    const Catalog c = catalog("zh-CN");
    for (bool elder_mode : {false, true}) {
        CAPTURE(elder_mode);
        Kiosk kiosk{display, server, {}};
        const std::vector<std::string> extra = elder_mode ? std::vector<std::string>{"--elder"} : std::vector<std::string>{};
        // Where home's first tile is: the warning covers it, and a customer touches there.
        const auto first = kiosk.run(sign_in(c) + "screenshot home\n", extra);
        REQUIRE_MESSAGE(first.exit_code == 0, first.err);
        float x = -1, y = -1;
        const json home = kiosk.widgets("home");
        for (const auto& w : home["widgets"]) {
            if (w["key"] == "screen.query.title") {
                x = w["x"].get<float>() + w["w"].get<float>() / 2;
                y = w["y"].get<float>() + w["h"].get<float>() / 2;
            }
        }
        REQUIRE_MESSAGE(x > 0, home.dump());
        const std::string touch = "touch " + std::to_string(static_cast<int>(x)) + " " + std::to_string(static_cast<int>(y)) + "\n";
        // Inactive until the warning shows (standard 60 s, elder 150 s), then one touch on the tile's spot.
        const auto second = kiosk.run(sign_in(c) + "advance " + (elder_mode ? "155" : "65") + "\nexpect " +
                                          c.text("idle.warning.title") + "\n" + touch + "frames 5\nabsent " + c.text("idle.warning.title") +
                                          "\nexpect " + c.text("screen.home.title") + "\nscreenshot continued\n",
                                      extra);
        REQUIRE_MESSAGE(second.exit_code == 0, second.err);
        CHECK(kiosk.widgets("continued")["screen"] == "home");
    }
}

TEST_CASE("a fault reported while the network is down gives a receipt with the local reference") {
    XvfbDisplay display;
    ServerProcess server;
    const Catalog c = catalog("zh-CN");
    Kiosk kiosk{display, server, {}};
    const fs::path down = kiosk.dir.path() / "server-down";
    const std::string script = sign_in(c) + "screenshot signed-in\n" + report_while_down(c, down) +
                               "expect " + c.text("receipt.sent_automatically") + "\nexpect " +
                               c.text("offline.banner") + "\nscreenshot result\n"
                               "tap result.print\nwait receipt\nexpect " + c.text("receipt.printed") + " 20\nscreenshot receipt\n";
    const fs::path log = kiosk.dir.path() / "kiosk.log";
    ChildProcess child(kiosk.argv(script, {}), log.string(), kiosk.env());
    REQUIRE_MESSAGE(wait_for_shot(kiosk, child, "signed-in"), read_all(log));
    REQUIRE(server.stop() == 0);
    std::ofstream(down) << "down\n";
    const int code = child.wait_exit();
    REQUIRE_MESSAGE(code == 0, read_all(log));
    const std::string result = read_all(kiosk.shots() / "result.json");
    CHECK(result.find("\"L-") != std::string::npos);
    REQUIRE(fs::exists(kiosk.shots() / "printed-receipt.png"));
    // The receipt's QR code opens the ticket by its local reference.
    const auto qr = run_program({"/usr/bin/zbarimg", "--quiet", "--raw", (kiosk.shots() / "printed-receipt.png").string()});
    if (qr.exit_code != 127) CHECK_MESSAGE(qr.out.find("selfcare://ticket/L-") != std::string::npos, qr.exit_code << qr.out << qr.err);
}

TEST_CASE("each screen speaks, and a touch stops the speech") {
    XvfbDisplay display;
    ServerProcess server;
    Kiosk kiosk{display, server, {}};
    const fs::path wav = kiosk.dir.path() / "speech.wav";
    const auto run = kiosk.run("wait attract 60\nspeaking 15\ntouch 10 1070\nsilent 5\n", {"--speech-wav", wav.string()});
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    // The WAV holds the attract screen's prompt up to the touch: real sound, not silence.
    const std::string bytes = read_all(wav);
    REQUIRE(bytes.size() > 44);
    const auto data = bytes.find("data");
    REQUIRE(data != std::string::npos);
    int peak = 0;
    size_t loud = 0;
    for (size_t i = data + 8; i + 1 < bytes.size(); i += 2) {
        const auto s = static_cast<std::int16_t>(static_cast<std::uint8_t>(bytes[i]) | (static_cast<std::uint8_t>(bytes[i + 1]) << 8));
        peak = std::max(peak, std::abs(static_cast<int>(s)));
        if (std::abs(static_cast<int>(s)) > 500) ++loud;
    }
    CHECK(peak > 2000);
    CHECK(loud > 1000);
}

TEST_CASE("an add-on order and a redemption each show a confirmation summary, then the result") {
    XvfbDisplay display;
    ServerProcess server;
    const Catalog c = catalog("zh-CN");
    Kiosk kiosk{display, server, {}};
    const std::string script = sign_in(c) +
                               "tap screen.order.title\nwait order\ntap 云盘扩容\nexpect " + c.text("order.price") + "\nexpect ¥10.00\n"
                               "screenshot order-quote\ntap confirm.yes\nwait result 20\nexpect " + c.text("order.done") + "\n"
                               "tap result.done\nwait home\n"
                               "tap screen.redeem.title\nwait redeem\nexpect 2680\ntap 积分\nexpect " + c.text("redeem.left") + "\n"
                               "screenshot redeem-confirm\ntap confirm.yes\nwait result 20\nexpect " + c.text("redeem.done") + "\n"
                               "screenshot redeem-result\n";
    const auto run = kiosk.run(script);
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    // Nothing was ordered or redeemed before the customer confirmed: both summaries had Confirm.
    for (const char* shot : {"order-quote", "redeem-confirm"}) {
        CAPTURE(shot);
        CHECK(read_all(kiosk.shots() / (std::string(shot) + ".json")).find("\"confirm.yes\"") != std::string::npos);
    }
}

TEST_CASE("a resolved repair is rated from the tracking screen, which closes it") {
    XvfbDisplay display;
    ServerProcess server;
    const Catalog c = catalog("zh-CN");
    Kiosk kiosk{display, server, {}};
    const std::string script = sign_in(c) + "tap screen.track.title\nwait track\ntap TT-DEMO-0003\nexpect " + c.text("track.rate_prompt") +
                               "\nscreenshot rate\ntap score:5\nexpect " + c.text("track.rated") + "\nexpect " +
                               c.text("track.status.closed") + "\nabsent " + c.text("track.rate_prompt") + "\nscreenshot rated\n";
    const auto run = kiosk.run(script);
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
}

namespace {

// Five quick taps on attract's bare corner open the staff PIN entry.
std::string open_staff_entry() {
    std::string s = "wait attract 60\n";
    for (int i = 0; i < 5; ++i) s += "tap corner:staff\n";
    return s + "wait staff\n";
}

bool any_label_has(const json& shot, const std::string& text) {
    for (const auto& w : shot["widgets"]) {
        if (w["label"].get<std::string>().find(text) != std::string::npos) return true;
    }
    return false;
}

bool has_key(const json& shot, const std::string& key) {
    for (const auto& w : shot["widgets"]) {
        if (w["key"] == key) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("staff open the maintenance screen with the PIN and see the device, the outbox and the last sync") {
    XvfbDisplay display;
    ServerProcess server;
    const Catalog c = catalog("zh-CN");
    Kiosk kiosk{display, server, {}};
    const std::string script = open_staff_entry() + "expect " + c.text("staff.instruction_pin") + "\n" +
                               "type 2468\nscreenshot staff-pin\ntap staff.unlock\n"
                               "expect " + c.format("staff.device", {{"device", "K-DC01"}, {"store", "S-DC01"}}) + "\n"
                               "screenshot staff\ntap staff.sync_now\nscreenshot staff-synced\n"
                               "tap staff.leave\nwait attract\n"
                               // The next visit asks for the PIN again.
                               + open_staff_entry() + "expect " + c.text("staff.instruction_pin") + "\n";
    const auto run = kiosk.run(script);
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    // The PIN was typed as dots; its digits were never on screen nor in the log.
    const json pin = kiosk.widgets("staff-pin");
    CHECK(any_label_has(pin, "●●●●"));
    CHECK_FALSE(any_label_has(pin, "2468"));
    CHECK(run.err.find("2468") == std::string::npos);
    // A fresh kiosk: nothing waits in the outbox, nothing failed, never synced (the SDK records a
    // sync when it delivers something); Sync now with nothing queued changes none of it.
    const std::string outbox = c.format("staff.outbox", {{"pending", "0"}, {"failed", "0"}, {"last_sync", c.text("staff.never")}});
    const json staff = kiosk.widgets("staff");
    CHECK(any_label_has(staff, outbox));
    CHECK(has_key(staff, "staff.sync_now"));
    CHECK(any_label_has(kiosk.widgets("staff-synced"), outbox));
    // No customer data: no phone number, masked or not.
    CHECK_FALSE(any_label_has(staff, "8000"));
    // The receipt printer (a PNG beside the screenshots here) was asked and is ready.
    std::string devices = c.format("staff.devices", {{"speech", "\x01"}, {"printer", c.text("staff.device_ok")}, {"reader", "\x02"}});
    devices = devices.substr(devices.find('\x01') + 1, devices.find('\x02') - devices.find('\x01') - 1);
    CHECK_MESSAGE(any_label_has(staff, devices), devices);
}

// A kiosk whose ESC/POS printer is unplugged: staff see it on the panel before a customer asks
// for a receipt, with the code to report.
TEST_CASE("the staff panel shows an unplugged receipt printer as a fault with its code") {
    XvfbDisplay display;
    ServerProcess server;
    const Catalog c = catalog("zh-CN");
    Kiosk kiosk{display, server, {}};
    const fs::path config = kiosk.dir.path() / "kiosk.json";
    std::ofstream(config) << json{{"printer", {{"kind", "escpos-device"}, {"target", (kiosk.dir.path() / "lp0").string()}}}}.dump();
    const std::string fault = c.format("staff.device_fault", {{"code", "printer.offline"}});
    const std::string script = open_staff_entry() + "type 2468\ntap staff.unlock\nexpect " + fault + " 30\nscreenshot staff\n"
                               "tap staff.leave\nwait attract\n";
    const auto run = kiosk.run(script, {"--config", config.string()});
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    CHECK(any_label_has(kiosk.widgets("staff"), fault));
    CHECK_FALSE(fs::exists(kiosk.dir.path() / "lp0"));  // a device node is never created
}

// The panel's Sync now must actually send: a report queued while the server was down is still
// waiting when staff open the panel, and after Sync now it has reached the server, once.
TEST_CASE("a report queued while the server was down is sent by staff with Sync now") {
    XvfbDisplay display;
    ServerProcess server;
    const Catalog c = catalog("zh-CN");
    Kiosk kiosk{display, server, {}};
    const fs::path down = kiosk.dir.path() / "server-down";
    const fs::path up = kiosk.dir.path() / "server-up";
    const std::string queued =
        c.format("staff.outbox", {{"pending", "1"}, {"failed", "0"}, {"last_sync", c.text("staff.never")}});
    // After the sync the last sync is a time the test cannot know: the text before it.
    std::string sent = c.format("staff.outbox", {{"pending", "0"}, {"failed", "0"}, {"last_sync", "\x01"}});
    sent = sent.substr(0, sent.find('\x01'));
    while (!sent.empty() && sent.back() == ' ') sent.pop_back();
    const std::string script =
        sign_in(c) + "screenshot signed-in\n" + report_while_down(c, down) +
        "tap result.print\nwait receipt\nexpect " + c.text("receipt.printed") + " 20\n"
        "tap receipt.finish\nwait goodbye\nadvance 10\n" +
        open_staff_entry() + "type 2468\ntap staff.unlock\nexpect " + queued + " 30\nscreenshot staff-queued\n"
        "file " + up.string() + " 120\ntap staff.sync_now\nexpect " + sent + " 60\nscreenshot staff-synced\n"
        "tap staff.leave\nwait attract\n";
    const fs::path log = kiosk.dir.path() / "kiosk.log";
    ChildProcess child(kiosk.argv(script, {}), log.string(), kiosk.env());
    REQUIRE_MESSAGE(wait_for_shot(kiosk, child, "signed-in"), read_all(log));
    REQUIRE(server.stop() == 0);
    std::ofstream(down) << "down\n";
    REQUIRE_MESSAGE(wait_for_shot(kiosk, child, "staff-queued"), read_all(log));
    server.restart();
    std::ofstream(up) << "up\n";
    REQUIRE_MESSAGE(child.wait_exit() == 0, read_all(log));

    const json synced = kiosk.widgets("staff-synced");
    CHECK(any_label_has(synced, sent));
    CHECK_FALSE(any_label_has(synced, c.text("staff.never")));  // a sync is now on record
    // The server holds the report made offline exactly once, under the kiosk's local reference.
    ApiClient customer(server);
    REQUIRE(customer.login_customer().status == 201);
    const auto tickets = customer.get("/tmf-api/troubleTicket/v4/troubleTicket?limit=100");
    REQUIRE(tickets.status == 200);
    int offline = 0;
    for (const auto& t : tickets.body) offline += t.value("externalId", "").rfind("L-", 0) == 0 ? 1 : 0;
    CHECK(offline == 1);
}

TEST_CASE("a wrong staff PIN is refused, five lock the entry, and the lockout passes with time") {
    XvfbDisplay display;
    ServerProcess server;
    const Catalog c = catalog("zh-CN");
    Kiosk kiosk{display, server, {}};
    std::string script = open_staff_entry();
    for (int left = 4; left >= 1; --left) {
        script += "type 1357\ntap staff.unlock\nexpect " + c.format("staff.pin_wrong", {{"tries", std::to_string(left)}}) + "\n";
    }
    script += "type 1357\ntap staff.unlock\nexpect " + c.format("staff.locked", {{"minutes", "5"}}) + "\nscreenshot locked\n"
              // Leaving and coming back does not lift the lockout.
              "tap nav.home\nwait attract\n" + open_staff_entry() + "expect " + c.format("staff.locked", {{"minutes", "5"}}) + "\n"
              // Five minutes later (the inactivity timeout has long sent the kiosk back to attract).
              "advance 301\nwait attract\n" + open_staff_entry() + "type 2468\ntap staff.unlock\n"
              "expect " + c.format("staff.device", {{"device", "K-DC01"}, {"store", "S-DC01"}}) + "\n";
    const auto run = kiosk.run(script);
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    // Locked: no keypad to type on, and no way in.
    const json locked = kiosk.widgets("locked");
    CHECK_FALSE(has_key(locked, "staff.unlock"));
    CHECK_FALSE(has_key(locked, "key:2"));
    CHECK_FALSE(any_label_has(locked, "K-DC01"));
}

TEST_CASE("elder mode is one tap on home, and sign-out resets the volume and the mode") {
    XvfbDisplay display;
    ServerProcess server;
    const Catalog c = catalog("zh-CN");
    Kiosk kiosk{display, server, {}};
    auto volume = [&](int level) { return "expect " + c.format("home.volume", {{"level", std::to_string(level)}, {"steps", "5"}}) + "\n"; };
    const std::string script = sign_in(c) + volume(3) + "tap home.louder\n" + volume(4) + "tap home.louder\n" + volume(5) +
                               "tap home.elder\n" + volume(5) + "screenshot home-elder\n"
                               "tap home.sign_out\nwait goodbye\nadvance 10\nwait attract\n" + sign_in(c) + volume(3) +
                               "screenshot home-again\n";
    const auto run = kiosk.run(script);
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    const auto elder = selfcare::kiosk::elder_theme();
    const json on = kiosk.widgets("home-elder");
    CHECK_FALSE(has_key(on, "home.elder"));  // already on: no offer
    for (const auto& widget : on["widgets"]) {
        const std::string label = widget["label"];
        CHECK_MESSAGE(widget["font_px"].get<float>() >= 48.0F, label);
        if (widget["interactive"].get<bool>()) {
            CHECK_MESSAGE(widget["w"].get<float>() >= elder.min_target_px, label);
            CHECK_MESSAGE(widget["h"].get<float>() >= elder.min_target_px, label);
        }
    }
    // The next customer starts in the standard theme, at the default volume, offered elder mode.
    const json again = kiosk.widgets("home-again");
    CHECK(has_key(again, "home.elder"));
}

TEST_CASE("over a slow network the kiosk keeps drawing while an order is on its way, and a double tap orders once") {
    XvfbDisplay display;
    ServerProcess server;
    // Every order (an outbox write) is held for a few seconds, then delivered with its answer:
    // slow, well inside the SDK's timeout. Sign-in, catalogue and quote pass at once.
    ChaosOdds slow_only{};
    slow_only.drop = slow_only.delay = slow_only.reset_before = slow_only.reset_after = 0;
    slow_only.slow = 1.0;
    ChaosProxy proxy(server.port(), std::chrono::milliseconds(4000), 1, slow_only);
    const Catalog c = catalog("zh-CN");
    Kiosk kiosk{display, server, {}, proxy.base_url()};
    const std::string script = sign_in(c) +
                               "tap screen.order.title\nwait order\ntap 云盘扩容\nexpect ¥10.00\n"
                               // A double tap on Confirm: the second lands while the first order is in flight.
                               "tap confirm.yes\npress confirm.yes\n"
                               // The app still draws frames and says why nothing happens yet.
                               "expect " + c.text("wait.title") + "\nframes 5\nscreenshot order-waiting\n"
                               "wait result 30\nexpect " + c.text("order.done") + "\nabsent " + c.text("wait.title") + "\n"
                               "screenshot order-result\n";
    const auto run = kiosk.run(script);
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    // While waiting, the order screen was still there (with its inert Confirm).
    const json waiting = kiosk.widgets("order-waiting");
    CHECK(waiting["screen"] == "order");
    // Exactly one order reached the server: every order passes the proxy as one outbox item
    // (its Idempotency-Key); a second order would be a second item.
    const auto items = proxy.attempts();
    CHECK(items.size() == 1);
    for (const auto& [item, attempts] : items) CHECK_MESSAGE(attempts.size() == 1, item);
}

TEST_CASE("Back steps back one step inside identify, report, order and track, and leaves at the first step") {
    XvfbDisplay display;
    ServerProcess server;
    const Catalog c = catalog("zh-CN");
    Kiosk kiosk{display, server, {}};
    auto expect = [&](const char* key) { return "expect " + c.text(key) + "\n"; };
    auto absent = [&](const char* key) { return "absent " + c.text(key) + "\n"; };
    const std::string script =
        // identify: code -> phone (the number kept) -> code again
        "wait attract 60\ntap attract.start\nwait identify\ntype 13800138000\ntap identify.send_code\n" +
        expect("screen.identify.code_title") + "tap nav.back\n" + expect("screen.identify.instruction") +
        absent("screen.identify.code_title") + "wait identify\ntap identify.send_code\n" + expect("screen.identify.code_title") +
        "type 246810\ntap identify.sign_in\nwait home 20\n"
        // report: category -> sub-category -> Back shows the category tiles again, on the report screen
        "tap screen.report.title\nwait report\ntap report.category.network\n" + expect("report.step.subcategory") +
        "tap nav.back\n" + expect("report.step.category") + absent("report.step.subcategory") + "wait report\n"
        "screenshot report-back\n"
        "tap report.category.network\ntap report.sub.slowData\n" + expect("report.step.description") + "tap nav.back\n" +
        expect("report.step.subcategory") + "tap nav.back\n" + expect("report.step.category") +
        // at the first step Back leaves the screen, as before
        "tap nav.back\nwait home\n"
        // order: quote -> catalogue
        "tap screen.order.title\nwait order\ntap 云盘扩容\n" + expect("order.instruction_confirm") + "tap nav.back\n" +
        expect("order.instruction_pick") + "wait order\ntap nav.back\nwait home\n"
        // track: ticket -> list
        "tap screen.track.title\nwait track\ntap TT-DEMO-0001\n" + expect("track.progress") + "tap nav.back\n" +
        expect("track.instruction_list") + absent("track.progress") + "wait track\ntap nav.back\nwait home\n";
    const auto run = kiosk.run(script);
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    // Back on the sub-category step showed the category tiles again.
    const std::string back = read_all(kiosk.shots() / "report-back.json");
    CHECK(back.find("\"report.category.network\"") != std::string::npos);
    CHECK(back.find("\"report.sub.slowData\"") == std::string::npos);
}

// ---- The on-screen keyboard, FAQ search and itemised bills ---------------------------------

namespace {

// The elder-mode rules every screenshot of these walks is held to: text ≥ 48 px, every target
// at least the smallest elder target (15 mm), and the customer's number never in full.
void check_elder_screen(const json& shot, const selfcare::kiosk::Theme& elder) {
    CHECK(shot["widgets"].size() > 3);
    for (const auto& widget : shot["widgets"]) {
        const std::string label = widget["label"];
        CHECK_MESSAGE(label.find("13800138000") == std::string::npos, label);
        CHECK_MESSAGE(widget["font_px"].get<float>() >= 48.0F, label);
        if (widget["interactive"].get<bool>()) {
            CHECK_MESSAGE(widget["w"].get<float>() >= elder.min_target_px, label);
            CHECK_MESSAGE(widget["h"].get<float>() >= elder.min_target_px, label);
        }
    }
}

// Interactive widgets of a screenshot must not overlap, and keep the elder gap between them
// when they sit side by side or one above the other (the keyboard's keys, the pager).
void check_gaps(const json& shot, float min_gap) {
    std::vector<json> targets;
    for (const auto& w : shot["widgets"]) {
        if (w["interactive"].get<bool>()) targets.push_back(w);
    }
    for (size_t i = 0; i < targets.size(); ++i) {
        for (size_t j = i + 1; j < targets.size(); ++j) {
            const auto& a = targets[i];
            const auto& b = targets[j];
            const float ax = a["x"], ay = a["y"], aw = a["w"], ah = a["h"];
            const float bx = b["x"], by = b["y"], bw = b["w"], bh = b["h"];
            const float gap_x = std::max(bx - (ax + aw), ax - (bx + bw));
            const float gap_y = std::max(by - (ay + ah), ay - (by + bh));
            CHECK_MESSAGE(std::max(gap_x, gap_y) >= min_gap - 0.5F, a["key"].get<std::string>() << " / " << b["key"].get<std::string>());
        }
    }
}

// The month before this one, "YYYY-MM": the demo data's newest bill.
std::string last_month() {
    using namespace std::chrono;
    const year_month_day today{floor<days>(system_clock::now())};
    const year_month ym = year_month{today.year(), today.month()} - months{1};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
    return buf;
}

size_t count_labels(const json& shot, const std::vector<std::string>& labels) {
    size_t n = 0;
    for (const auto& w : shot["widgets"]) {
        for (const auto& l : labels) n += w["label"].get<std::string>() == l ? 1 : 0;
    }
    return n;
}

}  // namespace

TEST_CASE("in elder mode a bill's itemised usage is paged four lines at a time, big and masked") {
    XvfbDisplay display;
    ServerProcess server;
    const Catalog c = catalog("zh-CN");
    const auto elder = selfcare::kiosk::elder_theme();
    Kiosk kiosk{display, server, {}};
    const std::string month = last_month();
    const auto page = [&](int n) { return c.format("nav.page_of", {{"page", std::to_string(n)}, {"pages", "3"}}); };
    const std::string script = sign_in(c) + "tap screen.query.title\nwait query\ntap query.bills\ntap bill:" + month + "\nwait bill\n" +
                               "expect " + c.format("bill.amount_due", {{"month", month}}) + "\nexpect 套餐月费\nexpect " + page(1) +
                               "\nscreenshot bill-1\ntap nav.next_page\nexpect " + page(2) + "\nscreenshot bill-2\n"
                               "tap nav.next_page\nexpect " + page(3) + "\nabsent " + c.text("nav.next_page") + "\nscreenshot bill-3\n"
                               "tap nav.previous_page\nexpect " + page(2) + "\ntap nav.back\nwait query\n";
    const auto run = kiosk.run(script, {"--elder"});
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    const std::vector<std::string> kinds{c.text("bill.kind.voice"), c.text("bill.kind.data"), c.text("bill.kind.sms")};
    size_t lines = 0;
    for (const char* shot : {"bill-1", "bill-2", "bill-3"}) {
        CAPTURE(shot);
        const json w = kiosk.widgets(shot);
        check_elder_screen(w, elder);
        check_gaps(w, elder.gap_px);
        const size_t on_page = count_labels(w, kinds);
        CHECK(on_page >= 1);
        CHECK(on_page <= 4);
        lines += on_page;
        for (const auto& widget : w["widgets"]) {
            // Called numbers show their first three and last four digits only.
            const std::string label = widget["label"];
            int run_of_digits = 0;
            for (char ch : label) {
                run_of_digits = std::isdigit(static_cast<unsigned char>(ch)) ? run_of_digits + 1 : 0;
                CHECK_MESSAGE(run_of_digits < 11, label);
            }
        }
    }
    CHECK(lines == 12);  // the demo month's every usage line, each on exactly one page
    CHECK(read_all(kiosk.shots() / "bill-1.json").find("139****") != std::string::npos);
}

TEST_CASE("a FAQ search typed in pinyin on the elder keyboard finds the broadband article") {
    XvfbDisplay display;
    ServerProcess server;
    const Catalog c = catalog("zh-CN");
    const auto elder = selfcare::kiosk::elder_theme();
    Kiosk kiosk{display, server, {}};
    const std::string script = sign_in(c) + "tap screen.query.title\nwait query\ntap query.faq\nwait faq\n"
                               "expect " + c.text("faq.placeholder") + "\ntype kuandai\nexpect 宽带\nscreenshot faq-keyboard\n"
                               "tap cand:宽带\ntap faq.search\nexpect 宽带断网怎么办\nscreenshot faq-results\n"
                               "tap article:KB-001\nexpect 宽带断网怎么办\nexpect LOS\nscreenshot faq-article\n"
                               "tap faq.back_to_results\ntap faq.search_again\nexpect 宽带\ntap keyboard.clear\n"
                               // Space takes the first candidate, as on a desktop input method.
                               "type xinhao\ntap " + c.text("keyboard.space") + "\ntap faq.search\nexpect 手机没有信号\n";
    const auto run = kiosk.run(script, {"--elder"});
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    for (const char* shot : {"faq-keyboard", "faq-results", "faq-article"}) {
        CAPTURE(shot);
        const json w = kiosk.widgets(shot);
        check_elder_screen(w, elder);
        check_gaps(w, elder.gap_px);
    }
    // Every letter of the keyboard was on the one page the customer saw.
    const std::string keyboard = read_all(kiosk.shots() / "faq-keyboard.json");
    for (char ch = 'a'; ch <= 'z'; ++ch) CHECK(keyboard.find(std::string("\"key:") + ch + "\"") != std::string::npos);
}

namespace {

// What a clock in China (UTC+8, no daylight saving) reads at the server's UTC instant
// "2026-12-08T05:12:25Z": "2026-12-08 13:12". Worked out here without the kiosk's code.
std::string china_clock(const std::string& utc) {
    REQUIRE_MESSAGE(utc.size() >= 20, utc);
    REQUIRE_MESSAGE(utc.back() == 'Z', utc);
    std::tm tm{};
    REQUIRE(strptime(utc.substr(0, 19).c_str(), "%Y-%m-%dT%H:%M:%S", &tm) != nullptr);
    const std::time_t china = timegm(&tm) + 8 * 3600;
    std::tm shown{};
    gmtime_r(&china, &shown);
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%d %H:%M", &shown);
    return out;
}

}  // namespace

TEST_CASE("tracking tells where the engineer's visit stands, with every time by the shop's clock") {
    XvfbDisplay display;
    ServerProcess server;
    const Catalog c = catalog("zh-CN");
    Kiosk kiosk{display, server, {}};
    kiosk.time_zone = "CST-8";  // a kiosk in China; the server speaks UTC

    // The demo repair as the server has it: an engineer assigned, not yet on the way.
    TempDir customer_dir;
    auto customer = selfcare::test::open_sdk_client(customer_dir, server.base_url());
    selfcare::test::sign_in_customer(customer);
    const json planned = selfcare::test::call(customer, "tickets.get", {{"id", "TT-DEMO-0001"}}, SC_OK);
    REQUIRE(planned["workOrder"]["status"] == "assigned");
    const std::string promised_utc = planned["sla"]["resolveBy"];
    const std::string promised = china_clock(promised_utc);
    const std::string as_sent = promised_utc.substr(0, 10) + " " + promised_utc.substr(11, 5);
    const std::string open_it = sign_in(c) + "tap screen.track.title\nwait track\ntap TT-DEMO-0001\n";
    const auto first = kiosk.run(open_it + "expect " + c.text("track.visit_planned") + "\nexpect " + promised + "\nabsent " + as_sent +
                                 "\nabsent " + c.format("track.engineer_eta", {{"time", ""}}) + "\nscreenshot planned\n");
    REQUIRE_MESSAGE(first.exit_code == 0, first.err);

    // The engineer sets off, 25 minutes away: the customer sees when they arrive, by the shop's clock.
    TempDir engineer_dir;
    auto engineer = selfcare::test::open_sdk_client(engineer_dir, server.base_url());
    selfcare::test::call(engineer, "auth.login_staff", {{"staff_id", "E1001"}, {"password", "demo1001"}}, SC_OK);
    selfcare::test::call(engineer, "workorders.update", {{"id", "WO-DEMO-0001"}, {"status", "accepted"}}, SC_OK);
    const json en_route = selfcare::test::call(
        engineer, "workorders.update",
        {{"id", "WO-DEMO-0001"}, {"status", "enRoute"}, {"location", {{"latitude", 39.91}, {"longitude", 116.40}}}, {"eta", 25}}, SC_OK);
    const std::string eta = china_clock(en_route["eta"]);
    const auto second = kiosk.run(open_it + "expect " + c.format("track.engineer_eta", {{"time", eta}}) + "\nabsent " +
                                  c.text("track.visit_planned") + "\nscreenshot en-route\n");
    REQUIRE_MESSAGE(second.exit_code == 0, second.err);

    // On site, the arrival time is past: it says the engineer is there instead.
    selfcare::test::call(engineer, "workorders.update", {{"id", "WO-DEMO-0001"}, {"status", "onSite"}}, SC_OK);
    const auto third = kiosk.run(open_it + "expect " + c.text("track.visit_on_site") + "\nabsent " + eta + "\nscreenshot on-site\n");
    REQUIRE_MESSAGE(third.exit_code == 0, third.err);
}

TEST_CASE("a long typed description keeps Confirm in view in elder mode, and reaches the ticket whole") {
    XvfbDisplay display;
    ServerProcess server;
    const Catalog c = catalog("zh-CN");
    Kiosk kiosk{display, server, {}};
    std::string words;  // 200 characters, the most the keyboard takes: four lines at elder size
    for (int i = 0; i < 20; ++i) words += "2026120" + std::to_string(i % 10) + "98";
    const std::string script = sign_in(c) + "tap screen.report.title\nwait report\ntap report.category.network\ntap report.sub.slowData\n"
                               "tap report.type_it\ntype " + words + "\ntap report.description_done\n"
                               "tap report.address.none\ntap report.window.none\nexpect " + c.text("confirm.yes") + "\nscreenshot confirm\n"
                               "tap confirm.yes\nwait result 20\nexpect TT-\n";
    const auto run = kiosk.run(script, {"--elder"});
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    // The summary shows the start of the words, cut with "…", and Confirm sits inside the screen.
    const json confirm = kiosk.widgets("confirm");
    bool cut = false, button_in_view = false;
    for (const auto& w : confirm["widgets"]) {
        const std::string label = w["label"];
        if (label.find("…") != std::string::npos) cut = true;
        if (w["key"] == "confirm.yes") button_in_view = w["y"].get<float>() + w["h"].get<float>() <= 1080.0F;
    }
    CHECK_MESSAGE(cut, confirm.dump());
    CHECK_MESSAGE(button_in_view, confirm.dump());
    // The ticket holds every character.
    TempDir sdk_dir;
    auto client = selfcare::test::open_sdk_client(sdk_dir, server.base_url());
    selfcare::test::sign_in_customer(client);
    const json tickets = selfcare::test::call(client, "tickets.list", json::object(), SC_OK);
    int found = 0;
    for (const auto& t : tickets.value("items", json::array())) found += t.value("description", "") == words ? 1 : 0;
    CHECK_MESSAGE(found == 1, tickets.dump());
}

TEST_CASE("a fault described on the keyboard reaches the ticket; a too short one is refused clearly") {
    XvfbDisplay display;
    ServerProcess server;
    const Catalog c = catalog("zh-CN");
    Kiosk kiosk{display, server, {}};
    const std::string script = sign_in(c) + "tap screen.report.title\nwait report\ntap report.category.network\ntap report.sub.slowData\n"
                               "tap report.type_it\ntype henman\ntap cand:很慢\ntap report.description_done\n"
                               "tap report.address.none\ntap report.window.none\nexpect 很慢\ntap confirm.yes\n"
                               "expect " + c.text("validation.too_short") + " 20\nexpect 很慢\nscreenshot too-short\n"
                               "tap keyboard.clear\ntype wanshang\ntap cand:晚上\ntype shangwang\ntap cand:上网\ntype henman\ntap " + c.text("keyboard.space") + "\n"
                               "type 3\ntap report.description_done\ntap report.address.none\ntap report.window.none\n"
                               "expect 晚上上网很慢3\ntap confirm.yes\nwait result 20\nexpect TT-\nscreenshot result\n";
    const auto run = kiosk.run(script);
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    // The ticket on the server holds the customer's own words.
    TempDir sdk_dir;
    auto client = selfcare::test::open_sdk_client(sdk_dir, server.base_url());
    selfcare::test::sign_in_customer(client);
    const json tickets = selfcare::test::call(client, "tickets.list", json::object(), SC_OK);
    int found = 0;
    for (const auto& t : tickets.value("items", json::array())) found += t.value("description", "") == "晚上上网很慢3" ? 1 : 0;
    CHECK_MESSAGE(found == 1, tickets.dump());
}
