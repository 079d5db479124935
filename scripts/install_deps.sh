#!/usr/bin/env bash
# Installs the Debian packages selfcare needs to build and test. Idempotent: packages that are
# already installed are skipped, and the package lists are refreshed only when something is missing.
# Usage: scripts/install_deps.sh [extra packages...]
set -euo pipefail

packages=(
    # toolchain
    g++ cmake ninja-build pkg-config
    # SDK: encrypted store, crypto, key derivation, JSON
    libsqlcipher-dev libssl-dev libargon2-dev nlohmann-json3-dev
    # SDK network layer
    libcurl4-openssl-dev
    # HTTP server library (reference server, test peers) and the openssl tool for test certificates
    libcpp-httplib-dev openssl
    # reference server: embedded SQLite
    libsqlite3-dev
    # reference server: PostgreSQL client, and a server for the integration suite
    libpq-dev postgresql
    # tests and benchmarks (jansson: JSON for the C99 scenario tests; yaml-cpp: the
    # authorization sweep reads the server's OpenAPI document)
    doctest-dev libbenchmark-dev libjansson-dev libyaml-cpp-dev
    # ABI baseline check of libselfcare.so (abidw, abidiff)
    abigail-tools
    # C ABI consumers: clang imports the iOS module map, python3 runs the ctypes tests
    clang python3
    # fuzzing: libFuzzer and the sanitizer runtimes for clang (the fuzz preset)
    libclang-rt-14-dev
    # kiosk devices: speech (espeak-ng, sound device, WAV files), receipts (QR, PNG, CJK font), zbarimg reads QR codes back in tests
    libespeak-ng-dev espeak-ng-data libpcaudio-dev libsndfile1-dev libqrencode-dev libpng-dev libfontconfig-dev libfreetype-dev fonts-noto-cjk zbar-tools
    # kiosk on-screen keyboard: pinyin candidates (librime with the Luna Pinyin data)
    librime-dev rime-data-luna-pinyin
    # kiosk app: Dear ImGui 1.86 with its GLFW and OpenGL 3 backends, Mesa's software GL, and a
    # virtual X display for the scripted runs and UI tests (xvfb, xauth, x11-utils)
    libimgui-dev libglfw3-dev libgl-dev libgl1-mesa-dri xvfb xauth x11-utils
    # Android embedding: the JNI bridge and Java API, built and tested on the desktop JVM
    default-jdk-headless
)
packages+=("$@")

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install_deps: all ${#packages[@]} packages present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install_deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    SUDO="sudo"
fi
echo "install_deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
