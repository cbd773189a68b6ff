#!/usr/bin/env bash
# Proxied throughput on PostgreSQL (cluster mode) against LiteDB (the default), one build, same rounds, plain YARP as
# the yardstick: bench/proxy/ab.sh with A = LiteDB and B = Storage:Provider=PostgreSql on a fresh database of its own.
# The hot path validates from the node's cache and counts usage in memory, so the two should be within noise (#13: within 10%).
# Needs a PostgreSQL server: PG=<Npgsql connection string to a database it may create databases from>, default
# $SCIMGATEWAY_TEST_POSTGRES (bash .ci/postgres.sh starts a throwaway one). The database is dropped on exit.
# Usage: [PG=...] [WARMUP=s] [ROUNDS=n] bench/proxy/storage.sh [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/../.."
PG="${PG:-${SCIMGATEWAY_TEST_POSTGRES:-}}"
[ -n "$PG" ] || { echo "set PG (or SCIMGATEWAY_TEST_POSTGRES) to a PostgreSQL connection string; bash .ci/postgres.sh starts one" >&2; exit 1; }

# Npgsql's Host/Port/Username out of the connection string, for psql.
field() { tr ';' '\n' <<<"$PG" | awk -F= -v k="$1" 'tolower($1) == tolower(k) { print $2 }'; }
HOST=$(field Host); PORT=$(field Port); USER_NAME=$(field Username)
PSQL=(psql -X -q -v ON_ERROR_STOP=1 "host=$HOST port=${PORT:-5432} user=${USER_NAME:-postgres} dbname=postgres")
command -v psql >/dev/null || PSQL[0]=/usr/lib/postgresql/15/bin/psql
DB="bench_proxy_$$"
"${PSQL[@]}" -c "CREATE DATABASE $DB"
trap '"${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true' EXIT
CS="Host=$HOST;Port=${PORT:-5432};Username=${USER_NAME:-postgres};Database=$DB"

dotnet build -c Release Gateway -v q -nologo >/dev/null
Storage__Provider=PostgreSql ConnectionStrings__Postgres="$CS" dotnet Gateway/bin/Release/net10.0/ScimGateway.dll storage migrate >/dev/null

A_NAME=litedb B_NAME=postgresql B_ENV="Storage__Provider=PostgreSql ConnectionStrings__Postgres=$CS" \
  bench/proxy/ab.sh "$@"
