// SPDX-License-Identifier: Apache-2.0
// outbox_writer_child PLAN_JSON: an app process that a test kills with SIGKILL at a random moment
// while it writes. PLAN_JSON is {"clients": {NAME: CONFIG, ...}, "steps": [{"client": NAME,
// "command": C, "args": {...}, "ref": R}, ...]}. The child opens every client through the C++
// wrapper as an app does, then runs the steps in order. After a call returns with a usable
// result (SC_OK or SC_E_OFFLINE_QUEUED) it writes "returned R" on its own line to stdout, which
// is a file: once written, that line survives the kill, so the test knows which writes the app
// was told were accepted. Any other result is written as "refused R STATUS ID" and ends the run.
// Nothing else is printed: arguments and results may hold personal data.
#include <unistd.h>

#include <cstdio>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.hpp"

namespace {

// One whole line with a single write(2), unbuffered, so a kill never leaves half of it.
void say(const std::string& line) {
    const std::string text = line + "\n";
    (void)!::write(STDOUT_FILENO, text.data(), text.size());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: outbox_writer_child PLAN_JSON\n");
        return 2;
    }
    const auto plan = nlohmann::json::parse(argv[1], nullptr, false);
    if (!plan.is_object() || !plan.contains("clients") || !plan.contains("steps")) {
        std::fprintf(stderr, "outbox_writer_child: the plan is not {clients, steps}\n");
        return 2;
    }
    std::map<std::string, selfcare::Client> clients;
    for (const auto& [name, config] : plan["clients"].items()) {
        selfcare::CallResult open_error;
        auto client = selfcare::Client::open(config.dump(), &open_error);
        if (!client) {
            say("open " + name + " failed: status " + std::to_string(open_error.status));
            return 1;
        }
        clients.emplace(name, std::move(client));
    }
    say("opened");
    for (const auto& step : plan["steps"]) {
        const std::string ref = step.value("ref", "");
        const auto it = clients.find(step.value("client", ""));
        if (it == clients.end()) {
            say("refused " + ref + " no such client");
            return 1;
        }
        const auto result = it->second.call_raw(step.value("command", ""), step.value("args", nlohmann::json::object()).dump());
        if (!result.usable()) {
            const auto doc = nlohmann::json::parse(result.json, nullptr, false);
            std::string id;
            if (doc.is_object() && doc.contains("error") && doc["error"].is_object()) id = doc["error"].value("code", "");
            say("refused " + ref + " " + std::to_string(result.status) + " " + id);
            return 1;
        }
        say("returned " + ref);
    }
    say("done");
    return 0;
}
