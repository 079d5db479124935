// SPDX-License-Identifier: Apache-2.0
// StateMachine<S>: a lifecycle written as a table (from -> allowed targets) that can be checked,
// printed and tested pair by pair. Tickets, orders and work orders each have one instance.
#pragma once

#include <algorithm>
#include <cassert>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/enum_names.hpp"
#include "domain/error.hpp"
#include "domain/result.hpp"

namespace selfcare::domain {

/// Immutable transition table over the states of enum S. States missing from the table are
/// terminal. Thread-safety: const after construction, so it may be shared between threads.
template <NamedEnum S>
class StateMachine {
public:
    /// One row of the table: the states reachable from `from` in one step.
    struct Row {
        S from;
        std::vector<S> to;
    };

    /// `subject` names the thing that moves ("ticket"); it appears in error messages and the
    /// printed table. `error_id` is the stable id of an illegal move ("ticket.illegal_transition").
    StateMachine(std::string subject, std::string error_id, std::initializer_list<Row> rows)
        : subject_(std::move(subject)), error_id_(std::move(error_id)), allowed_(enum_count<S>()) {
        for (const Row& row : rows) {
            auto& targets = allowed_[index_of(row.from)];
            assert(targets.empty() && "each state appears at most once as a row");
            targets = row.to;
        }
    }

    /// What moves through this machine, e.g. "ticket".
    const std::string& subject() const { return subject_; }

    /// The states `from` may move to in one step, in table order; empty for a terminal state.
    const std::vector<S>& allowed(S from) const { return allowed_[index_of(from)]; }

    /// True when `from -> to` is in the table. A state never moves to itself.
    bool can(S from, S to) const {
        const auto& targets = allowed(from);
        return std::find(targets.begin(), targets.end(), to) != targets.end();
    }

    /// True when nothing can leave `state`.
    bool is_terminal(S state) const { return allowed(state).empty(); }

    /// Success when `from -> to` is allowed; otherwise an Error with code kConflict, id
    /// `error_id`, and a message naming from, to and the allowed set, e.g.
    /// `cannot move ticket from "closed" to "inProgress"; allowed from "closed": none`.
    Result<void> check(S from, S to) const {
        if (can(from, to)) return success();
        std::string message = "cannot move " + subject_ + " from " + quoted(from) + " to " +
                              quoted(to) + "; allowed from " + quoted(from) + ": " +
                              allowed_list(from);
        return make_error(ErrorCode::kConflict, error_id_, std::move(message));
    }

    /// The allowed targets of `from` as `"a", "b"`, or `none` for a terminal state.
    std::string allowed_list(S from) const {
        const auto& targets = allowed(from);
        if (targets.empty()) return "none";
        std::string out;
        for (S to : targets) {
            if (!out.empty()) out += ", ";
            out += quoted(to);
        }
        return out;
    }

    /// The whole table as Markdown, one row per state in declaration order, for docs and reviews.
    std::string to_markdown() const {
        std::string out = "| " + subject_ + " status | allowed next |\n|---|---|\n";
        for (S from : all_values<S>()) {
            out += "| " + std::string(to_string(from)) + " | ";
            const auto& targets = allowed(from);
            if (targets.empty()) {
                out += "(terminal)";
            } else {
                for (std::size_t i = 0; i < targets.size(); ++i) {
                    if (i != 0) out += ", ";
                    out += to_string(targets[i]);
                }
            }
            out += " |\n";
        }
        return out;
    }

private:
    static std::size_t index_of(S state) {
        constexpr auto values = all_values<S>();
        const auto it = std::find(values.begin(), values.end(), state);
        assert(it != values.end() && "state missing from its EnumNames table");
        return static_cast<std::size_t>(it - values.begin());
    }

    static std::string quoted(S state) { return "\"" + std::string(to_string(state)) + "\""; }

    std::string subject_;
    std::string error_id_;
    std::vector<std::vector<S>> allowed_;  // indexed like all_values<S>()
};

}  // namespace selfcare::domain
