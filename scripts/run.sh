#!/usr/bin/env bash
# The README's run command: installs what the build needs, builds the release preset and runs the
# main job: start the service platform with demo data on its embedded SQLite database, then the
# kiosk (selfcare-kiosk) against it. Without a display ($DISPLAY unset) the kiosk runs on a private
# Xvfb and walks the demo script (kiosk/scripts/demo.script: the demo customer signs in, checks
# the balance, reports a fault in elder mode, prints the receipt, tracks a repair, signs out),
# writing a screenshot of each step; with a display it opens full screen for a person to use.
# Afterwards the engineer's side of the repair is walked over HTTP and the server stops.
#   SC_KEEP_SERVER=1 scripts/run.sh   leaves the server running in the foreground afterwards.
#   SC_KIOSK_SCRIPT=FILE scripts/run.sh   walks another kiosk script.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install_deps.sh curl

cmake --preset release
cmake --build --preset release

bin=build/release
data=build/demo-data
mkdir -p "${data}"
chmod 700 "${data}"
otp=246810
port_file="${data}/server.port"
rm -f "${port_file}" "${data}"/server.db*   # a fresh demo operator each run

"${bin}/server/selfcare-server" --listen 127.0.0.1:0 --db "sqlite:${data}/server.db" --seed demo \
    --sandbox-otp "${otp}" --port-file "${port_file}" > "${data}/server.log" 2>&1 &
server_pid=$!
trap 'kill ${server_pid} 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "${port_file}" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "${port_file}")"
echo "== service platform on ${base} (log: ${data}/server.log)"

api() {  # METHOD PATH [BODY] — prints the JSON answer
    local method="$1" path="$2" body="${3:-}"
    curl -sS -X "${method}" "${base}${path}" -H "Content-Type: application/json" \
        ${token:+-H "Authorization: Bearer ${token}"} ${body:+-d "${body}"}
    echo
}
token_of() { sed -n 's/.*"access_token":"\([0-9a-f]*\)".*/\1/p'; }

echo "== health";                       api GET /health

shots=build/demo-screenshots
rm -rf "${shots}" "${data}/kiosk"
kiosk=("${bin}/kiosk/selfcare-kiosk" --server "${base}" --data-dir "${data}/kiosk")
if [ -z "${DISPLAY:-}" ]; then
    echo "== the kiosk walks ${SC_KIOSK_SCRIPT:-kiosk/scripts/demo.script} on a private Xvfb"
    scripts/with_xvfb.sh "${kiosk[@]}" --windowed 1920x1080 \
        --script "${SC_KIOSK_SCRIPT:-kiosk/scripts/demo.script}" --screenshots "${shots}"
    echo "== kiosk screenshots (one per step) and the printed receipt: ${shots}/"
    ls "${shots}"/*.png
else
    echo "== the kiosk opens full screen on ${DISPLAY}; the demo customer is 13800138000, SMS code ${otp}"
    "${kiosk[@]}"
fi

echo "== tracks the broadband repair";  token=""
token=$(api POST /auth/token "{\"msisdn\":\"13800138000\",\"service_password\":\"135790\"}" | token_of)
api GET /tmf-api/troubleTicket/v4/troubleTicket/TT-DEMO-0001 > /dev/null && echo "(TT-DEMO-0001 read back over HTTP)"
echo "== engineer E1001 accepts and sets off"
token=$(api POST /auth/token '{"staff_id":"E1001","password":"demo1001"}' | token_of)
api PATCH /tmf-api/workOrderManagement/v4/workOrder/WO-DEMO-0001 '{"state":"accepted"}' > /dev/null
api PATCH /tmf-api/workOrderManagement/v4/workOrder/WO-DEMO-0001 \
    '{"state":"enRoute","location":{"latitude":39.91,"longitude":116.40},"etaMinutes":25,"note":"出发"}'

echo "== the kiosk's encrypted store (${data}/kiosk/selfcare.db)"
"${bin}/sdk/tools/selfcare-store" info --db "${data}/kiosk/selfcare.db" || true

if [ "${SC_KEEP_SERVER:-0}" = "1" ]; then
    echo "== server keeps running on ${base}; Ctrl-C stops it"
    wait "${server_pid}"
else
    kill -TERM "${server_pid}"
    wait "${server_pid}" && echo "== server stopped cleanly"
fi
