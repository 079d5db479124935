// SPDX-License-Identifier: Apache-2.0
// The PNG receipt as a customer's phone would see it: decoded with libpng, 576 pixels wide,
// ink where the title is, and a QR code that zbarimg (zbar-tools) reads back to the same URL.
#include <doctest/doctest.h>
#include <png.h>
#include <stdio.h>

#include <array>
#include <string>

#include "platform_default/printer_png.hpp"
#include "support/temp_dir.hpp"

using namespace selfcare;
using kiosk::devices::Locale;
using kiosk::devices::Receipt;
using platform_default::PngReceiptOptions;
using platform_default::PngReceiptPrinter;
namespace fs = std::filesystem;

namespace {

struct Decoded {
    int width = 0;
    int height = 0;
    std::vector<png_byte> grey;
    int at(int x, int y) const { return grey[static_cast<std::size_t>(y * width + x)]; }
};

Decoded decode_png(const fs::path& path) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    Decoded out;
    if (png_image_begin_read_from_file(&image, path.c_str()) == 0) return out;
    image.format = PNG_FORMAT_GRAY;
    out.grey.resize(PNG_IMAGE_SIZE(image));
    if (png_image_finish_read(&image, nullptr, out.grey.data(), 0, nullptr) == 0) return out;
    out.width = static_cast<int>(image.width);
    out.height = static_cast<int>(image.height);
    return out;
}

// Share of dark pixels in a rectangle.
double ink(const Decoded& d, int x, int y, int w, int h) {
    int dark = 0;
    for (int row = y; row < y + h; ++row)
        for (int col = x; col < x + w; ++col) dark += d.at(col, row) < 128 ? 1 : 0;
    return static_cast<double>(dark) / (w * h);
}

// What zbarimg reads from the image: the payloads, one per line.
std::string zbar_read(const fs::path& png) {
    const std::string zbarimg = SC_ZBARIMG;
    REQUIRE_MESSAGE(!zbarimg.empty(), "zbarimg not found: install zbar-tools (scripts/install_deps.sh)");
    // stderr dropped: zbar's D-Bus notice is noise here; a failed read shows as a wrong payload.
    const std::string command =
        zbarimg + " --quiet --raw -Sdisable -Sqrcode.enable '" + png.string() + "' 2>/dev/null";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 512> buf{};
    while (std::fgets(buf.data(), static_cast<int>(buf.size()), pipe) != nullptr) out += buf.data();
    ::pclose(pipe);
    return out;
}

Receipt ticket(Locale locale) {
    Receipt r;
    r.locale = locale;
    r.qr_payload = "https://selfcare.example.cn/app/tickets/TT-2024-000123";
    if (locale == Locale::kEn) {
        r.title = "Fault report received";
        r.lines = {{"Ticket", "TT-2024-000123"}, {"Phone", "138****8000"}, {"Received", "2024-05-06 10:30"}};
        r.footer = {"Scan to follow your repair", "Hotline 10086"};
    } else if (locale == Locale::kZhTW) {
        r.title = "故障報修受理單";
        r.lines = {{"工單號", "TT-2024-000123"}, {"手機號", "138****8000"}};
        r.footer = {"掃碼查看處理進度"};
    } else {
        r.title = "故障报修受理单";
        r.lines = {{"工单号", "TT-2024-000123"}, {"手机号", "138****8000"}, {"受理时间", "2024-05-06 10:30"},
                   {"故障描述", "家里的宽带从昨天晚上开始经常断线，路由器指示灯闪红色，重启以后还是一样。"}};
        r.footer = {"扫码查看处理进度", "客服热线 10086"};
    }
    return r;
}

}  // namespace

TEST_CASE("a receipt is a 576-pixel strip with the title inked and a QR code that reads back") {
    for (Locale locale : {Locale::kZhCN, Locale::kEn, Locale::kZhTW}) {
        CAPTURE(kiosk::devices::to_string(locale));
        test::TempDir dir;
        const fs::path png = dir / "receipt.png";
        const Receipt receipt = ticket(locale);
        PngReceiptPrinter printer({png, std::nullopt, 0});
        REQUIRE(printer.print(receipt).ok());
        CHECK_FALSE(fs::exists(png.string() + ".part"));

        const Decoded d = decode_png(png);
        REQUIRE(d.width == platform_default::kReceiptWidthPx);
        CHECK(d.height > 500);
        CHECK(d.height < 2000);

        const auto layout = platform_default::render_receipt(receipt, {png, std::nullopt, 0});
        REQUIRE(layout.ok());
        CHECK(layout->height == d.height);
        const auto qr = layout->qr;
        REQUIRE(qr.width > 200);
        CHECK(qr.x + qr.width <= d.width);
        CHECK(qr.y + qr.height <= d.height);
        // The title band carries ink; the QR area is a mix of dark and light modules inside a
        // white quiet zone.
        CHECK(ink(d, 24, 24, 528, 50) > 0.02);
        CHECK(ink(d, qr.x + qr.width / 8, qr.y + qr.height / 8, qr.width * 3 / 4, qr.height * 3 / 4) > 0.25);
        CHECK(ink(d, qr.x + qr.width / 8, qr.y + qr.height / 8, qr.width * 3 / 4, qr.height * 3 / 4) < 0.75);
        CHECK(ink(d, qr.x, qr.y, qr.width, 8) == 0.0);

        CHECK(zbar_read(png) == receipt.qr_payload + "\n");
    }
}

TEST_CASE("a long description wraps inside the strip instead of running off it") {
    Receipt short_one = ticket(Locale::kZhCN);
    short_one.lines.pop_back();
    const auto a = platform_default::render_receipt(short_one);
    const auto b = platform_default::render_receipt(ticket(Locale::kZhCN));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    // The 38-character description needs two lines under its label: three body lines more.
    CHECK(b->height - a->height >= 3 * 26);
    // Nothing is drawn in the right margin.
    const int w = b->width;
    int dark = 0;
    for (int y = 0; y < b->height; ++y)
        for (int x = w - 20; x < w; ++x) dark += b->pixels[static_cast<std::size_t>(y * w + x)] < 128 ? 1 : 0;
    CHECK(dark == 0);
}

TEST_CASE("a receipt without a QR payload has no QR area; bad receipts are refused") {
    Receipt r = ticket(Locale::kZhCN);
    r.qr_payload.clear();
    const auto image = platform_default::render_receipt(r);
    REQUIRE(image.ok());
    CHECK(image->qr.width == 0);

    r.title.clear();
    CHECK(platform_default::render_receipt(r).error().id == "printer.invalid_receipt");
    r = ticket(Locale::kZhCN);
    r.qr_payload = std::string(3000, 'a');
    CHECK(platform_default::render_receipt(r).error().id == "printer.invalid_receipt");
}

TEST_CASE("a PNG printer whose folder is missing is offline") {
    test::TempDir dir;
    PngReceiptPrinter printer({dir / "missing" / "receipt.png", std::nullopt, 0});
    const auto printed = printer.print(ticket(Locale::kZhCN));
    REQUIRE_FALSE(printed.ok());
    CHECK(printed.error().id == "printer.offline");
    // Its health says so before anyone prints.
    CHECK(printer.health().error().id == "printer.offline");
}

TEST_CASE("a PNG printer's health is ready when its folder takes files, and nothing is written") {
    test::TempDir dir;
    PngReceiptPrinter printer({dir / "receipt.png", std::nullopt, 0});
    CHECK(printer.health().ok());
    CHECK_FALSE(std::filesystem::exists(dir / "receipt.png"));
}
