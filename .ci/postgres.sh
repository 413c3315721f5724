#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests marked `postgres`.
#
#   eval "$(bash .ci/postgres.sh)"      # sets RELASI_TEST_PG for this shell
#
# Installs Debian's postgresql if no server binaries are found, initialises a cluster of its own in
# $RELASI_PG_DIR (default /tmp/relasi-pg), starts it on 127.0.0.1 (5432, or the next free port),
# creates role `relasi` and database `relasi_test`, and prints `export RELASI_TEST_PG=...` on stdout;
# everything else goes to stderr. Idempotent: a server it started before is reused.
# The server trades durability for speed (fsync off): it is for tests only.
set -euo pipefail

DATA=${RELASI_PG_DIR:-/tmp/relasi-pg}
ROLE=relasi
PASSWORD=relasi
DBNAME=relasi_test
log() { echo "postgres.sh: $*" >&2; }

server_bin() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
    done
    return 1
}

BIN=$(server_bin || true)
if [ -z "$BIN" ]; then
    log "no PostgreSQL server binaries; installing Debian's postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    BIN=$(server_bin)
fi

# initdb and postgres refuse to run as root.
if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    OWNER=postgres
    as_owner() { runuser -u postgres -- "$@"; }
else
    OWNER=$(id -un)
    as_owner() { "$@"; }
fi

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ -f "$DATA/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    PORT=$(sed -n 4p "$DATA/postmaster.pid")
    log "reusing the server in $DATA on port $PORT"
else
    if [ ! -f "$DATA/PG_VERSION" ]; then
        mkdir -p "$DATA"
        chown "$OWNER" "$DATA"
        chmod 700 "$DATA"
        as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
        log "initialised a cluster in $DATA"
    fi
    PORT=${RELASI_PG_PORT:-5432}
    while port_busy "$PORT"; do PORT=$((PORT + 1)); done
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2
    log "started PostgreSQL ($("$BIN/postgres" --version)) on 127.0.0.1:$PORT"
fi

psql_admin() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d postgres "$@"; }
psql_admin -c "DO \$\$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
        CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD' CREATEDB;
    END IF; END \$\$;" >&2
if [ -z "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'")" ]; then
    psql_admin -c "CREATE DATABASE $DBNAME OWNER $ROLE" >&2
fi

echo "export RELASI_TEST_PG=postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DBNAME"
