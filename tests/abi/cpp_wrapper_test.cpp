// SPDX-License-Identifier: Apache-2.0
// The C++ wrapper (selfcare.hpp) as the kiosk and the CLI use it, over libselfcare only: errors
// as exceptions with the error document's fields, queued writes as results, async calls with
// move-only callables, subscriptions (several at once, ended by destruction, ended from inside
// their own callback, outliving the client), and callbacks that throw.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "selfcare/selfcare.hpp"
#include "support/sdk_call.hpp"
#include "support/server_process.hpp"

using namespace selfcare::test;
using selfcare::Json;

namespace {

// Nothing listens on port 1 of the loopback: the first call that needs the server finds it
// unreachable and raises connectivity.changed.
const std::string kNoServer = "http://127.0.0.1:1";

Json config(const TempDir& dir, const std::string& server) {
    return {{"data_dir", dir.path().string()}, {"server", server}};
}

Json fault_report(const std::string& description) {
    return {{"category", "business"}, {"subcategory", "billingDispute"}, {"description", description},
            {"contact", kDemoCustomer}};
}

// The events one subscription received, safe to read while more arrive.
class Received {
public:
    void add(const selfcare::Event& e) {
        std::lock_guard lock(m_);
        names_.push_back(e.name);
        // A queued report's delivery names its local reference; the server's own feed may
        // announce the same ticket again (acknowledged), which is a second, honest event.
        if (e.name == "ticket.updated" && e.data.contains("local_ref")) {
            delivered_.push_back(e.data["local_ref"].get<std::string>());
        }
    }
    int count(const std::string& name) const {
        std::lock_guard lock(m_);
        return static_cast<int>(std::count(names_.begin(), names_.end(), name));
    }
    int total() const {
        std::lock_guard lock(m_);
        return static_cast<int>(names_.size());
    }
    // How many times the delivery of the report queued as `local_ref` was announced.
    int deliveries_of(const std::string& local_ref) const {
        std::lock_guard lock(m_);
        return static_cast<int>(std::count(delivered_.begin(), delivered_.end(), local_ref));
    }
    // Waits (a minute at most: an upper bound, not a measure) until `name` arrived `n` times.
    bool wait_for(const std::string& name, int n) const {
        for (int i = 0; i < 600 && count(name) < n; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        return count(name) >= n;
    }
    // Waits likewise until the delivery of every one of `local_refs` was announced.
    bool wait_for_deliveries(const std::vector<std::string>& local_refs) const {
        const auto all = [&] {
            return std::all_of(local_refs.begin(), local_refs.end(), [&](const auto& r) { return deliveries_of(r) > 0; });
        };
        for (int i = 0; i < 600 && !all(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        return all();
    }

private:
    mutable std::mutex m_;
    std::vector<std::string> names_;
    std::vector<std::string> delivered_;
};

}  // namespace

TEST_CASE("failures are thrown as selfcare::Error carrying the error document's fields") {
    ServerProcess server;
    TempDir dir;
    auto client = selfcare::Client::open(config(dir, server.base_url()));
    REQUIRE(client);

    SUBCASE("one bad argument: the field is named") {
        try {
            client.call("auth.request_otp", {{"msisdn", "12345"}});
            FAIL("a malformed number was accepted");
        } catch (const selfcare::Error& e) {
            CHECK(e.status() == SC_E_INVALID_ARGUMENT);
            CHECK(e.field() == "msisdn");
            CHECK(e.id() == e.document()["error"]["code"]);
            CHECK(e.id().rfind("validation.", 0) == 0);
            CHECK(std::string(e.what()) == e.document()["error"]["message"]);
            CHECK_FALSE(e.retryable());
            CHECK(e.document().dump().find("12345") == std::string::npos);  // the value is not echoed
        }
    }
    SUBCASE("several bad arguments: all are listed, the first is field()") {
        sign_in_customer(client);
        try {
            client.call("tickets.create", {{"category", "network"}, {"subcategory", "billingDispute"},
                                           {"description", "x"}, {"contact", "1"}});
            FAIL("an invalid report was accepted");
        } catch (const selfcare::Error& e) {
            CHECK(e.status() == SC_E_INVALID_ARGUMENT);
            REQUIRE(e.fields().size() == 3);
            CHECK(e.field() == e.fields()[0].field);
            for (const auto& f : e.fields()) {
                CAPTURE(f.field);
                CHECK_FALSE(f.id.empty());
                CHECK_FALSE(f.message.empty());
            }
        }
    }
    SUBCASE("not signed in: an auth error with no field") {
        try {
            client.call("account.summary");
            FAIL("answered without a session");
        } catch (const selfcare::Error& e) {
            CHECK(e.status() == SC_E_UNAUTHENTICATED);
            CHECK(e.id() == "auth.no_session");
            CHECK(e.field().empty());
        }
    }
    SUBCASE("call_raw never throws; CallResult::value() throws the same error") {
        const auto raw = client.call_raw("kb.search", R"({"q":""})");
        CHECK(raw.status == SC_E_INVALID_ARGUMENT);
        CHECK_FALSE(raw.usable());
        try {
            (void)raw.value();
            FAIL("value() of a failure returned");
        } catch (const selfcare::Error& e) {
            CHECK(e.field() == "q");
            CHECK(e.document() == Json::parse(raw.json));
        }
    }
    SUBCASE("arguments that are not UTF-8 are refused before reaching the SDK") {
        try {
            client.call("kb.search", {{"q", std::string("\xff\xfe")}});
            FAIL("bytes that are not UTF-8 were sent");
        } catch (const selfcare::Error& e) {
            CHECK(e.status() == SC_E_INVALID_ARGUMENT);
            CHECK(e.id() == "validation.utf8");
            CHECK(e.field() == "args");
        }
    }
}

TEST_CASE("opening throws for a bad config; an empty client refuses every call") {
    TempDir dir;
    try {
        (void)selfcare::Client::open(Json{{"data_dir", dir.path().string()}, {"key", {{"provider", "passphrase"}}}});
        FAIL("a passphrase key without a passphrase opened");
    } catch (const selfcare::Error& e) {
        CHECK(e.status() == SC_E_INVALID_ARGUMENT);
        CHECK(e.field() == "key.passphrase");
    }
    CHECK(files_under(dir.path()).empty());

    selfcare::Client empty;
    CHECK_FALSE(empty);
    try {
        empty.call("sdk.info");
        FAIL("an empty client answered");
    } catch (const selfcare::Error& e) {
        CHECK(e.field() == "client");
    }
    CHECK_THROWS_AS(empty.call_async("sdk.info", Json::object(), [](selfcare::CallResult) {}), selfcare::Error);
    CHECK_THROWS_AS((void)empty.listen([](const selfcare::Event&) {}), selfcare::Error);

    // The non-throwing form still reports through its out-parameter.
    selfcare::CallResult err;
    auto c = selfcare::Client::open("{}", &err);
    CHECK_FALSE(c);
    CHECK(err.status == SC_E_INVALID_ARGUMENT);
    CHECK(Json::parse(err.json)["error"]["field"] == "data_dir");
}

TEST_CASE("a write accepted offline is a result, not an exception, and is sent later") {
    ServerProcess server;
    TempDir dir;
    auto client = selfcare::Client::open(config(dir, server.base_url()));
    sign_in_customer(client);
    REQUIRE(server.stop() == 0);

    const Json queued = client.call("tickets.create", fault_report("离线时提交的投诉：话费异常"));
    CHECK(queued["queued"] == true);
    const std::string local_ref = queued["id"];
    CHECK(local_ref.rfind("L-", 0) == 0);
    const auto raw = client.call_raw("tickets.create", fault_report("第二张离线投诉：套餐不符").dump());
    CHECK(raw.status == SC_E_OFFLINE_QUEUED);
    CHECK(raw.usable());
    CHECK(raw.value()["queued"] == true);
    CHECK(client.call("sync.status")["pending"] == 2);

    server.restart();
    client.call("sync.now");
    CHECK(client.call("sync.status")["pending"] == 0);
    // Both now carry the server's ids; none is left as a local reference.
    const Json list = client.call("tickets.list");
    REQUIRE(list["items"].size() >= 2);
    for (const auto& t : list["items"]) CHECK(t["id"].get<std::string>().rfind("TT-", 0) == 0);
}

TEST_CASE("call_async takes a move-only callable and runs it once, on an SDK thread") {
    TempDir dir;
    auto client = selfcare::Client::open(Json{{"data_dir", dir.path().string()}});
    std::promise<std::pair<selfcare::CallResult, std::thread::id>> promise;
    auto answer = promise.get_future();
    auto owned = std::make_unique<int>(42);  // makes the lambda move-only
    client.call_async("sdk.info", Json::object(),
                      [p = std::move(promise), owned = std::move(owned)](selfcare::CallResult r) mutable {
                          if (*owned == 42) p.set_value({std::move(r), std::this_thread::get_id()});
                      });
    REQUIRE(answer.wait_for(std::chrono::seconds(60)) == std::future_status::ready);
    const auto [result, thread] = answer.get();
    CHECK(result.status == SC_OK);
    CHECK(result.value()["abi_version"] == SC_ABI_VERSION);
    CHECK(thread != std::this_thread::get_id());

    // Failures arrive as results too; a callback that throws harms nobody; each runs once.
    auto calls = std::make_shared<std::atomic<int>>(0);
    auto failures = std::make_shared<std::atomic<int>>(0);
    for (int i = 0; i < 20; ++i) {
        client.call_async(i % 2 ? "sdk.info" : "no.such.command", Json::object(), [calls, failures](selfcare::CallResult r) {
            ++*calls;
            if (r.status == SC_E_INVALID_ARGUMENT) ++*failures;
            throw std::runtime_error("a bug in the app's callback");
        });
    }
    client = selfcare::Client();  // closing waits for every queued call
    CHECK(calls->load() == 20);
    CHECK(failures->load() == 10);
    CHECK(calls.use_count() == 1);  // every callable was destroyed after its one call
}

TEST_CASE("subscriptions: several at once, ended by destruction or from inside, outliving the client") {
    ServerProcess server;
    TempDir dir;
    auto first = selfcare::Client::open(config(dir, server.base_url()));
    sign_in_customer(first);
    first.call("account.summary");  // cached, for later
    REQUIRE(server.stop() == 0);
    std::vector<std::string> queued;
    for (const char* d : {"离线投诉一：宽带计费有误", "离线投诉二：套餐内容不符", "离线投诉三：积分没有到账"}) {
        const auto created = first.call("tickets.create", fault_report(d));
        CHECK(created["queued"] == true);
        queued.push_back(created["local_ref"].get<std::string>());
    }

    Received a, b;
    std::atomic<int> self_ending_calls{0}, throwing_calls{0}, ended_calls{0};
    auto alive = std::make_shared<int>(0);  // held by b's callable: shows when it is destroyed
    auto sub_a = first.listen([&](const selfcare::Event& e) { a.add(e); });
    std::optional<selfcare::Subscription> sub_b = first.listen([&b, alive](const selfcare::Event& e) { b.add(e); });
    selfcare::Subscription self_ending;
    self_ending = first.listen([&](const selfcare::Event&) {
        ++self_ending_calls;
        self_ending.reset();  // from inside its own callback: must not wait for itself
    });
    auto throwing = first.listen([&](const selfcare::Event&) {
        ++throwing_calls;
        throw std::runtime_error("a bug in the app's listener");
    });
    {
        auto ended = first.listen([&](const selfcare::Event&) { ++ended_calls; });
    }  // destroyed before any event

    // The subscriptions follow the client when it is moved.
    selfcare::Client client = std::move(first);
    server.restart();
    client.call("sync.now");
    REQUIRE(a.wait_for_deliveries(queued));
    REQUIRE(b.wait_for_deliveries(queued));
    // Each subscription heard each delivery exactly once (the event feed may add its own news).
    for (const auto& ref : queued) {
        CAPTURE(ref);
        CHECK(a.deliveries_of(ref) == 1);
        CHECK(b.deliveries_of(ref) == 1);
    }
    CHECK(self_ending_calls.load() == 1);
    CHECK_FALSE(self_ending);
    CHECK(throwing_calls.load() >= 3);  // it kept being called, and the process is still here
    CHECK(ended_calls.load() == 0);

    // A ended subscription hears nothing more: b hears the server go away, a does not.
    sub_a.reset();
    const int a_before = a.total();
    REQUIRE(server.stop() == 0);
    const auto stale = client.call("account.summary");  // finds the server gone
    CHECK(stale["stale"] == true);
    REQUIRE(b.wait_for("connectivity.changed", 2));  // online on restart, offline now
    CHECK(a.total() == a_before);

    // b outlives the client; ending it afterwards is safe and frees its callable.
    client = selfcare::Client();
    CHECK(alive.use_count() == 2);
    sub_b.reset();
    CHECK(alive.use_count() == 1);
}

TEST_CASE("ending a subscription waits for its callback running on another thread") {
    TempDir dir;
    auto client = selfcare::Client::open(config(dir, kNoServer));
    struct Gate {
        std::atomic<bool> entered{false}, release{false}, finished{false};
    } gate;
    auto blocking = client.listen([&](const selfcare::Event&) {
        gate.entered = true;
        while (!gate.release) std::this_thread::yield();
        gate.finished = true;
    });
    std::thread caller([&] { (void)client.call_raw("auth.request_otp", R"({"msisdn":"13800138000"})"); });
    while (!gate.entered) std::this_thread::yield();
    std::atomic<bool> ended{false};
    bool finished_before_ended = false;
    std::thread ender([&] {
        blocking.reset();
        finished_before_ended = gate.finished.load();
        ended = true;
    });
    // The callback is still running, so ending the subscription must still be waiting.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK_FALSE(ended.load());
    gate.release = true;
    ender.join();
    caller.join();
    CHECK(finished_before_ended);
}
