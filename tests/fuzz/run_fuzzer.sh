#!/usr/bin/env bash
# Runs one libFuzzer target for a fixed time on a copy of its committed corpus, so the suite
# never rewrites the tree. On a crash it prints where the input is and how to keep it.
#   run_fuzzer.sh FUZZER CORPUS_DIR REGRESSIONS_DIR WORK_DIR SECONDS
set -euo pipefail
fuzzer="$1" corpus="$2" regressions="$3" work="$4" seconds="$5"
name="$(basename "${fuzzer}")"

rm -rf "${work}"
mkdir -p "${work}/corpus" "${work}/artifacts"
cp "${corpus}"/* "${work}/corpus/"
find "${regressions}" -maxdepth 1 -type f ! -name README.md -exec cp {} "${work}/corpus/" \;

# Requests and answers are logged by the targets' code; keep them out of the test output and
# show only libFuzzer's own lines (and a sanitizer's report, which goes to the same log).
set +e
"${fuzzer}" "${work}/corpus" -max_total_time="${seconds}" -timeout=30 -rss_limit_mb=4096 \
    -artifact_prefix="${work}/artifacts/" -print_final_stats=1 > "${work}/fuzz.log" 2>&1
rc=$?
set -e
grep -E '^(#[0-9]+ +(INITED|DONE)|stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs)' "${work}/fuzz.log" || true
if [ ${rc} -ne 0 ]; then
    tail -n 60 "${work}/fuzz.log"
    echo "${name}: failed (exit ${rc}); the input is in ${work}/artifacts/." >&2
    echo "Keep it as a regression: copy it to ${regressions}/ with a name that says what broke." >&2
    exit 1
fi
echo "${name}: no failure in ${seconds} s"
