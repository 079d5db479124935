#!/usr/bin/env bash
# The README's run command: installs what the build needs, builds the release preset and runs the
# main job. Until the kiosk exists, the main job is: start the service platform with demo data on
# its embedded SQLite database, walk the demo customer's and engineer's main paths against it over
# HTTP, open the device's encrypted store, then stop the server.
#   SC_KEEP_SERVER=1 scripts/run.sh   leaves the server running in the foreground afterwards.
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
echo "== the demo customer signs in (13800138000, sandbox SMS code)"
token=""; api POST /auth/otp '{"msisdn":"13800138000"}'
token=$(api POST /auth/token "{\"msisdn\":\"13800138000\",\"otp\":\"${otp}\"}" | token_of)
echo "== account summary";              api GET /selfcare/v1/account
echo "== reports a fault";              api POST /tmf-api/troubleTicket/v4/troubleTicket \
    '{"ticketType":"network","subcategory":"slowData","description":"晚上上网很慢，视频一直缓冲","contactNumber":"13800138000","channel":{"name":"kiosk"}}'
echo "== tracks the broadband repair";  api GET /tmf-api/troubleTicket/v4/troubleTicket/TT-DEMO-0001
echo "== engineer E1001 accepts and sets off"
token=$(api POST /auth/token '{"staff_id":"E1001","password":"demo1001"}' | token_of)
api PATCH /tmf-api/workOrderManagement/v4/workOrder/WO-DEMO-0001 '{"state":"accepted"}' > /dev/null
api PATCH /tmf-api/workOrderManagement/v4/workOrder/WO-DEMO-0001 \
    '{"state":"enRoute","location":{"latitude":39.91,"longitude":116.40},"etaMinutes":25,"note":"出发"}'

echo "== the device's encrypted store (${data}/selfcare.db)"
"${bin}/sdk/tools/selfcare-store" info --db "${data}/selfcare.db"

if [ "${SC_KEEP_SERVER:-0}" = "1" ]; then
    echo "== server keeps running on ${base}; Ctrl-C stops it"
    wait "${server_pid}"
else
    kill -TERM "${server_pid}"
    wait "${server_pid}" && echo "== server stopped cleanly"
fi
