#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on loopback for the store tests.
#
#   source scripts/start_postgres.sh        # exports NEWSFACTS_TEST_PG (and NEWSFACTS_PG_DATADIR)
#   scripts/start_postgres.sh               # prints the export line
#   source scripts/start_postgres.sh stop   # stops the server started above, removes its data
#
# Installs Debian's postgresql package when no server binaries are found (apt-get, as root or
# with passwordless sudo). The server listens on 127.0.0.1 only, on a free port, with its data
# and socket in a fresh temporary folder, trust authentication for local connections, fsync off
# (test data only). Runs the server as the postgres user when started as root.
# Never exits the calling shell: on failure it prints why and returns 1.

_nf_pg_as() {  # run a command as the server's owner
    if [ "$(id -u)" = "0" ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

_nf_pg_stop() {
    if [ -n "${NEWSFACTS_PG_DATADIR:-}" ] && [ -d "$NEWSFACTS_PG_DATADIR" ]; then
        local bindir
        bindir=$(cat "$NEWSFACTS_PG_DATADIR/.bindir" 2>/dev/null)
        _nf_pg_as "$bindir/pg_ctl" -D "$NEWSFACTS_PG_DATADIR" -m fast -w stop >/dev/null 2>&1
        local parent
        parent=$(dirname "$NEWSFACTS_PG_DATADIR")
        case "$(basename "$parent")" in
            newsfacts-pg.*) rm -rf "$parent" ;;
            *) rm -rf "$NEWSFACTS_PG_DATADIR" ;;
        esac
        echo "start_postgres: stopped the server in $NEWSFACTS_PG_DATADIR" >&2
    fi
    unset NEWSFACTS_TEST_PG NEWSFACTS_PG_DATADIR
    return 0
}

_nf_pg_start() {
    local bindir datadir port
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        echo "start_postgres: installing Debian's postgresql package" >&2
        local sudo=""
        [ "$(id -u)" = "0" ] || sudo="sudo -n"
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1 \
            || { $sudo apt-get update -q >/dev/null 2>&1 \
                 && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1; } \
            || { echo "start_postgres: cannot install postgresql (apt-get failed)" >&2; return 1; }
    fi
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
        echo "start_postgres: running as root but there is no postgres user" >&2
        return 1
    fi
    datadir=$(mktemp -d "${TMPDIR:-/tmp}/newsfacts-pg.XXXXXX") || return 1
    [ "$(id -u)" = "0" ] && chown postgres "$datadir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
           || echo $(( 20000 + RANDOM % 20000 )))
    if ! _nf_pg_as "$bindir/initdb" -D "$datadir/data" -U postgres -A trust -E UTF8 --no-sync >"$datadir/initdb.log" 2>&1; then
        echo "start_postgres: initdb failed:" >&2; tail -n 5 "$datadir/initdb.log" >&2; return 1
    fi
    echo "$bindir" > "$datadir/data/.bindir"
    if ! _nf_pg_as "$bindir/pg_ctl" -D "$datadir/data" -l "$datadir/data/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $datadir/data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
            start >/dev/null; then
        echo "start_postgres: the server did not start:" >&2; tail -n 5 "$datadir/data/server.log" >&2; return 1
    fi
    if ! _nf_pg_as "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres newsfacts_test; then
        echo "start_postgres: createdb failed" >&2; return 1
    fi
    export NEWSFACTS_PG_DATADIR="$datadir/data"
    export NEWSFACTS_TEST_PG="postgresql://postgres@127.0.0.1:$port/newsfacts_test"
    echo "export NEWSFACTS_TEST_PG=$NEWSFACTS_TEST_PG"
    return 0
}

if [ "${1:-}" = "stop" ]; then
    _nf_pg_stop
else
    _nf_pg_start
fi
