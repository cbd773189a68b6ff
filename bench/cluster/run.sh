#!/usr/bin/env bash
# Revocation propagation across three nodes on one PostgreSQL (#13): builds the gateway (Release), starts a throwaway
# PostgreSQL 15 (.ci/postgres.sh), runs bench/cluster/revocation.py, stops everything. Usage: bench/cluster/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/postgres.sh
postgres_start
trap postgres_stop EXIT
dotnet build -c Release Gateway -v q -nologo >/dev/null
"$PG_BIN/psql" "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" -qc "CREATE DATABASE bench" >/dev/null
python3 bench/cluster/revocation.py Gateway/bin/Release/net10.0/ScimGateway.dll \
  "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench" "${1:-200}"
