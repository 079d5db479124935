// SPDX-License-Identifier: Apache-2.0
// The ESC/POS printer: the byte stream a thermal printer would get (GB18030 title, a
// well-formed native QR command, the cut), receipts appended to a file, an unplugged printer,
// and a printer played by the test on a pseudo-terminal that answers the paper-sensor query.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>

#include "platform_linux/escpos_receipt.hpp"
#include "platform_linux/headset_jack.hpp"
#include "platform_linux/printer_escpos.hpp"
#include "support/temp_dir.hpp"

using namespace selfcare;
using kiosk::devices::Locale;
using kiosk::devices::Receipt;
using platform_linux::EscPosPrinter;
using platform_linux::EscPosPrinterOptions;

namespace {

const std::string kQrUrl = "https://selfcare.example.cn/app/tickets/TT-2024-000123";

Receipt fault_ticket_zh() {
    Receipt r;
    r.title = "故障报修受理单";
    r.lines = {{"工单号", "TT-2024-000123"}, {"手机号", "138****8000"}, {"受理时间", "2024-05-06 10:30"}};
    r.qr_payload = kQrUrl;
    r.footer = {"扫码查看处理进度", "客服热线 10086"};
    r.locale = Locale::kZhCN;
    return r;
}

std::string bytes(std::initializer_list<int> values) {
    std::string out;
    for (int v : values) out += static_cast<char>(v);
    return out;
}

// One GS ( k command for the QR symbol, as parsed from the stream.
struct QrCommand {
    int fn;
    std::string params;
};

std::vector<QrCommand> qr_commands(const std::string& stream) {
    std::vector<QrCommand> out;
    const std::string head = bytes({0x1D, '(', 'k'});
    for (auto at = stream.find(head); at != std::string::npos; at = stream.find(head, at + 1)) {
        REQUIRE(at + 7 <= stream.size());
        const auto len = static_cast<std::size_t>(static_cast<unsigned char>(stream[at + 3])) +
                         256 * static_cast<std::size_t>(static_cast<unsigned char>(stream[at + 4]));
        REQUIRE(len >= 2);
        REQUIRE(at + 5 + len <= stream.size());
        CHECK(stream[at + 5] == 49);  // cn: QR code
        out.push_back({stream[at + 6], stream.substr(at + 7, len - 2)});
    }
    return out;
}

// A pseudo-terminal in raw mode: the printer opens the slave as its device node and the test
// is the printer at the master end.
class FakePrinterPort {
public:
    FakePrinterPort() {
        master_ = ::posix_openpt(O_RDWR | O_NOCTTY);
        REQUIRE(master_ >= 0);
        REQUIRE(::grantpt(master_) == 0);
        REQUIRE(::unlockpt(master_) == 0);
        path_ = ::ptsname(master_);
        // Raw, so ESC/POS bytes pass untouched (no echo, no CR/LF mapping, 0x04 is not EOF).
        // Keeping one slave descriptor open keeps the settings.
        slave_ = ::open(path_.c_str(), O_RDWR | O_NOCTTY);
        REQUIRE(slave_ >= 0);
        termios t{};
        REQUIRE(::tcgetattr(slave_, &t) == 0);
        ::cfmakeraw(&t);
        REQUIRE(::tcsetattr(slave_, TCSANOW, &t) == 0);
    }
    ~FakePrinterPort() {
        ::close(slave_);
        ::close(master_);
    }
    const std::string& path() const { return path_; }

    // What the printer side receives, until `count` bytes or `quiet_ms` without any.
    std::string receive(std::size_t count, int quiet_ms = 5000) {
        std::string got;
        char buf[4096];
        while (got.size() < count) {
            pollfd p{master_, POLLIN, 0};
            if (::poll(&p, 1, quiet_ms) <= 0) break;
            const ssize_t n = ::read(master_, buf, sizeof buf);
            if (n <= 0) break;
            got.append(buf, static_cast<std::size_t>(n));
        }
        return got;
    }
    void send(unsigned char byte) { REQUIRE(::write(master_, &byte, 1) == 1); }

private:
    int master_ = -1;
    int slave_ = -1;
    std::string path_;
};

}  // namespace

TEST_CASE("a Chinese receipt becomes ESC/POS with the GB18030 title, a native QR code and a cut") {
    const auto encoded = platform_linux::encode_escpos(fault_ticket_zh());
    REQUIRE(encoded.ok());
    const std::string& s = encoded.value();

    CHECK(s.rfind(bytes({0x1B, '@', 0x1C, '&'}), 0) == 0);  // initialise, Chinese mode
    // 故障报修受理单 in GB18030, after bold and double size.
    const std::string title = bytes({0xB9, 0xCA, 0xD5, 0xCF, 0xB1, 0xA8, 0xD0, 0xDE, 0xCA, 0xDC, 0xC0, 0xED, 0xB5, 0xA5});
    const auto title_at = s.find(title);
    REQUIRE(title_at != std::string::npos);
    const auto styled = s.find(bytes({0x1B, 'E', 1, 0x1D, '!', 0x11}));
    CHECK(styled < title_at);
    CHECK(s.find("故障") == std::string::npos);  // no UTF-8 left
    CHECK(s.find("TT-2024-000123") != std::string::npos);

    const auto qr = qr_commands(s);
    REQUIRE(qr.size() == 5);
    CHECK(qr[0].fn == 65);
    CHECK(qr[0].params == bytes({50, 0}));  // model 2
    CHECK(qr[1].fn == 67);                  // module size
    CHECK(qr[2].fn == 69);
    CHECK(qr[2].params == bytes({49}));     // error correction M
    CHECK(qr[3].fn == 80);
    CHECK(qr[3].params == "0" + kQrUrl);    // m = 48, then the payload as is
    CHECK(qr[4].fn == 81);
    CHECK(qr[4].params == "0");

    CHECK(s.substr(s.size() - 4) == bytes({0x1D, 'V', 66, 0}));  // cut last
}

TEST_CASE("label and value share one 48-column line, or the value moves to its own") {
    Receipt r;
    r.title = "Receipt";
    r.lines = {{"Amount", "123.45 yuan"}, {"本地参考号", "LR-0001"},
               {"Address", std::string(45, 'x')}};
    r.locale = Locale::kEn;
    const auto encoded = platform_linux::encode_escpos(r);
    REQUIRE(encoded.ok());
    const std::string& s = encoded.value();
    CHECK(s.find("Amount" + std::string(48 - 6 - 11, ' ') + "123.45 yuan\n") != std::string::npos);
    // 本地参考号 is 5 double-width characters: 10 columns.
    const std::string ref = bytes({0xB1, 0xBE, 0xB5, 0xD8, 0xB2, 0xCE, 0xBF, 0xBC, 0xBA, 0xC5});
    CHECK(s.find(ref + std::string(48 - 10 - 7, ' ') + "LR-0001\n") != std::string::npos);
    CHECK(s.find("Address\n   " + std::string(45, 'x') + "\n") != std::string::npos);
}

TEST_CASE("receipts the printer cannot carry are refused before anything is sent") {
    Receipt r = fault_ticket_zh();
    r.title.clear();
    CHECK(platform_linux::encode_escpos(r).error().id == "printer.invalid_receipt");
    r = fault_ticket_zh();
    r.qr_payload = std::string(platform_linux::kMaxQrPayloadBytes + 1, 'a');
    CHECK(platform_linux::encode_escpos(r).error().id == "printer.invalid_receipt");
    r = fault_ticket_zh();
    r.lines.push_back({"bad", std::string("\xFF\xFE", 2)});  // not UTF-8
    CHECK(platform_linux::encode_escpos(r).error().id == "printer.invalid_receipt");
    // A long QR payload (length byte >= 0x80) is still encoded as bytes.
    r = fault_ticket_zh();
    r.qr_payload = kQrUrl + "?" + std::string(200, 'q');
    const auto long_qr = platform_linux::encode_escpos(r);
    REQUIRE(long_qr.ok());
    CHECK(qr_commands(long_qr.value())[3].params == "0" + r.qr_payload);
}

TEST_CASE("a file target gets each receipt appended, an offline ticket's local reference included") {
    test::TempDir dir;
    EscPosPrinter printer({dir / "spool" , EscPosPrinterOptions::Kind::kFile, {}, {}, {}});
    Receipt offline = fault_ticket_zh();
    offline.lines = {{"本地参考号", "LR-7F3A-0001"}, {"状态", "网络恢复后自动提交"}};
    offline.qr_payload = "https://selfcare.example.cn/app/tickets/local/LR-7F3A-0001";
    REQUIRE(printer.print(fault_ticket_zh()).ok());
    REQUIRE(printer.print(offline).ok());
    const std::string spool = test::read_bytes(dir / "spool");
    CHECK(spool == platform_linux::encode_escpos(fault_ticket_zh()).value() +
                       platform_linux::encode_escpos(offline).value());
    CHECK(spool.find("LR-7F3A-0001") != std::string::npos);
}

TEST_CASE("an unplugged printer is offline and no device node is created") {
    test::TempDir dir;
    EscPosPrinter printer({dir / "lp0", EscPosPrinterOptions::Kind::kDevice, {}, {}, {}});
    const auto printed = printer.print(fault_ticket_zh());
    REQUIRE_FALSE(printed.ok());
    CHECK(printed.error().id == "printer.offline");
    CHECK(printer.health().error().id == "printer.offline");
    CHECK_FALSE(std::filesystem::exists(dir / "lp0"));
}

TEST_CASE("a file target's health: appendable or creatable is ready, and nothing is created") {
    test::TempDir dir;
    EscPosPrinter spool({dir / "spool", EscPosPrinterOptions::Kind::kFile, {}, {}, {}});
    CHECK(spool.health().ok());
    CHECK_FALSE(std::filesystem::exists(dir / "spool"));
    REQUIRE(spool.print(fault_ticket_zh()).ok());
    const std::string printed = test::read_bytes(dir / "spool");
    CHECK(spool.health().ok());
    CHECK(test::read_bytes(dir / "spool") == printed);  // asking appended nothing
    EscPosPrinter nowhere({dir / "missing" / "spool", EscPosPrinterOptions::Kind::kFile, {}, {}, {}});
    CHECK(nowhere.health().error().id == "printer.offline");
}

TEST_CASE("a printer device is asked for paper first") {
    FakePrinterPort port;
    EscPosPrinterOptions options{port.path(), EscPosPrinterOptions::Kind::kDevice, {},
                                 std::chrono::milliseconds(2000), std::chrono::milliseconds(5000)};
    EscPosPrinter printer(options);
    const std::string receipt = platform_linux::encode_escpos(fault_ticket_zh()).value();
    const std::string query = bytes({0x10, 0x04, 0x04});

    SUBCASE("paper out: refused, only the query was sent") {
        std::optional<kiosk::devices::Result<void>> printed;
        std::thread kiosk([&] { printed.emplace(printer.print(fault_ticket_zh())); });
        CHECK(port.receive(query.size()) == query);
        port.send(0x72);  // fixed bits 0x12 + roll end 0x60
        kiosk.join();
        REQUIRE(printed.has_value());
        CHECK(printed->error().id == "printer.paper_out");
        CHECK(port.receive(1, 200).empty());
    }
    SUBCASE("paper present: the whole receipt arrives") {
        std::optional<kiosk::devices::Result<void>> printed;
        std::thread kiosk([&] { printed.emplace(printer.print(fault_ticket_zh())); });
        CHECK(port.receive(query.size()) == query);
        port.send(0x12);
        CHECK(port.receive(receipt.size()) == receipt);
        kiosk.join();
        REQUIRE(printed.has_value());
        CHECK(printed->ok());
    }
    SUBCASE("health: paper out is told, paper present is ready; only the query is sent") {
        for (const int answer : {0x72, 0x12}) {
            std::optional<kiosk::devices::Result<void>> health;
            std::thread staff([&] { health.emplace(printer.health()); });
            CHECK(port.receive(query.size()) == query);
            port.send(static_cast<unsigned char>(answer));
            staff.join();
            REQUIRE(health.has_value());
            if (answer == 0x72) {
                CHECK(health->error().id == "printer.paper_out");
            } else {
                CHECK(health->ok());
            }
            CHECK(port.receive(1, 200).empty());  // no receipt, no cut
        }
    }
    SUBCASE("a printer that never answers the query is printed to anyway") {
        EscPosPrinterOptions quick = options;
        quick.status_timeout = std::chrono::milliseconds(100);
        EscPosPrinter mute(quick);
        std::optional<kiosk::devices::Result<void>> printed;
        std::thread kiosk([&] { printed.emplace(mute.print(fault_ticket_zh())); });
        CHECK(port.receive(query.size() + receipt.size()) == query + receipt);
        kiosk.join();
        REQUIRE(printed.has_value());
        CHECK(printed->ok());
    }
}

TEST_CASE("no headset is reported where there is no jack switch") {
    test::TempDir dir;
    CHECK_FALSE(platform_linux::headset_jack_inserted(dir.path()));
    CHECK_FALSE(platform_linux::headset_jack_inserted(dir / "missing"));
    test::write_bytes(dir / "event0", "not a device");
    CHECK_FALSE(platform_linux::headset_jack_inserted(dir.path()));
}
