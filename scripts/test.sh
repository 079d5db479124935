#!/usr/bin/env bash
# The README's test command: installs what the build needs, configures, builds with -j2 and runs
# the whole ctest suite. Exits non-zero on any failure.
#   scripts/test.sh              the whole suite as CI runs it: the ci preset (debug, warnings as
#                                errors), then asan-ubsan, then tsan (the tests labelled
#                                concurrency), then fuzz (each libFuzzer
#                                target for 60 s under ASan+UBSan, clang; tests/fuzz/README.md)
#   scripts/test.sh PRESET...    only the named configure presets (e.g. ci, or asan-ubsan)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install_deps.sh

run_preset() {
    local preset="$1"
    echo "== preset ${preset}"
    local started=${SECONDS}
    cmake --preset "${preset}"
    cmake --build --preset "${preset}"
    ctest --preset "${preset}"
    echo "== preset ${preset}: passed in $((SECONDS - started)) s"
}

presets=("$@")
if [ ${#presets[@]} -eq 0 ]; then
    presets=(ci asan-ubsan tsan fuzz)
fi
for p in "${presets[@]}"; do
    run_preset "$p"
done
echo "== the whole suite passed in ${SECONDS} s"
