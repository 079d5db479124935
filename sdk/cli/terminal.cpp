// SPDX-License-Identifier: Apache-2.0
#include "terminal.hpp"

#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <iostream>

namespace selfcare::cli {
namespace {

// The terminal settings to put back if the user presses Ctrl-C at a password prompt: a shell
// left without echo is the classic bug of password prompts.
struct termios g_saved_termios;
volatile sig_atomic_t g_echo_off = 0;

void restore_and_reraise(int sig) {
    if (g_echo_off != 0) ::tcsetattr(STDIN_FILENO, TCSANOW, &g_saved_termios);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

// Turns echo off for its lifetime (on a terminal only).
class EchoOff {
public:
    EchoOff() {
        if (!stdin_is_terminal() || ::tcgetattr(STDIN_FILENO, &g_saved_termios) != 0) return;
        struct termios quiet = g_saved_termios;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) ::signal(sig, restore_and_reraise);
        g_echo_off = 1;
        active_ = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff() {
        if (g_echo_off == 0) return;
        if (active_) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved_termios);
        g_echo_off = 0;
        for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) ::signal(sig, SIG_DFL);
        std::cerr << '\n';  // the Enter the user typed was not echoed either
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    bool active_ = false;
};

std::optional<std::string> read_line() {
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

void show_prompt(const std::string& prompt) {
    if (stdin_is_terminal()) std::cerr << prompt << std::flush;
}

}  // namespace

bool stdin_is_terminal() { return ::isatty(STDIN_FILENO) == 1; }
bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

std::optional<std::string> ask(const std::string& prompt) {
    show_prompt(prompt);
    return read_line();
}

std::optional<std::string> ask_secret(const std::string& prompt) {
    show_prompt(prompt);
    EchoOff quiet;
    return read_line();
}

bool confirm(const std::string& question) {
    const auto answer = ask(question + " [y/N] ");
    if (!answer) return false;
    std::string a = *answer;
    a.erase(std::remove_if(a.begin(), a.end(), [](unsigned char c) { return std::isspace(c) != 0; }), a.end());
    std::transform(a.begin(), a.end(), a.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return a == "y" || a == "yes";
}

}  // namespace selfcare::cli
