// SPDX-License-Identifier: Apache-2.0
#include "http/fault_injection.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace selfcare::server {
namespace {

constexpr std::string_view kDropResponse = "drop-response:";
constexpr int kMaxTimes = 1000;

domain::Error bad_fault(std::string why) {
    return domain::invalid_argument({{"--fault", "fault.format", "--fault " + std::move(why)}});
}

// cpp-httplib 0.11 offers no way to drop a connection from a handler. A content provider that
// fails makes it close the connection instead of writing the body, so the client sees a broken
// answer at most, never a complete one.
void cut_off(httplib::Response& res) {
    const std::size_t length = std::max<std::size_t>(res.body.size(), 1);
    const std::string type = res.get_header_value("Content-Type");
    res.body.clear();
    res.headers.erase("Content-Type");
    res.set_content_provider(length, type.empty() ? "application/json" : type,
                             [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
}

}  // namespace

domain::Result<DropResponseFault> parse_fault(std::string_view spec) {
    if (!spec.starts_with(kDropResponse)) return bad_fault("knows only drop-response:METHOD:ROUTE:N");
    std::string_view rest = spec.substr(kDropResponse.size());
    const auto method_end = rest.find(':');
    const auto count_start = rest.rfind(':');
    if (method_end == std::string_view::npos || count_start == method_end) {
        return bad_fault("needs drop-response:METHOD:ROUTE:N");
    }
    DropResponseFault f;
    f.method = std::string(rest.substr(0, method_end));
    f.route = std::string(rest.substr(method_end + 1, count_start - method_end - 1));
    const std::string_view count = rest.substr(count_start + 1);
    const auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), f.times);
    if (ec != std::errc{} || end != count.data() + count.size() || f.times < 1 || f.times > kMaxTimes) {
        return bad_fault("N must be an integer from 1 to " + std::to_string(kMaxTimes));
    }
    if (f.method.empty() || f.method.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos) {
        return bad_fault("METHOD must be an upper-case HTTP method");
    }
    if (!f.route.starts_with("/")) return bad_fault("ROUTE must start with '/'");
    try {
        std::regex check(f.route);
    } catch (const std::regex_error&) {
        return bad_fault("ROUTE is not a valid route pattern");
    }
    return f;
}

FaultInjection::FaultInjection(std::vector<DropResponseFault> faults) : faults_(std::move(faults)) {
    for (const auto& f : faults_) armed_.push_back(Armed{f, std::regex(f.route), f.times});
}

void FaultInjection::install(httplib::Server& server) {
    if (!active()) return;
    for (const auto& f : faults_) {
        std::fprintf(stderr, "fault: TEST FAULT INJECTION ON: the next %d successful answers to %s %s are dropped\n",
                     f.times, f.method.c_str(), f.route.c_str());
    }
    server.set_post_routing_handler(
        [this](const httplib::Request& req, httplib::Response& res) { on_answer(req, res); });
}

void FaultInjection::release_all() {
    {
        std::lock_guard lock(mutex_);
        released_ = true;
    }
    released_cv_.notify_all();
}

void FaultInjection::on_answer(const httplib::Request& req, httplib::Response& res) {
    // Only a 2xx means the write committed; a refused request is answered as usual.
    if (res.status < 200 || res.status > 299) return;
    std::unique_lock lock(mutex_);
    if (released_) return;
    const auto hit = std::find_if(armed_.begin(), armed_.end(), [&](const Armed& a) {
        return a.remaining > 0 && a.fault.method == req.method && std::regex_match(req.path, a.pattern);
    });
    if (hit == armed_.end()) return;
    --hit->remaining;
    // The configured route, not the path: ids stay out of the log.
    std::fprintf(stderr, "fault: dropped the answer to %s %s (%d more to drop)\n", hit->fault.method.c_str(),
                 hit->fault.route.c_str(), hit->remaining);
    released_cv_.wait(lock, [this] { return released_; });
    cut_off(res);
}

}  // namespace selfcare::server
