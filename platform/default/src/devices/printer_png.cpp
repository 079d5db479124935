// SPDX-License-Identifier: Apache-2.0
// The receipt laid out on a 576-pixel strip: a pass that places every line (so the height is
// known), then a pass that draws them. Paragraphs break by the kiosk's CJK line breaker.
#include "platform_default/printer_png.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <utility>
#include <variant>

#include "font_face.hpp"
#include "png_file.hpp"
#include "qr_code.hpp"
#include "text/line_breaker.hpp"
#include "utf8.hpp"

namespace selfcare::platform_default {

namespace {

using kiosk::devices::fail;
using kiosk::devices::Receipt;
using kiosk::devices::Result;
using Text = std::vector<char32_t>;

// [SECTION] Metrics (pixels at 203 dpi: 8 per millimetre)
constexpr int kMargin = 24;
constexpr int kContentWidth = kReceiptWidthPx - 2 * kMargin;
constexpr int kTitlePx = 44;
constexpr int kBodyPx = 26;
constexpr int kFooterPx = 22;
constexpr int kLabelValueGap = 16;
constexpr int kQrTargetPx = 288;  // about 36 mm with its quiet zone: easy for a phone camera
constexpr int kQrQuietModules = 4;

int pitch(const FontFace& face) { return face.pixel_size() * 3 / 2; }

// [SECTION] Line breaking: the kiosk's own CJK rules (kiosk/text/line_breaker.hpp), so paper
// and screen break a paragraph alike.
std::vector<Text> wrap(FontFace& face, const std::string& utf8, int width) {
    const auto measure = [&face](std::string_view piece) {
        return static_cast<float>(face.measure(decode_utf8(piece)));
    };
    std::vector<Text> lines;
    for (const auto& line : kiosk::break_lines(utf8, static_cast<float>(width), measure)) {
        lines.push_back(decode_utf8(line));
    }
    return lines;
}

// [SECTION] Layout
struct TextOp {
    FontFace* face;
    int x;
    int baseline;
    Text text;
};
struct RuleOp {
    int y;
};
struct QrOp {
    int x;
    int y;
    int module_px;
    QrModules modules;
};
using Op = std::variant<TextOp, RuleOp, QrOp>;

struct Faces {
    std::unique_ptr<FontFace> title, body, footer;
};

Result<Faces> open_faces(const Receipt& receipt, const PngReceiptOptions& options) {
    FontSource regular{}, bold{};
    if (options.font_file) {
        regular = bold = FontSource{*options.font_file, options.font_index};
    } else {
        auto r = find_cjk_font(receipt.locale, false);
        if (!r) return r.error();
        auto b = find_cjk_font(receipt.locale, true);
        regular = r.value();
        bold = b ? b.value() : regular;
    }
    auto title = FontFace::open(bold, kTitlePx);
    if (!title) return title.error();
    auto body = FontFace::open(regular, kBodyPx);
    if (!body) return body.error();
    auto footer = FontFace::open(regular, kFooterPx);
    if (!footer) return footer.error();
    return Faces{std::move(title.value()), std::move(body.value()), std::move(footer.value())};
}

class Layout {
public:
    int y = kMargin;
    std::vector<Op> ops;

    enum class Align { kLeft, kCentre, kRight };

    // Each op is built in its place in the vector. Pushing a temporary std::variant instead
    // moves the whole variant, and at -O2 GCC 12 cannot see that the move leaves the inactive
    // TextOp alone: it warned that TextOp's fields "may be used uninitialized" on the QR code's
    // push. Constructing the one alternative directly leaves no such path.
    template <class T>
    void add(T op) {
        ops.emplace_back(std::in_place_type<T>, std::move(op));
    }

    void paragraph(FontFace& face, const std::string& utf8, Align align) {
        for (auto& line : wrap(face, utf8, kContentWidth)) text_line(face, std::move(line), align);
    }

    void label_value(FontFace& face, const std::string& label, const std::string& value) {
        Text l = decode_utf8(label);
        Text v = decode_utf8(value);
        if (face.measure(l) + kLabelValueGap + face.measure(v) <= kContentWidth) {
            const int baseline = y + face.ascent();
            add(TextOp{&face, kMargin, baseline, l});
            add(TextOp{&face, kMargin + kContentWidth - face.measure(v), baseline, v});
            y += pitch(face);
            return;
        }
        // Too long for one line: the label above, then the value on the right if it fits one
        // line, else as a left-aligned paragraph (a ragged right edge reads better than a
        // ragged left one).
        paragraph(face, label, Align::kLeft);
        paragraph(face, value, face.measure(v) <= kContentWidth ? Align::kRight : Align::kLeft);
    }

    void rule() {
        y += 8;
        add(RuleOp{y});
        y += 2 + 14;
    }

    void qr(QrModules modules) {
        const int modules_across = modules.size + 2 * kQrQuietModules;
        const int module_px = std::max(3, kQrTargetPx / modules_across);
        const int side = modules_across * module_px;
        add(QrOp{(kReceiptWidthPx - side) / 2, y, module_px, std::move(modules)});
        y += side + 8;
    }

private:
    void text_line(FontFace& face, Text line, Align align) {
        const int width = face.measure(line);
        const int x = align == Align::kLeft ? kMargin
                      : align == Align::kRight ? kMargin + kContentWidth - width
                                               : (kReceiptWidthPx - width) / 2;
        add(TextOp{&face, x, y + face.ascent(), std::move(line)});
        y += pitch(face);
    }
};

void fill(ReceiptImage& image, int x, int y, int w, int h) {
    for (int row = std::max(0, y); row < std::min(image.height, y + h); ++row) {
        for (int col = std::max(0, x); col < std::min(image.width, x + w); ++col) {
            image.pixels[static_cast<std::size_t>(row) * static_cast<std::size_t>(image.width) +
                         static_cast<std::size_t>(col)] = 0;
        }
    }
}

}  // namespace

Result<ReceiptImage> render_receipt(const Receipt& receipt, const PngReceiptOptions& options) {
    if (receipt.title.empty()) return fail("printer.invalid_receipt", "empty title");
    std::optional<QrModules> qr;
    if (!receipt.qr_payload.empty()) {
        qr = encode_qr(receipt.qr_payload);
        if (!qr) return fail("printer.invalid_receipt", "QR payload longer than a QR code holds");
    }
    auto faces = open_faces(receipt, options);
    if (!faces) return faces.error();
    Faces& f = faces.value();

    Layout layout;
    layout.paragraph(*f.title, receipt.title, Layout::Align::kCentre);
    layout.rule();
    for (const auto& line : receipt.lines) layout.label_value(*f.body, line.label, line.value);
    layout.rule();
    ReceiptImage image;
    if (qr) {
        image.qr.y = layout.y;
        layout.qr(*qr);
    }
    for (const auto& line : receipt.footer) layout.paragraph(*f.footer, line, Layout::Align::kCentre);

    image.width = kReceiptWidthPx;
    image.height = layout.y + kMargin;
    image.pixels.assign(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height), 255);
    for (auto& op : layout.ops) {
        if (auto* t = std::get_if<TextOp>(&op)) {
            t->face->draw(image, t->x, t->baseline, t->text);
        } else if (auto* r = std::get_if<RuleOp>(&op)) {
            fill(image, kMargin, r->y, kContentWidth, 2);
        } else if (auto* q = std::get_if<QrOp>(&op)) {
            const int quiet = kQrQuietModules * q->module_px;
            const int side = (q->modules.size + 2 * kQrQuietModules) * q->module_px;
            image.qr = {q->x, q->y, side, side};
            for (int my = 0; my < q->modules.size; ++my) {
                for (int mx = 0; mx < q->modules.size; ++mx) {
                    if (q->modules.at(mx, my)) {
                        fill(image, q->x + quiet + mx * q->module_px, q->y + quiet + my * q->module_px,
                             q->module_px, q->module_px);
                    }
                }
            }
        }
    }
    return image;
}

PngReceiptPrinter::PngReceiptPrinter(PngReceiptOptions options) : options_(std::move(options)) {}

Result<void> PngReceiptPrinter::print(const Receipt& receipt) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto image = render_receipt(receipt, options_);
    if (!image) return image.error();
    const std::string problem = write_png(image.value(), options_.output);
    if (!problem.empty()) return fail("printer.offline", "cannot write the receipt image: " + problem);
    return kiosk::devices::success();
}

Result<void> PngReceiptPrinter::health() {
    std::lock_guard<std::mutex> lock(mutex_);
    // The image is written beside the output and renamed over it: the folder must take files.
    auto folder = options_.output.parent_path();
    if (folder.empty()) folder = ".";
    if (::access(folder.c_str(), W_OK | X_OK) != 0) {
        return fail("printer.offline", "the receipt folder cannot be written: " + std::string(std::strerror(errno)));
    }
    return kiosk::devices::success();
}

}  // namespace selfcare::platform_default
