#!/usr/bin/env bash
# Runs a command on a display: the current one when $DISPLAY is set, otherwise a private Xvfb
# (1920x1080, Mesa's software GL) on a free display number that Xvfb picks itself (-displayfd),
# torn down afterwards. Retries once if Xvfb fails to start.
#   scripts/with_xvfb.sh COMMAND [ARGS...]
set -euo pipefail
if [ -n "${DISPLAY:-}" ]; then exec "$@"; fi

start_xvfb() {
    local fifo
    fifo=$(mktemp -u)
    mkfifo "${fifo}"
    Xvfb -displayfd 3 -nolisten tcp -screen 0 1920x1080x24 3>"${fifo}" >/dev/null 2>&1 &
    xvfb_pid=$!
    # The display number arrives on the pipe once the server is ready for clients.
    if ! read -r -t 15 display_number <"${fifo}"; then
        display_number=""
    fi
    rm -f "${fifo}"
    [ -n "${display_number}" ]
}

xvfb_pid=""
if ! start_xvfb; then
    [ -n "${xvfb_pid}" ] && kill "${xvfb_pid}" 2>/dev/null || true
    echo "with_xvfb: Xvfb did not start, trying once more" >&2
    start_xvfb || { echo "with_xvfb: Xvfb does not start" >&2; exit 1; }
fi
trap 'kill ${xvfb_pid} 2>/dev/null || true' EXIT
export DISPLAY=":${display_number}" LIBGL_ALWAYS_SOFTWARE=1
"$@"
