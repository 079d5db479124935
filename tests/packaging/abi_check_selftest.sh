#!/usr/bin/env bash
# Proves that abi_check.sh tells an addition from a break, with real abidw/abidiff on three tiny
# libraries that share a SONAME: the baseline, one with a function added (must pass) and one
# whose function gained a parameter (must fail -- abidiff alone calls that a mere "change").
# Usage: abi_check_selftest.sh C_COMPILER
set -euo pipefail
cc=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build() {  # build NAME HEADER_BODY SOURCE_BODY
    mkdir -p "$work/$1/include"
    printf '%s\n' "$2" >"$work/$1/include/api.h"
    printf '#include "api.h"\n%s\n' "$3" >"$work/$1/api.c"
    "$cc" -g -shared -fPIC -Wl,-soname,libselfcare.so.1 -I"$work/$1/include" \
        "$work/$1/api.c" -o "$work/$1/libselfcare.so"
}
build base 'void sc_free(void *p);' 'void sc_free(void *p) { (void)p; }'
build added 'void sc_free(void *p); int sc_probe(int x);' \
    'void sc_free(void *p) { (void)p; } int sc_probe(int x) { return x; }'
build broken 'void sc_free(void *p, int n);' 'void sc_free(void *p, int n) { (void)p; (void)n; }'

mkdir "$work/baselines"
cp "$here/../../sdk/abi/abidiff.suppr" "$work/baselines/"
"$here/abi_dump.sh" "$work/base/libselfcare.so" "$work/base/include" "$work/baselines/libselfcare.so.1.abi"

"$here/abi_check.sh" "$work/added/libselfcare.so" "$work/added/include" "$work/baselines" >/dev/null \
    || { echo "abi_check_selftest: an added function was refused" >&2; exit 1; }
if "$here/abi_check.sh" "$work/broken/libselfcare.so" "$work/broken/include" "$work/baselines" >/dev/null 2>&1; then
    echo "abi_check_selftest: a changed signature was accepted" >&2
    exit 1
fi
echo "abi_check_selftest: additions pass, a changed signature fails"
