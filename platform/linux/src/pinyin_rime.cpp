// SPDX-License-Identifier: Apache-2.0
#include "platform_linux/pinyin_rime.hpp"

#include <rime_api.h>

#include <system_error>

namespace selfcare::platform_linux {
namespace {

using kiosk::devices::ChineseScript;

class RimePinyin final : public kiosk::devices::PinyinInput {
public:
    RimePinyin(RimeApi* api, RimeSessionId simplified, RimeSessionId traditional)
        : api_(api), simplified_(simplified), traditional_(traditional) {}
    ~RimePinyin() override {
        api_->destroy_session(simplified_);
        api_->destroy_session(traditional_);
        api_->finalize();
    }
    RimePinyin(const RimePinyin&) = delete;
    RimePinyin& operator=(const RimePinyin&) = delete;

    std::vector<std::string> candidates(std::string_view letters, ChineseScript script, std::size_t max) override {
        std::vector<std::string> out;
        if (letters.empty() || max == 0) return out;
        for (char c : letters) {
            if (c < 'a' || c > 'z') return out;  // rime would read digits as candidate picks
        }
        const RimeSessionId s = script == ChineseScript::kTraditional ? traditional_ : simplified_;
        api_->clear_composition(s);
        for (char c : letters) api_->process_key(s, c, 0);
        RimeCandidateListIterator it{};
        if (api_->candidate_list_begin(s, &it)) {
            while (out.size() < max && api_->candidate_list_next(&it)) {
                if (it.candidate.text != nullptr) out.emplace_back(it.candidate.text);
            }
            api_->candidate_list_end(&it);
        }
        // Forget the composition: nothing of what a customer typed stays in the engine.
        api_->clear_composition(s);
        return out;
    }

private:
    RimeApi* api_;
    RimeSessionId simplified_;
    RimeSessionId traditional_;
};

}  // namespace

std::unique_ptr<kiosk::devices::PinyinInput> make_rime_pinyin(const RimeOptions& options,
                                                              const std::function<void(std::string_view)>& log) {
    const auto fail = [&](std::string_view why) -> std::unique_ptr<kiosk::devices::PinyinInput> {
        if (log) log(why);
        return nullptr;
    };
    std::error_code ec;
    if (!std::filesystem::exists(options.shared_data_dir / "luna_pinyin.schema.yaml", ec)) {
        return fail("no Luna Pinyin data (rime-data-luna-pinyin); Chinese input is off");
    }
    std::filesystem::create_directories(options.user_data_dir, ec);
    if (ec) return fail("cannot create the rime user data folder; Chinese input is off");
    RimeApi* api = rime_get_api();
    if (api == nullptr) return fail("librime did not start; Chinese input is off");
    // librime keeps the pointers until finalize(): the strings must outlive the engine's setup.
    static std::string shared_dir, user_dir, log_dir;
    shared_dir = options.shared_data_dir.string();
    user_dir = options.user_data_dir.string();
    log_dir = user_dir;
    RIME_STRUCT(RimeTraits, traits);
    traits.shared_data_dir = shared_dir.c_str();
    traits.user_data_dir = user_dir.c_str();
    traits.log_dir = log_dir.c_str();
    traits.distribution_name = "selfcare";
    traits.distribution_code_name = "selfcare";
    traits.distribution_version = "1";
    traits.app_name = "rime.selfcare";
    traits.min_log_level = 3;  // fatal only: the log must never hold what a customer typed
    static bool set_up = false;
    if (!set_up) {
        api->setup(&traits);  // once per process (it installs the modules and logging)
        set_up = true;
    }
    api->initialize(&traits);
    // A quick check only: the shipped compiled dictionaries are used as they are.
    if (api->start_maintenance(False) == True) api->join_maintenance_thread();
    const RimeSessionId simplified = api->create_session();
    const RimeSessionId traditional = api->create_session();
    if (simplified == 0 || traditional == 0 || !api->select_schema(simplified, "luna_pinyin_simp") ||
        !api->select_schema(traditional, "luna_pinyin_tw")) {
        if (simplified != 0) api->destroy_session(simplified);
        if (traditional != 0) api->destroy_session(traditional);
        api->finalize();
        return fail("the Luna Pinyin schemas did not load; Chinese input is off");
    }
    return std::make_unique<RimePinyin>(api, simplified, traditional);
}

}  // namespace selfcare::platform_linux
