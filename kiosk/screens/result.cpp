// SPDX-License-Identifier: Apache-2.0
// Result: what the task produced, plainly; offline, that it will be sent automatically.
#include "app/app.hpp"
#include "screens/screen.hpp"

namespace selfcare::kiosk {
namespace {

class ResultScreen final : public Screen {
public:
    std::string_view id() const override { return "result"; }
    std::string_view title_key() const override { return "screen.result.title"; }
    std::string_view instruction_key() const override { return "result.instruction"; }
    void draw(App& app, Ui& ui) override {
        const Outcome& o = app.outcome();
        ui.paragraph(o.title);
        for (const auto& [label, value] : o.lines) ui.figure(label, value);
        if (o.queued) ui.banner(ui.tr("receipt.sent_automatically"));
        const int hit = ui.button_row({{"result.print", ui.tr("result.print"), ""}, {"result.done", ui.tr("result.done"), ""}}, Style::kPrimary);
        if (hit == 0) {
            app.print_receipt();
            app.go("receipt");
        } else if (hit == 1) {
            app.home();
        }
    }
};

}  // namespace

std::unique_ptr<Screen> make_result_screen() { return std::make_unique<ResultScreen>(); }

}  // namespace selfcare::kiosk
