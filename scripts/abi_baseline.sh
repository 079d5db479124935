#!/usr/bin/env bash
# Records the ABI baseline that tests/packaging/abi_check.sh compares every build against:
# sdk/abi/<SONAME>.abi, written by libabigail's abidw from a Debug build (it needs the debug
# information). Run it only on purpose: when a release adds to the ABI, or together with a bump of
# SC_ABI_VERSION for a breaking change (sdk/README.md, "ABI policy").
# Usage: scripts/abi_baseline.sh [BUILD_DIR]   (default build/ci)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/ci}
lib="$build/sdk/src/capi/libselfcare.so"
[ -e "$lib" ] || { echo "abi_baseline: build the selfcare target in $build first" >&2; exit 2; }
soname=$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')
"$root/tests/packaging/abi_dump.sh" "$lib" "$root/sdk/include/selfcare" "$root/sdk/abi/$soname.abi"
echo "abi_baseline: wrote sdk/abi/$soname.abi"
