// SPDX-License-Identifier: Apache-2.0
// The `selfcare` tool as a person or a script runs it: the real binary as a child process, with
// a home folder of its own (so no config of the machine's user is read), answers piped to stdin,
// stdout and stderr captured, and the exit code.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/demo_identities.hpp"
#include "support/run_program.hpp"
#include "support/temp_dir.hpp"

namespace selfcare::test {

class Cli {
public:
    /// A tool talking to `server_url` with its data in a fresh folder.
    explicit Cli(std::string server_url) : server_(std::move(server_url)) {}

    /// Runs `selfcare --server URL --data-dir DIR ARGS...` with `input` on stdin.
    ProgramRun run(const std::vector<std::string>& args, const std::string& input = "") const {
        std::vector<std::string> all{"--server", server_, "--data-dir", data_dir().string()};
        all.insert(all.end(), args.begin(), args.end());
        return run_bare(all, input);
    }

    /// Runs `selfcare ARGS...` with nothing added: settings come from the config file or defaults.
    ProgramRun run_bare(const std::vector<std::string>& args, const std::string& input = "") const {
        std::vector<std::string> argv{SC_CLI_BINARY};
        argv.insert(argv.end(), args.begin(), args.end());
        // LANG=C: the tool must still measure Chinese text as two columns a character.
        auto r = run_program(argv, input,
                             {"HOME=" + home_.path().string(), "XDG_CONFIG_HOME=" + config_home().string(),
                              "XDG_DATA_HOME=" + (home_.path() / "share").string(), "LANG=C", "LC_ALL=", "TZ=UTC"});
        CHECK_FALSE(r.timed_out);
        return r;
    }

    /// Signs the demo customer in, piping the sandbox SMS code as a person would type it.
    void sign_in_customer() const {
        const auto r = run({"login", kDemoCustomer}, std::string(kDemoOtp) + "\n");
        CAPTURE(r.err);
        REQUIRE(r.exit_code == 0);
    }

    std::filesystem::path data_dir() const { return home_.path() / "data"; }
    std::filesystem::path config_home() const { return home_.path() / "config"; }
    const std::string& server() const { return server_; }

private:
    TempDir home_;
    std::string server_;
};

/// What a person reading the output would see: stdout then stderr.
inline std::string shown(const ProgramRun& r) { return r.out + r.err; }

/// The tool never shows a full mobile number, nor the code or password that was typed.
inline void check_nothing_secret_shown(const ProgramRun& r) {
    for (const char* secret : {kDemoCustomer, kDemoOtp, kDemoEngineerPassword}) {
        CAPTURE(secret);
        CHECK(shown(r).find(secret) == std::string::npos);
    }
}

/// stdout parsed as JSON (a failed check and null when it is not JSON).
inline nlohmann::json json_out(const ProgramRun& r) {
    auto doc = nlohmann::json::parse(r.out, nullptr, false);
    CAPTURE(r.out);
    CHECK_FALSE(doc.is_discarded());
    return doc.is_discarded() ? nlohmann::json() : doc;
}

}  // namespace selfcare::test
