#!/usr/bin/env bash
# How much an app ships for the SDK: the stripped libselfcare.so of each build given, against the
# shared libraries it loads from the system (SQLCipher, OpenSSL, curl, ...) measured in the same
# run -- on a phone those come with the app too, so they are the baseline the SDK's own code is
# compared with. Target: the SDK's own code (stripped libselfcare.so) <= 4 MB.
# Usage: bench/size/sdk_size.sh BUILD_DIR...   e.g. build/release build/ci
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR..." >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
kib() { echo $(( ($1 + 1023) / 1024 )); }

printf '| build | CMAKE_BUILD_TYPE | libselfcare.so as built | stripped | of which .text | target |\n|---|---|---|---|---|---|\n'
lib=""
for build in "$@"; do
    lib=$(readlink -f "$build/sdk/src/capi/libselfcare.so")
    type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build/CMakeCache.txt")
    strip --strip-all -o "$work/stripped.so" "$lib"
    stripped=$(stat -c %s "$work/stripped.so")
    text=$(size -A "$work/stripped.so" | awk '$1 == ".text" { print $2 }')
    verdict=$([ "$stripped" -le $((4 * 1024 * 1024)) ] && echo "met (<= 4 MB)" || echo "MISSED (> 4 MB)")
    printf '| %s | %s | %s KiB | %s KiB | %s KiB | %s |\n' "$(basename "$build")" "$type" \
        "$(kib "$(stat -c %s "$lib")")" "$(kib "$stripped")" "$(kib "$text")" "$verdict"
done

echo
echo "Shared libraries libselfcare.so loads (the last build's; sizes of the installed, stripped files):"
needed=$(readelf -d "$lib" | sed -n 's/.*Shared library: \[\(.*\)\].*/\1/p')
printf '\n| library | needed by | size |\n|---|---|---|\n'
total=0 direct=0
while read -r name path; do
    size=$(stat -L -c %s "$path")
    total=$((total + size))
    if grep -qxF "$name" <<<"$needed"; then
        by="libselfcare.so"; direct=$((direct + size))
    else
        by="(through the above)"
    fi
    printf '| %s | %s | %s KiB |\n' "$name" "$by" "$(kib "$size")"
done < <(ldd "$lib" | awk '$2 == "=>" && $3 ~ /^\// { print $1, $3 }' \
           | grep -vE '^(libc|libm|libgcc_s|libstdc\+\+|ld-linux|libpthread|libdl)[.-]' | sort -k1,1)
printf '| **needed directly** | | **%s KiB** |\n' "$(kib "$direct")"
printf '| **all of them** | | **%s KiB** |\n' "$(kib "$total")"
echo
echo "(libc, libm, libpthread, libdl, libstdc++ and libgcc_s are left out: every native app has them.)"
