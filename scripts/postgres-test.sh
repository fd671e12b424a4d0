#!/usr/bin/env bash
# A private PostgreSQL cluster for the store tests (the machine's own cluster stays untouched).
#   scripts/postgres-test.sh start   initdb into a new temporary folder, start on 127.0.0.1:${FIDELIS_TEST_PG_PORT:-55432}
#                                    and print the variables the tests read (eval "$(scripts/postgres-test.sh start)")
#   scripts/postgres-test.sh stop    stop the cluster started last and remove its folder
# Runs as root (initdb and the server run as the postgres user) or as any user that may run initdb.
set -euo pipefail
port="${FIDELIS_TEST_PG_PORT:-55432}"
state="${TMPDIR:-/tmp}/fidelis-postgres-test-$port.dir"

pgbin() {
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && echo "$dir"
    done | sort -V | tail -1
}

as_owner() {
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

case "${1:-}" in
start)
    bin="$(pgbin)"
    if [ -z "$bin" ]; then
        echo "no PostgreSQL server binaries under /usr/lib/postgresql: apt-get install -y postgresql" >&2
        exit 1
    fi
    dir="$(mktemp -d)"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    password="fidelis-test"
    echo "$password" > "$dir/pwfile"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/pwfile"
    as_owner "$bin/initdb -D $dir/data -U postgres --auth=scram-sha-256 --pwfile=$dir/pwfile -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl -D $dir/data -l $dir/server.log -w -o '-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200' start" >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    echo "$dir" > "$state"
    echo "export FIDELIS_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$port/postgres"
    echo "export FIDELIS_TEST_PG_USER=postgres"
    echo "export FIDELIS_TEST_PG_PASSWORD=$password"
    ;;
stop)
    [ -f "$state" ] || exit 0
    dir="$(cat "$state")"
    if [ -f "$dir/data/postmaster.pid" ]; then
        kill -INT "$(head -1 "$dir/data/postmaster.pid")" || true
        for _ in $(seq 50); do [ -f "$dir/data/postmaster.pid" ] || break; sleep 0.1; done
    fi
    rm -rf "$dir" "$state"
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
