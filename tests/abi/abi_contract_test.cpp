// SPDX-License-Identifier: Apache-2.0
// The contract of c-abi.md, tested through selfcare.h and the shared library only: exported
// symbols, config errors, store errors, hostile JSON, async exactly-once, listener removal.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "selfcare/selfcare.h"
#include "selfcare/selfcare.hpp"
#include "support/temp_dir.hpp"

using Json = nlohmann::json;

namespace {

struct Owned {
    char* p = nullptr;
    ~Owned() { sc_free(p); }
    Json json() const { return p ? Json::parse(p) : Json(); }
};

std::string config_for(const selfcare::test::TempDir& dir, const std::string& extra = "") {
    return R"({"data_dir":")" + dir.path().string() + R"(")" + extra + "}";
}

struct Opened {
    sc_client* client = nullptr;
    int status = -1;
    Json error;
    ~Opened() { sc_client_close(client); }
};

std::unique_ptr<Opened> open(const std::string& config) {
    auto o = std::make_unique<Opened>();
    Owned err;
    o->status = sc_client_open(config.c_str(), &o->client, &err.p);
    o->error = err.json();
    return o;
}

}  // namespace

TEST_CASE("the shared library exports exactly the sc_* functions") {
    const std::string cmd = std::string("nm -D --defined-only '") + SC_LIBSELFCARE + "'";
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    std::set<std::string> exported;
    char line[512];
    while (std::fgets(line, sizeof line, p) != nullptr) {
        std::string s(line);
        const auto name = s.substr(s.find_last_of(' ') + 1);
        exported.insert(name.substr(0, name.find_first_of("\n@")));
    }
    ::pclose(p);

    // The header's list: every function declared SC_API in selfcare.h.
    std::set<std::string> declared;
    std::ifstream header(std::string(SC_SOURCE_DIR) + "/sdk/include/selfcare/selfcare.h");
    const std::regex decl(R"(^SC_API\s.*\b(sc_\w+)\s*\()");
    for (std::string l; std::getline(header, l);) {
        if (std::smatch m; std::regex_search(l, m, decl)) declared.insert(m[1]);
    }
    CHECK(declared.size() >= 7);
    CHECK(exported == declared);
}

TEST_CASE("the SONAME follows the ABI version sc_version() reports") {
    CHECK(sc_version() == SC_ABI_VERSION);
    CHECK(std::string(SC_LIBSELFCARE_SONAME) == "libselfcare.so." + std::to_string(sc_version()));
}

TEST_CASE("config errors name the field and open nothing") {
    selfcare::test::TempDir dir;
    auto o = open(R"({"server":"http://example.com"})");
    CHECK(o->status == SC_E_INVALID_ARGUMENT);
    CHECK(o->client == nullptr);
    std::set<std::string> fields;
    for (const auto& f : o->error["error"]["fields"]) fields.insert(f["field"].get<std::string>());
    CHECK(fields == std::set<std::string>{"data_dir", "server"});

    o = open(config_for(dir, R"(,"key":{"provider":"passphrase"},"device":{"kind":"robot"})"));
    CHECK(o->status == SC_E_INVALID_ARGUMENT);
    CHECK(o->error["error"]["field"] == "key.passphrase");
    CHECK(selfcare::test::files_under(dir.path()).empty());

    o = open("not json");
    CHECK(o->error["error"]["code"] == "validation.json");
    sc_client* c = nullptr;
    CHECK(sc_client_open(nullptr, &c, nullptr) == SC_E_INVALID_ARGUMENT);
    CHECK(c == nullptr);
}

TEST_CASE("network timeouts in the config are checked field by field") {
    selfcare::test::TempDir dir;
    auto o = open(config_for(dir, R"(,"network":{"connect_timeout_ms":50,"timeout_ms":"fast"})"));
    CHECK(o->status == SC_E_INVALID_ARGUMENT);
    CHECK(o->client == nullptr);
    std::set<std::string> fields;
    for (const auto& f : o->error["error"]["fields"]) fields.insert(f["field"].get<std::string>());
    CHECK(fields == std::set<std::string>{"network.connect_timeout_ms", "network.timeout_ms"});

    o = open(config_for(dir, R"(,"network":{"timeout_ms":600001})"));
    CHECK(o->error["error"]["field"] == "network.timeout_ms");
    CHECK(o->error["error"]["code"] == "validation.out_of_range");
    o = open(config_for(dir, R"(,"network":[])"));
    CHECK(o->error["error"]["field"] == "network");

    o = open(config_for(dir, R"(,"network":{"connect_timeout_ms":100,"timeout_ms":600000})"));
    CHECK(o->status == SC_OK);
}

TEST_CASE("a wrong passphrase is storage.wrong_key and never a fresh store") {
    selfcare::test::TempDir dir;
    {
        auto o = open(config_for(dir, R"(,"key":{"provider":"passphrase","passphrase":"长辈模式"})"));
        REQUIRE(o->status == SC_OK);
    }
    const auto before = selfcare::test::read_bytes(dir / "selfcare.db");
    auto o = open(config_for(dir, R"(,"key":{"provider":"passphrase","passphrase":"wrong"})"));
    CHECK(o->status == SC_E_STORAGE);
    CHECK(o->error["error"]["code"] == "storage.wrong_key");
    CHECK(o->error.dump().find("长辈模式") == std::string::npos);
    CHECK(selfcare::test::read_bytes(dir / "selfcare.db") == before);
}

TEST_CASE("a key supplied by the app opens its store; another key is storage.wrong_key") {
    selfcare::test::TempDir dir;
    const std::string key(64, 'a');
    const auto supplied = [&](const std::string& hex) {
        return config_for(dir, R"(,"key":{"provider":"supplied","hex":")" + hex + R"("})");
    };
    {
        auto o = open(supplied(key));
        REQUIRE(o->status == SC_OK);
        Owned out;
        CHECK(sc_call(o->client, "sdk.commands", nullptr, &out.p) == SC_OK);
    }
    // The SDK keeps no key file of its own for a supplied key: the app's key store is the only copy.
    CHECK_FALSE(std::filesystem::exists(dir / "keys"));
    const auto before = selfcare::test::read_bytes(dir / "selfcare.db");
    CHECK(open(supplied(key))->status == SC_OK);

    auto o = open(supplied(std::string(64, 'B')));
    CHECK(o->status == SC_E_STORAGE);
    CHECK(o->error["error"]["code"] == "storage.wrong_key");
    CHECK(selfcare::test::read_bytes(dir / "selfcare.db") == before);

    for (const std::string& bad : {std::string(63, 'a'), std::string(64, 'g'), std::string()}) {
        o = open(supplied(bad));
        CHECK(o->status == SC_E_INVALID_ARGUMENT);
        CHECK(o->error["error"]["field"] == "key.hex");
        if (!bad.empty()) CHECK(o->error.dump().find(bad) == std::string::npos);  // never echoed
    }
    o = open(config_for(dir, R"(,"key":{"provider":"supplied"})"));
    CHECK(o->error["error"]["field"] == "key.hex");
}

TEST_CASE("hostile JSON is refused with the field named") {
    selfcare::test::TempDir dir;
    auto o = open(config_for(dir));
    REQUIRE(o->status == SC_OK);
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const std::string huge = R"({"q":")" + std::string(2 << 20, 'a') + R"("})";
    const std::pair<const char*, std::string> cases[] = {
        {"validation.too_deep", deep}, {"validation.too_long", huge},
        {"validation.object", "[1,2]"}, {"validation.json", "{\"a\":1,}"},
    };
    for (const auto& [code, text] : cases) {
        CAPTURE(code);
        Owned out;
        CHECK(sc_call(o->client, "sdk.info", text.c_str(), &out.p) == SC_E_INVALID_ARGUMENT);
        CHECK(out.json()["error"]["code"] == code);
        CHECK(out.json()["error"]["field"] == "args");
    }
}

TEST_CASE("a NULL command is validation.required on command, from sc_call and from sc_call_async alike") {
    // sc_call_async used to turn NULL into "" and answer command.unknown, unlike sc_call.
    selfcare::test::TempDir dir;
    auto o = open(config_for(dir));
    REQUIRE(o->status == SC_OK);
    Owned out;
    CHECK(sc_call(o->client, nullptr, nullptr, &out.p) == SC_E_INVALID_ARGUMENT);
    CHECK(out.json()["error"]["code"] == "validation.required");
    CHECK(out.json()["error"]["field"] == "command");

    struct Answer {
        std::atomic<int> calls{0};
        int status = -1;
        std::string json;
    } answer;
    REQUIRE(sc_call_async(o->client, nullptr, nullptr,
                          [](void* user, int status, const char* json) {
                              auto* a = static_cast<Answer*>(user);
                              a->status = status;
                              a->json = json;
                              a->calls++;
                          },
                          &answer) == SC_OK);
    sc_client_close(o->client);  // waits for the queued call
    o->client = nullptr;
    CHECK(answer.calls.load() == 1);
    CHECK(answer.status == SC_E_INVALID_ARGUMENT);
    CHECK(Json::parse(answer.json) == out.json());
}

TEST_CASE("every catalog entry dispatches and every dispatch is in the catalog") {
    selfcare::test::TempDir dir;
    auto o = open(config_for(dir));
    REQUIRE(o->status == SC_OK);
    Owned out;
    REQUIRE(sc_call(o->client, "sdk.commands", nullptr, &out.p) == SC_OK);
    const Json catalog = out.json()["commands"];
    REQUIRE(catalog.is_array());
    for (const auto& c : catalog) {
        const std::string name = c["name"];
        CAPTURE(name);
        CHECK(c.contains("args"));
        CHECK(c.contains("result"));
        CHECK(c["offline"].is_boolean());
        Owned r;
        sc_call(o->client, name.c_str(), nullptr, &r.p);
        CHECK(r.json().value("/error/code"_json_pointer, std::string()) != "command.unknown");
    }
}

TEST_CASE("async calls complete exactly once, also when the client closes with work queued") {
    selfcare::test::TempDir dir;
    struct Counters {
        std::atomic<int> done{0};
        std::atomic<int> ok{0};
        std::atomic<int> unknown{0};
    } counters;
    {
        auto o = open(config_for(dir));
        REQUIRE(o->status == SC_OK);
        for (int i = 0; i < 50; ++i) {
            REQUIRE(sc_call_async(o->client, i % 2 ? "sdk.info" : "no.such", nullptr,
                                  [](void* user, int status, const char* json) {
                                      auto* c = static_cast<Counters*>(user);
                                      c->done++;
                                      if (status == SC_OK && json != nullptr) c->ok++;
                                      if (status == SC_E_INVALID_ARGUMENT) c->unknown++;
                                  },
                                  &counters) == SC_OK);
        }
    }  // close: queued calls still finish
    CHECK(counters.done.load() == 50);
    CHECK(counters.ok.load() == 25);
    CHECK(counters.unknown.load() == 25);
}

TEST_CASE("concurrent calls on one client from several threads") {
    selfcare::test::TempDir dir;
    auto o = open(config_for(dir));
    REQUIRE(o->status == SC_OK);
    std::vector<std::thread> threads;
    std::atomic<int> good{0};
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 25; ++i) {
                Owned out;
                if (sc_call(o->client, "sdk.info", nullptr, &out.p) == SC_OK) ++good;
            }
        });
    }
    for (auto& t : threads) t.join();
    CHECK(good.load() == 200);
    CHECK(sc_set_listener(o->client, [](void*, const char*) {}, nullptr) == SC_OK);
    CHECK(sc_set_listener(o->client, nullptr, nullptr) == SC_OK);
}

TEST_CASE("removing the listener waits for a callback running on another thread") {
    selfcare::test::TempDir dir;
    // Nothing listens on port 1: the first attempt to reach the server raises connectivity.changed.
    auto o = open(config_for(dir, R"(,"server":"http://127.0.0.1:1")"));
    REQUIRE(o->status == SC_OK);
    struct Gate {
        std::atomic<bool> entered{false}, release{false}, finished{false};
    } gate;
    sc_set_listener(o->client, [](void* user, const char*) {
        auto* g = static_cast<Gate*>(user);
        g->entered = true;
        while (!g->release) std::this_thread::yield();
        g->finished = true;
    }, &gate);
    std::thread caller([&] {
        Owned out;
        sc_call(o->client, "auth.request_otp", R"({"msisdn":"13800138000"})", &out.p);
    });
    while (!gate.entered) std::this_thread::yield();
    std::atomic<bool> removed{false};
    bool finished_before_removed = false;
    std::thread remover([&] {
        sc_set_listener(o->client, nullptr, nullptr);
        finished_before_removed = gate.finished.load();
        removed = true;
    });
    // The callback is still running, so the removal must still be waiting.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK_FALSE(removed.load());
    gate.release = true;
    remover.join();
    caller.join();
    CHECK(removed.load());
    CHECK(finished_before_removed);
}

TEST_CASE("the C++ wrapper owns handles and strings") {
    selfcare::test::TempDir dir;
    selfcare::CallResult err;
    auto bad = selfcare::Client::open("{}", &err);
    CHECK_FALSE(bad);
    CHECK(err.status == SC_E_INVALID_ARGUMENT);
    CHECK(Json::parse(err.json)["error"]["field"] == "data_dir");

    auto client = selfcare::Client::open(config_for(dir), &err);
    REQUIRE(client);
    const auto info = client.call_raw("sdk.info");
    CHECK(info.usable());
    CHECK(Json::parse(info.json)["abi_version"] == SC_ABI_VERSION);

    std::atomic<int> calls{0};
    client.call_async("sdk.info", Json::object(), [&](selfcare::CallResult r) {
        if (r.status == SC_OK) ++calls;
    });
    auto listening = client.listen([](const selfcare::Event&) {});
    listening.reset();
    client = selfcare::Client();  // closes: the queued call has finished
    CHECK(calls.load() == 1);
}
