#!/usr/bin/env bash
# The README's run command: installs what the build needs, builds the release preset and runs the
# main job. Until the server and kiosk exist, the main job is what does exist: it prints the
# lifecycles the SDK enforces and opens (creating on first run) an encrypted store with its key
# under build/demo-data/, then reports the store's state.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install_deps.sh

cmake --preset release
cmake --build --preset release

tool=build/release/sdk/tools/selfcare-store
data=build/demo-data
mkdir -p "${data}"
chmod 700 "${data}"

echo "== lifecycles the SDK enforces"
"${tool}" lifecycles
echo "== the device's encrypted store (${data}/selfcare.db)"
"${tool}" info --db "${data}/selfcare.db"
echo "== full integrity check"
"${tool}" check --db "${data}/selfcare.db"
