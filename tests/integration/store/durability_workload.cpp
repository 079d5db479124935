// SPDX-License-Identifier: Apache-2.0
#include "durability_workload.hpp"

#include <nlohmann/json.hpp>

#include "platform_default/file_key_store.hpp"
#include "store/store.hpp"
#include "support/manual_clock.hpp"

namespace selfcare::test {
namespace {

using nlohmann::json;

// Write `i` of the workload: reports, orders and work-order updates in turn. A report's text is
// long enough that a few of them fill pages, so commits and checkpoints move several pages.
WorkloadWrite write_number(int i) {
    const std::string ref = "W-" + std::to_string(i);
    switch (i % 3) {
        case 0:
            return {ref, "tickets.create",
                    json{{"ref", ref}, {"category", "network"}, {"externalId", "L-" + ref},
                         {"description", "宽带断网，光猫 LOS 灯闪红灯，第 " + std::to_string(i) + " 次报障。" + std::string(300, 'x')}}
                        .dump(),
                    true};
        case 1:
            return {ref, "orders.place", json{{"ref", ref}, {"quoteId", "Q-" + std::to_string(i)}}.dump(), false};
        default:
            return {ref, "workorders.update",
                    json{{"ref", ref}, {"id", "WO-0000000001"}, {"state", "accepted"}, {"note", "到达现场 " + std::to_string(i)}}.dump(),
                    false};
    }
}

// One write through the store, as the flows make it: a report's ticket and outbox row in one
// transaction, the other commands as a single insert.
bool write_one(store::Store& s, const WorkloadWrite& w, const domain::Clock& clock, WorkloadLog& log) {
    domain::Result<void> r = domain::success();
    if (w.with_ticket) {
        r = s.transaction([&]() -> domain::Result<void> {
            const auto now = clock.now();
            if (auto p = s.put_record(store::RecordKind::kTicket, {"L-" + w.ref, "acknowledged", now, w.payload, now}); !p) return p;
            if (auto e = s.enqueue(w.command, w.payload); !e) return e.error();
            return domain::success();
        });
    } else {
        auto e = s.enqueue(w.command, w.payload);
        if (!e) r = e.error();
    }
    if (!r) ++log.error_ids[r.error().id];
    return r.ok();
}

// Delivery of `ref`: its outbox row leaves in one commit with the sync state, as sync_flow does.
bool deliver_one(store::Store& s, const std::string& ref, const domain::Clock& clock, WorkloadLog& log) {
    auto r = s.transaction([&]() -> domain::Result<void> {
        auto all = s.outbox();
        if (!all) return all.error();
        for (const auto& e : *all) {
            if (json::parse(e.payload).value("ref", "") != ref) continue;
            if (auto rm = s.outbox_remove(e.seq); !rm) return rm;
            return s.put_cache_entry("sync.status", R"({"last_success":"now"})", clock.now());
        }
        return domain::success();  // not there (its write failed): nothing to deliver
    });
    if (!r) ++log.error_ids[r.error().id];
    return r.ok();
}

}  // namespace

WorkloadLog run_workload(const std::filesystem::path& db, const std::filesystem::path& key_file, const std::string& vfs,
                         const AfterCall& after_call, const std::function<void()>& before_call) {
    WorkloadLog log;
    ManualClock clock{test_epoch()};
    platform_default::FileKeyStore keys(key_file);
    int next = 0;
    // Two sessions, as two starts of the app: the second opens what the first left (and the
    // first's close checkpointed the log into the database file).
    int session = 0;
    for (const int writes : {8, 6}) {
        before_call();
        auto opened = store::Store::open(db, keys, clock, {}, vfs);
        after_call(log, "open " + std::to_string(++session), opened.ok());
        if (!opened) {
            ++log.failed_opens;
            ++log.error_ids[opened.error().id];
            for (int k = 0; k < writes; ++k) log.attempted.push_back(write_number(next++));  // never tried
            continue;
        }
        store::Store& s = **opened;
        for (int k = 0; k < writes; ++k) {
            const auto w = write_number(next++);
            log.attempted.push_back(w);
            before_call();
            const bool ok = write_one(s, w, clock, log);
            (ok ? log.returned : log.failed).insert(w.ref);
            after_call(log, w.ref, ok);
            if (k == 4) {
                // The first write of this session was delivered meanwhile.
                const std::string first = log.attempted[log.attempted.size() - 5].ref;
                before_call();
                const bool removed = deliver_one(s, first, clock, log);
                (removed ? log.removed : log.remove_failed).insert(first);
                after_call(log, "remove " + first, removed);
            }
        }
        clock.advance(std::chrono::seconds(30));
        // The oldest entry could not be sent: it waits for a retry.
        before_call();
        auto due = s.outbox_due(1);
        bool retried = due.ok();
        if (!due) ++log.error_ids[due.error().id];
        if (due && !due->empty()) {
            auto r = s.outbox_retry_later((*due)[0].seq, "network.unreachable", clock.now() + std::chrono::seconds(2));
            if (!r) ++log.error_ids[r.error().id];
            retried = r.ok();
        }
        after_call(log, "retry", retried);
    }
    return log;
}

ReadBack read_back(const std::filesystem::path& db, const std::filesystem::path& key_file) {
    ReadBack out;
    ManualClock clock{test_epoch()};
    platform_default::FileKeyStore keys(key_file);
    store::OpenOptions options;
    options.verify = store::Verify::kFull;
    auto opened = store::Store::open(db, keys, clock, options);
    if (!opened) {
        out.error = opened.error().id + ": " + opened.error().message;
        return out;
    }
    out.opened = true;
    auto all = (*opened)->outbox();
    if (!all) {
        out.opened = false;
        out.error = all.error().id + ": " + all.error().message;
        return out;
    }
    for (const auto& e : *all) {
        const json p = json::parse(e.payload, nullptr, false);
        const std::string ref = p.is_object() ? p.value("ref", "") : "";
        if (ref.empty()) out.contents.unknown.insert(e.payload.substr(0, 40));
        else out.contents.outbox[ref].push_back(e.payload);
    }
    auto tickets = (*opened)->list_records(store::RecordKind::kTicket, {std::nullopt, 1000, 0});
    if (!tickets) {
        out.opened = false;
        out.error = tickets.error().id + ": " + tickets.error().message;
        return out;
    }
    for (const auto& t : *tickets) out.contents.tickets.insert(t.id.substr(2));  // "L-" + ref
    return out;
}

}  // namespace selfcare::test
