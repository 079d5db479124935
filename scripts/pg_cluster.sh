#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a loopback port, for the server's integration suite.
#   scripts/pg_cluster.sh start STATE_FILE   initdb in a fresh temp folder, start, write to STATE_FILE
#                                            the connection URL (line 1) and the data folder (line 2)
#   scripts/pg_cluster.sh stop STATE_FILE    stop the cluster and remove its folder
# PostgreSQL refuses to run as root, so as root the cluster runs as the 'postgres' user.
set -euo pipefail
cmd="${1:?start or stop}"
state="${2:?state file}"
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "${bindir}/initdb" ] || { echo "pg_cluster: PostgreSQL server binaries not found (install postgresql)" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${cmd}" in
start)
    dir="$(mktemp -d /tmp/selfcare-pg-XXXXXX)"
    [ "$(id -u)" -eq 0 ] && chown postgres "${dir}"
    as_owner "${bindir}/initdb" -D "${dir}/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 > "${dir}/initdb.log"
    # A free port: try random ones until nothing answers there.
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then break; fi
    done
    as_owner "${bindir}/pg_ctl" -D "${dir}/data" -l "${dir}/server.log" -w -s \
        -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300" start
    printf 'postgresql://postgres@127.0.0.1:%s/postgres\n%s\n' "${port}" "${dir}" > "${state}"
    echo "pg_cluster: started on port ${port}"
    ;;
stop)
    [ -f "${state}" ] || exit 0
    dir="$(sed -n 2p "${state}")"
    if [ -n "${dir}" ] && [ -d "${dir}/data" ]; then
        as_owner "${bindir}/pg_ctl" -D "${dir}/data" -m fast -w -s stop || true
        rm -rf "${dir}"
    fi
    rm -f "${state}"
    echo "pg_cluster: stopped"
    ;;
*)
    echo "usage: $0 start|stop STATE_FILE" >&2
    exit 2
    ;;
esac
