// SPDX-License-Identifier: Apache-2.0
#include "app/sdk_session.hpp"

#include "app/kiosk_config.hpp"

namespace selfcare::kiosk {

SdkSession::SdkSession(const std::string& server, const std::string& ca_file, const std::string& data_dir,
                       const KioskConfig& config, std::function<void()> wake)
    : wake_(std::move(wake)) {
    Json cfg{{"server", server},
             {"data_dir", data_dir},
             {"device", {{"kind", "kiosk"}, {"id", config.device_id}, {"secret", config.device_secret}, {"store_id", config.store_id}}}};
    if (!ca_file.empty()) cfg["ca_file"] = ca_file;
    client_ = Client::open(cfg);
    events_ = client_.listen([this](const Event& e) {
        if (e.name == "connectivity.changed") offline_ = !e.data.value("online", true);
        if (wake_) wake_();
    });
}

CallOutcome SdkSession::call(std::string_view command, const Json& args) {
    CallOutcome out;
    const CallResult r = client_.call_raw(std::string(command), args.dump(-1, ' ', false, Json::error_handler_t::replace));
    try {
        out.value = r.value();
        out.ok = true;
        out.queued = r.status == SC_E_OFFLINE_QUEUED || out.value.value("queued", false);
        if (out.queued || out.value.value("stale", false)) offline_ = true;
        else if (r.status == SC_OK) offline_ = false;
    } catch (const Error& e) {
        out.error_id = e.id();
        out.field = e.field();
        if (!e.fields().empty()) out.field_error_id = e.fields().front().id;
        if (e.status() == SC_E_NETWORK) offline_ = true;
    }
    return out;
}

CallOutcome SdkSession::request_code(const std::string& msisdn) {
    return call("auth.request_otp", {{"msisdn", msisdn}});
}

CallOutcome SdkSession::login(const std::string& msisdn, const std::string& code) {
    CallOutcome out = call("auth.login", {{"msisdn", msisdn}, {"otp", code}});
    signed_in_ = out.ok;
    return out;
}

void SdkSession::logout() {
    if (!signed_in_) return;
    (void)call("auth.logout");
    signed_in_ = false;
}

}  // namespace selfcare::kiosk
