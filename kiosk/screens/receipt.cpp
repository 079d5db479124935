// SPDX-License-Identifier: Apache-2.0
// Receipt: prints through the printer interface (off the UI thread) and says how it went; a
// printer problem gets its own plain text and the way out (the QR code, staff).
#include "app/app.hpp"
#include "screens/screen.hpp"

namespace selfcare::kiosk {
namespace {

class ReceiptScreen final : public Screen {
public:
    std::string_view id() const override { return "receipt"; }
    std::string_view title_key() const override { return "screen.receipt.title"; }
    std::string_view instruction_key() const override { return "receipt.instruction"; }
    void draw(App& app, Ui& ui) override {
        switch (app.print_state()) {
            case App::PrintState::kPrinting: ui.paragraph(ui.tr("receipt.printing")); break;
            case App::PrintState::kDone: ui.paragraph(ui.tr("receipt.printed")); break;
            case App::PrintState::kFailed: ui.banner(ui.tr(app.print_error())); break;
            case App::PrintState::kIdle: break;
        }
        const Outcome& o = app.outcome();
        if (!o.reference.empty()) ui.figure(ui.tr(o.queued ? "receipt.local_reference" : "receipt.ticket_id"), o.reference);
        if (o.queued) ui.paragraph(ui.tr("receipt.sent_automatically"));
        if (ui.button("receipt.finish", ui.tr("receipt.finish"))) app.go("goodbye");
        if (ui.button("receipt.more", ui.tr("receipt.more"), Style::kSecondary)) app.home();
    }
};

}  // namespace

std::unique_ptr<Screen> make_receipt_screen() { return std::make_unique<ReceiptScreen>(); }

}  // namespace selfcare::kiosk
