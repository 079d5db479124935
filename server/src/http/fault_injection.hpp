// SPDX-License-Identifier: Apache-2.0
// Test-only fault injection (--fault): the server commits a write and then never delivers the
// answer, the way a response lost on the network looks to a client. Clients' retry and
// exactly-once paths are tested against the real server with it. Off unless --fault is given,
// and main.cpp refuses it on anything but a loopback address.
#pragma once

#include <condition_variable>
#include <mutex>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"
#include "http/httplib.hpp"

namespace selfcare::server {

/// "drop-response:METHOD:ROUTE:N": the next N successful (2xx) answers of ROUTE are dropped.
/// ROUTE is a route pattern as `--list-routes` prints it (matched like cpp-httplib does, against
/// the whole path).
struct DropResponseFault {
    std::string method;
    std::string route;
    int times = 0;
};

/// Parses one --fault value. Errors (kInvalidArgument, field "--fault"): an unknown kind, a
/// missing part, a route that is not a valid pattern, N not an integer from 1 to 1000.
domain::Result<DropResponseFault> parse_fault(std::string_view spec);

/// The faults of one server process. Thread-safe: the hook runs on the server's worker threads.
///
/// A dropped answer is held on its worker thread (the write has committed, the client hears
/// nothing) until release_all(); then its body is cut off and the connection closed, so even a
/// client that is still waiting never receives a complete answer.
class FaultInjection {
public:
    explicit FaultInjection(std::vector<DropResponseFault> faults);

    /// True when at least one fault is configured.
    bool active() const { return !faults_.empty(); }

    /// Installs the hook as `server`'s post-routing handler (it runs after a route's handler,
    /// before the answer is written). Does nothing when !active(). `*this` must outlive `server`'s
    /// listening.
    void install(httplib::Server& server);

    /// Lets held answers go (cut off, see above) and holds no more. Call before Server::stop(),
    /// whose worker pool waits for every worker.
    void release_all();

private:
    struct Armed {
        DropResponseFault fault;
        std::regex pattern;
        int remaining = 0;
    };

    /// Decides whether this answer is dropped (counting it) and if so holds it.
    void on_answer(const httplib::Request& req, httplib::Response& res);

    std::vector<DropResponseFault> faults_;
    std::mutex mutex_;
    std::condition_variable released_cv_;
    std::vector<Armed> armed_;
    bool released_ = false;
};

}  // namespace selfcare::server
