// SPDX-License-Identifier: Apache-2.0
// Runs a program to completion as a child process, the way a person or a script runs a command
// line tool: the given text on its stdin (then end of input), its stdout and stderr captured
// separately, its exit code returned. A child still running after `limit` is killed and reported.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace selfcare::test {

struct ProgramRun {
    int exit_code = -1;  ///< the exit status, or 128 + signal when it was killed
    std::string out;     ///< everything it wrote to stdout
    std::string err;     ///< everything it wrote to stderr
    bool timed_out = false;
};

/// Runs `argv` (argv[0] is the program's path) with `input` on stdin and the current
/// environment plus `env` ("NAME=value" entries, which win over inherited ones).
inline ProgramRun run_program(const std::vector<std::string>& argv, const std::string& input = "",
                              const std::vector<std::string>& env = {},
                              std::chrono::seconds limit = std::chrono::seconds(120)) {
    // Everything that allocates happens before fork: the test process has threads.
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<std::string> env_strings;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry(*e);
        bool replaced = false;
        for (const auto& mine : env) replaced = replaced || entry.compare(0, mine.find('=') + 1, mine, 0, mine.find('=') + 1) == 0;
        if (!replaced) env_strings.push_back(entry);
    }
    env_strings.insert(env_strings.end(), env.begin(), env.end());
    std::vector<char*> envp;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);

    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
        throw std::runtime_error("pipe failed");
    }
    // A child that exits without reading all its input must not kill this process with SIGPIPE.
    ::signal(SIGPIPE, SIG_IGN);
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::signal(SIGPIPE, SIG_DFL);  // the child gets the default back (ignored ones survive exec)
        if (::dup2(in[0], STDIN_FILENO) < 0 || ::dup2(out[1], STDOUT_FILENO) < 0 || ::dup2(err[1], STDERR_FILENO) < 0) _exit(127);
        ::execve(args[0], args.data(), envp.data());
        _exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);

    ProgramRun run;
    // Feed stdin while draining stdout and stderr, so a chatty child never blocks on a full pipe.
    std::size_t written = 0;
    int to_child = in[1];
    if (input.empty()) {
        ::close(to_child);
        to_child = -1;
    } else {
        ::fcntl(to_child, F_SETFL, O_NONBLOCK);
    }
    const auto deadline = std::chrono::steady_clock::now() + limit;
    int open_outputs = 2;
    while (open_outputs > 0) {
        std::vector<pollfd> fds{{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
        if (to_child >= 0) fds.push_back({to_child, POLLOUT, 0});
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            run.timed_out = true;
            ::kill(pid, SIGKILL);
            break;
        }
        if (::poll(fds.data(), fds.size(), static_cast<int>(left.count())) < 0) continue;
        for (std::size_t i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            char buf[4096];
            const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                (i == 0 ? run.out : run.err).append(buf, static_cast<std::size_t>(n));
            } else {
                ::close(fds[i].fd);
                (i == 0 ? out[0] : err[0]) = -1;
                --open_outputs;
            }
        }
        if (to_child >= 0 && fds.size() > 2 && fds[2].revents != 0) {
            const ssize_t n = ::write(to_child, input.data() + written, input.size() - written);
            if (n > 0) written += static_cast<std::size_t>(n);
            if (n < 0 || written == input.size()) {  // all sent, or the child closed its stdin
                ::close(to_child);
                to_child = -1;
            }
        }
        // A closed fd is skipped next round by poll (negative fds are ignored).
    }
    for (int fd : {to_child, out[0], err[0]}) {
        if (fd >= 0) ::close(fd);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

}  // namespace selfcare::test
