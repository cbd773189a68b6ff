#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the tests: sourced by .ci/run, or run on its own for local work.
#
#   source .ci/postgres.sh && postgres_start   # sets and exports SCIMGATEWAY_TEST_POSTGRES, installs postgres_stop
#   bash .ci/postgres.sh                       # starts one, prints the export and stop lines, leaves it running
#
# PostgreSQL refuses to run as root, so initdb and the server run as the `postgres` system user, in a temporary
# directory that user owns. The server listens on 127.0.0.1 only, on a free port, with trust authentication: it holds
# nothing but test data and lives as long as the run.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

# Installs Debian's postgresql-15 where the machine image lacks it (initdb and pg_ctl come with the server package).
postgres_install() {
  if [[ ! -x "$PG_BIN/initdb" ]]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
  fi
}

# Runs a command as the postgres system user (or as ourselves when we are not root).
postgres_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# A TCP port on loopback that nothing listens on (bash's /dev/tcp: a refused connection means free).
postgres_free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found on 127.0.0.1" >&2
  return 1
}

postgres_start() {
  postgres_install
  PG_DIR=$(mktemp -d /tmp/scimgateway-pg.XXXXXX)
  chmod 700 "$PG_DIR"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$PG_DIR"
  fi
  PG_PORT=$(postgres_free_port)
  postgres_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # More connections than the default 100: test classes run in parallel, each with its own database and pool.
  postgres_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  export SCIMGATEWAY_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
}

# Stops the server and removes its directory; safe to call twice or when the start failed half way.
postgres_stop() {
  if [[ -n "${PG_DIR:-}" && -d "$PG_DIR" ]]; then
    if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
      postgres_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_DIR"
  fi
  PG_DIR=
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  postgres_start
  echo "export SCIMGATEWAY_TEST_POSTGRES='$SCIMGATEWAY_TEST_POSTGRES'"
  echo "# stop with: runuser -u postgres -- $PG_BIN/pg_ctl -D $PG_DIR/data -m immediate stop && rm -rf $PG_DIR" >&2
fi
