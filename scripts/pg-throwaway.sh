#!/usr/bin/env bash
# A throwaway PostgreSQL cluster under a temporary folder, for tests and benchmarks.
#   scripts/pg-throwaway.sh start DIR   -> prints the superuser URL (postgres://postgres@127.0.0.1:PORT/postgres)
#   scripts/pg-throwaway.sh stop DIR    -> stops the server and removes DIR
# It listens on 127.0.0.1 on a free port (and a Unix socket in DIR), with trust authentication
# for local connections only. PostgreSQL refuses to run as root: as root, the cluster belongs to
# the `postgres` user that Debian's package creates.
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?a folder}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "pg-throwaway: PostgreSQL is not installed (scripts/ensure-postgres.sh)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres "$dir"
      # The postgres user must be able to reach DIR (a folder from mktemp -d is root's alone).
      chmod a+x "$(dirname "$dir")"
    fi
    port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  restart)
    # Stop (fast) and start again on the same port: for the "server restarted" tests.
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    port=$(cat "$dir/port")
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    ;;
  pause)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  resume)
    port=$(cat "$dir/port")
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    ;;
  *) echo "pg-throwaway: start, stop, pause, resume or restart" >&2; exit 2 ;;
esac
