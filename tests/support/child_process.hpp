// SPDX-License-Identifier: Apache-2.0
// A program run as a child process, for tests that must kill a client mid-write (kill -9 is
// something only another process can do to it). Killed and reaped on destruction, so a failing
// test leaves no process behind.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <string_view>
#include <string>
#include <vector>

namespace selfcare::test {

class ChildProcess {
public:
    /// Starts `args[0]` with `args` as its argv and this process's environment plus `env`
    /// ("NAME=value" each, which win over inherited ones); its stdout and stderr go to `log_path`.
    ChildProcess(const std::vector<std::string>& args, const std::string& log_path,
                 const std::vector<std::string>& env = {}) {
        // Everything that allocates happens before fork: the test process has threads, and the
        // child may only make async-signal-safe calls until exec.
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        std::vector<char*> envp;
        for (char** e = environ; *e != nullptr; ++e) {
            // An inherited entry that `env` sets again is left out: getenv() takes the first.
            const std::string_view entry(*e);
            bool replaced = false;
            for (const auto& mine : env) {
                const auto name = mine.substr(0, mine.find('=') + 1);
                replaced = replaced || entry.substr(0, name.size()) == name;
            }
            if (!replaced) envp.push_back(*e);
        }
        for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
        envp.push_back(nullptr);
        const int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (log < 0) throw std::runtime_error("cannot open the child's log");
        pid_ = ::fork();
        if (pid_ == 0) {
            if (::dup2(log, STDOUT_FILENO) < 0 || ::dup2(log, STDERR_FILENO) < 0) _exit(127);
            ::execve(argv[0], argv.data(), envp.data());
            _exit(127);
        }
        ::close(log);
        if (pid_ < 0) throw std::runtime_error("fork failed");
    }
    ~ChildProcess() { kill_hard(); }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    /// True while the child has not exited (it is reaped here if it has).
    bool running() {
        if (pid_ <= 0) return false;
        if (::waitpid(pid_, &status_, WNOHANG) == pid_) pid_ = -1;
        return pid_ > 0;
    }

    /// Waits for the child to exit by itself and returns its exit code (128 + signal if killed).
    int wait_exit() {
        if (pid_ > 0) {
            ::waitpid(pid_, &status_, 0);
            pid_ = -1;
        }
        return WIFEXITED(status_) ? WEXITSTATUS(status_) : 128 + WTERMSIG(status_);
    }

    /// Sends SIGKILL and reaps the child. Returns true when the child was still running, i.e.
    /// it died of this signal rather than having finished before.
    bool kill_hard() {
        if (pid_ <= 0) return false;
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status_, 0);
        pid_ = -1;
        return WIFSIGNALED(status_) && WTERMSIG(status_) == SIGKILL;
    }

private:
    pid_t pid_ = -1;
    int status_ = 0;
};

}  // namespace selfcare::test
