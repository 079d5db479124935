// SPDX-License-Identifier: Apache-2.0
#include "capi/call_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <string>

#include "domain/iso8601.hpp"
#include "selfcare/selfcare.h"

namespace selfcare::capi {
namespace {

const char* status_name(int status) {
    switch (status) {
        case SC_OK: return "ok";
        case SC_E_INVALID_ARGUMENT: return "invalid_argument";
        case SC_E_UNAUTHENTICATED: return "unauthenticated";
        case SC_E_FORBIDDEN: return "forbidden";
        case SC_E_NOT_FOUND: return "not_found";
        case SC_E_CONFLICT: return "conflict";
        case SC_E_OFFLINE_QUEUED: return "offline_queued";
        case SC_E_NETWORK: return "network";
        case SC_E_SERVER: return "server";
        case SC_E_STORAGE: return "storage";
        default: return "internal";
    }
}

// Names and ids are ASCII identifiers; anything else is replaced rather than written.
std::string identifier(std::string_view s) {
    std::string out;
    for (char c : s.substr(0, 64)) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
        out += ok ? c : '?';
    }
    return out;
}

}  // namespace

CallLog::CallLog(const ClientConfig& cfg, const domain::Clock& clock) : level_(cfg.log_level), clock_(clock) {
    if (level_ == LogLevel::kOff) return;
    if (cfg.log_file.empty()) {
        out_ = stderr;
        return;
    }
    const int fd = ::open(cfg.log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd >= 0) out_ = ::fdopen(fd, "a");
    if (out_ == nullptr) {
        if (fd >= 0) ::close(fd);
        level_ = LogLevel::kOff;
        return;
    }
    owned_ = true;
}

CallLog::~CallLog() {
    if (owned_) std::fclose(out_);
}

void CallLog::command(std::string_view name, int status, std::string_view error_id, std::chrono::microseconds took) {
    const bool failed = status != SC_OK && status != SC_E_OFFLINE_QUEUED;
    if (level_ == LogLevel::kOff || (level_ == LogLevel::kError && !failed)) return;
    std::string text = "call " + identifier(name) + " " + status_name(status);
    if (!error_id.empty()) text += " " + identifier(error_id);
    text += " " + std::to_string(took.count() / 1000) + "ms";
    line(failed ? "error" : "info", text);
}

void CallLog::event(std::string_view name) {
    if (level_ != LogLevel::kInfo) return;
    line("info", "event " + identifier(name));
}

void CallLog::line(const char* level, std::string_view text) {
    const std::string stamp = domain::format_iso8601(clock_.now());
    std::lock_guard lock(mutex_);
    std::fprintf(out_, "%s %s selfcare %.*s\n", stamp.c_str(), level, static_cast<int>(text.size()), text.data());
    std::fflush(out_);
}

}  // namespace selfcare::capi
