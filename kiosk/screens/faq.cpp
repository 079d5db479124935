// SPDX-License-Identifier: Apache-2.0
// FAQ search, reached from the query screen: words typed on the on-screen keyboard (pinyin gives
// Chinese) → kb.search → the articles found, a page of tiles at a time → one article to read.
// Back on an article returns to the results, on the results to the keyboard with the words kept.
#include "app/app.hpp"
#include "screens/screen.hpp"
#include "ui/keyboard.hpp"

namespace selfcare::kiosk {
namespace {

constexpr std::size_t kMaxQuery = 30;  // code points; the SDK takes up to 100

class FaqScreen final : public Screen {
public:
    std::string_view id() const override { return "faq"; }
    std::string_view title_key() const override { return "screen.faq.title"; }
    std::string_view instruction_key() const override {
        return step_ == Step::kType ? "faq.instruction_type" : step_ == Step::kResults ? "faq.instruction_results" : "faq.instruction_article";
    }
    void enter(App&) override {
        step_ = Step::kType;
        keyboard_.reset();
        error_.clear();
        articles_ = nlohmann::json::array();
        call_.discard();
    }
    bool back(App&) override {
        // Article → results → the keyboard with the words kept → out.
        if (step_ == Step::kType) return false;
        step_ = step_ == Step::kArticle ? Step::kResults : Step::kType;
        error_.clear();
        call_.discard();
        return true;
    }
    void draw(App& app, Ui& ui) override {
        if (auto r = call_.take()) on_found(app, ui, *r);
        switch (step_) {
            case Step::kType: draw_keyboard(app, ui); break;
            case Step::kResults: draw_results(app, ui); break;
            case Step::kArticle: draw_article(app, ui); break;
        }
    }

private:
    enum class Step { kType, kResults, kArticle };

    void draw_keyboard(App& app, Ui& ui) {
        if (!error_.empty()) ui.banner(ui.tr(error_));
        if (!keyboard_.draw(ui, app.keyboard_options(kMaxQuery, "faq.search", "faq.placeholder"))) return;
        if (keyboard_.text().empty()) return;
        // The articles exist in simplified Chinese and English; zh-TW customers read the former.
        call_ = app.run("kb.search", {{"q", keyboard_.text()}, {"locale", app.locale() == "en" ? "en" : "zh-CN"}});
    }

    void on_found(App& app, Ui& ui, const CallOutcome& r) {
        if (!r.ok) {
            error_ = r.field_error_id.empty() ? r.error_id : r.field_error_id;
            app.note_difficulty();
            return;
        }
        error_.clear();
        articles_ = r.value.value("items", nlohmann::json::array());
        go(app, ui, Step::kResults);
    }

    void draw_results(App& app, Ui& ui) {
        ui.paragraph(ui.format("faq.results_for", {{"q", keyboard_.text()}, {"n", std::to_string(articles_.size())}}));
        if (ui.button_row({{"faq.search_again", ui.tr("faq.search_again"), ""}}, Style::kSecondary) == 0) {
            go(app, ui, Step::kType);
            return;
        }
        if (articles_.empty()) {
            ui.paragraph(ui.tr("faq.none"));
            return;
        }
        std::vector<Tile> tiles;
        for (const auto& a : articles_) tiles.push_back({"article:" + a.value("id", ""), a.value("title", ""), ""});
        if (const int hit = ui.tiles("articles", tiles); hit >= 0) {
            article_ = static_cast<std::size_t>(hit);
            go(app, ui, Step::kArticle);
        }
    }

    void draw_article(App& app, Ui& ui) {
        const nlohmann::json& a = articles_[article_];
        ui.title(a.value("title", ""));
        ui.paragraph(a.value("body", ""));
        if (ui.button("faq.back_to_results", ui.tr("faq.back_to_results"), Style::kSecondary)) go(app, ui, Step::kResults);
    }

    void go(App& app, Ui& ui, Step step) {
        step_ = step;
        ui.reset_pages();
        app.speak_screen();
    }

    Step step_ = Step::kType;
    Keyboard keyboard_;
    std::string error_;
    nlohmann::json articles_ = nlohmann::json::array();
    std::size_t article_ = 0;
    PendingCall call_;  // kb.search
};

}  // namespace

std::unique_ptr<Screen> make_faq_screen() { return std::make_unique<FaqScreen>(); }

}  // namespace selfcare::kiosk
