#!/usr/bin/env bash
# The ABI of libselfcare.so as libabigail sees it, limited to what the exported sc_* functions
# reach, with no machine paths in it (the baseline is committed).
# Usage: abi_dump.sh LIBRARY PUBLIC_HEADERS_DIR OUT_FILE
set -euo pipefail
abidw --exported-interfaces-only --drop-undefined-syms --no-corpus-path --no-comp-dir-path \
    --no-show-locs --headers-dir "$2" "$1" --out-file "$3"
