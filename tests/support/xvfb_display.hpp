// SPDX-License-Identifier: Apache-2.0
// A private X display for UI tests: Xvfb on a display number it picks itself (-displayfd, so
// parallel test runs never collide), 1920x1080x24, no TCP. Started in the constructor (waiting
// until it accepts clients, one retry if it fails to start) and killed in the destructor.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <string>

namespace selfcare::test {

class XvfbDisplay {
public:
    XvfbDisplay() {
        if (!start() && !start()) throw std::runtime_error("Xvfb did not start (is the xvfb package installed?)");
    }
    ~XvfbDisplay() { stop(); }
    XvfbDisplay(const XvfbDisplay&) = delete;
    XvfbDisplay& operator=(const XvfbDisplay&) = delete;

    /// ":N", for DISPLAY.
    const std::string& name() const { return name_; }

private:
    bool start() {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) return false;
        const std::string fd_arg = "3";
        pid_ = ::fork();
        if (pid_ == 0) {
            // The write end becomes fd 3, where Xvfb writes the display number once it is ready.
            if (::dup2(fds[1], 3) < 0) _exit(127);
            const int null = ::open("/dev/null", O_WRONLY);
            if (null >= 0) {
                ::dup2(null, STDOUT_FILENO);
                ::dup2(null, STDERR_FILENO);
            }
            ::execlp("Xvfb", "Xvfb", "-displayfd", "3", "-nolisten", "tcp", "-screen", "0", "1920x1080x24", static_cast<char*>(nullptr));
            _exit(127);
        }
        ::close(fds[1]);
        if (pid_ < 0) {
            ::close(fds[0]);
            return false;
        }
        std::string number;
        pollfd p{fds[0], POLLIN, 0};
        while (::poll(&p, 1, 20000) > 0) {
            char c = 0;
            if (::read(fds[0], &c, 1) != 1 || c == '\n') break;
            number.push_back(c);
        }
        ::close(fds[0]);
        if (number.empty()) {
            stop();
            return false;
        }
        name_ = ":" + number;
        return true;
    }

    void stop() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

    pid_t pid_ = -1;
    std::string name_;
};

}  // namespace selfcare::test
