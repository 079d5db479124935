#!/usr/bin/env bash
# Installs the SDK component of a build into a scratch prefix, then builds and runs an
# out-of-tree C consumer against it twice: through find_package(selfcare) and through pkg-config.
# The C++ wrapper is built the find_package way too (selfcare::cpp).
# Usage: install_consumer_test.sh BUILD_DIR CONSUMER_SOURCE_DIR C_COMPILER CXX_COMPILER
set -euo pipefail
build=$1 consumer=$2 cc=$3 cxx=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" --component sdk >/dev/null

fail() { echo "install_consumer_test: $*" >&2; exit 1; }
libdir=$(dirname "$(find "$prefix" -name 'libselfcare.so' -print -quit)")
[ -n "$libdir" ] && [ "$libdir" != . ] || fail "libselfcare.so (the development link) is not installed"
soname=$(readelf -d "$libdir/libselfcare.so" | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')
[ -e "$libdir/$soname" ] || fail "the SONAME link $soname is not installed"
for f in include/selfcare/selfcare.h include/selfcare/selfcare.hpp; do
    [ -f "$prefix/$f" ] || fail "$f is not installed"
done
[ -f "$(find "$prefix" -name selfcareConfig.cmake -print -quit)" ] || fail "selfcareConfig.cmake is not installed"
pc=$(find "$prefix" -name selfcare.pc -print -quit)
[ -f "$pc" ] || fail "selfcare.pc is not installed"
# Nothing of the project's internals is installed with the SDK.
if find "$prefix" -name '*.a' -o -name '*.hpp' ! -name selfcare.hpp | grep -q .; then
    fail "internal files were installed: $(find "$prefix" -name '*.a' -o -name '*.hpp' ! -name selfcare.hpp)"
fi

echo "== the selfcare tool, installed beside the SDK"
cmake --install "$build" --prefix "$prefix" --component cli >/dev/null
"$prefix/bin/selfcare" --help >/dev/null || fail "the installed selfcare tool does not run"

echo "== find_package(selfcare)"
cmake -S "$consumer" -B "$work/cmake-build" -G Ninja -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/cmake-build" >/dev/null
mkdir "$work/data-cmake" "$work/data-cpp"
LD_LIBRARY_PATH=$libdir "$work/cmake-build/consumer" "$work/data-cmake"
LD_LIBRARY_PATH=$libdir "$work/cmake-build/cpp_consumer" "$work/data-cpp"

echo "== pkg-config selfcare"
export PKG_CONFIG_PATH=$(dirname "$pc")
# shellcheck disable=SC2046  # the flags are meant to split into words
"$cc" -std=c99 -Wall -Wextra -Wpedantic -Werror "$consumer/consumer.c" \
    $(pkg-config --cflags --libs selfcare) -o "$work/pc-consumer"
mkdir "$work/data-pc"
LD_LIBRARY_PATH=$libdir "$work/pc-consumer" "$work/data-pc"
