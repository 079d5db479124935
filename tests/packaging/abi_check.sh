#!/usr/bin/env bash
# Compares the built libselfcare.so with the committed baseline for its SONAME (sdk/abi/) using
# libabigail's abidiff. An incompatible change fails; so does a SONAME with no baseline, so that
# a breaking change lands only with SC_ABI_VERSION bumped and a new baseline recorded on purpose
# (scripts/abi_baseline.sh). A compatible addition passes and is reported.
# Usage: abi_check.sh LIBRARY PUBLIC_HEADERS_DIR BASELINE_DIR
set -euo pipefail
lib=$1 headers=$2 baselines=$3
soname=$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')
baseline=$baselines/$soname.abi
if [ ! -f "$baseline" ]; then
    echo "abi_check: no baseline for $soname: record one with scripts/abi_baseline.sh" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$(dirname "$0")/abi_dump.sh" "$lib" "$headers" "$work/current.abi"
set +e
abidiff --no-show-locs --suppressions "$baselines/abidiff.suppr" "$baseline" "$work/current.abi" \
    >"$work/report" 2>&1
rc=$?
set -e
# abidiff's exit status is a bit field: 1 error, 2 usage error, 4 ABI change, 8 incompatible change.
if (( rc & 3 )); then
    cat "$work/report" >&2
    echo "abi_check: abidiff could not compare (status $rc)" >&2
    exit 1
fi
if (( rc == 0 )); then
    echo "abi_check: $soname matches its baseline"
    exit 0
fi
# abidiff counts a changed signature as a mere "change" (4), not as incompatible (8). For a C ABI
# only additions are safe, so anything removed or changed fails: read the summary lines, e.g.
# "Functions changes summary: 0 Removed, 1 Changed, 0 Added function".
cat "$work/report"
breaking=$(grep -E "changes summary:" "$work/report" | grep -vE ": 0 Removed, 0 Changed( \([0-9]+ filtered out\))?, [0-9]+ Added" || true)
if (( rc & 8 )) || [ -n "$breaking" ]; then
    echo "abi_check: $soname changed incompatibly against sdk/abi/$soname.abi." >&2
    echo "abi_check: undo the change, or bump SC_ABI_VERSION in selfcare.h and record a new baseline" >&2
    echo "abi_check: with scripts/abi_baseline.sh (sdk/README.md, \"ABI policy\")." >&2
    exit 1
fi
echo "abi_check: compatible additions to $soname; record them with scripts/abi_baseline.sh"
