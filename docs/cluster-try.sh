#!/usr/bin/env bash
# Cluster mode on one machine (#13): a throwaway PostgreSQL 15, a tiny upstream, three gateway nodes on
# 127.0.0.1:5101-5103. Issues a token, uses it on every node, revokes it on node 1, and shows nodes 2 and 3 refusing it
# one second later. Leaves everything running until Ctrl+C, then stops the nodes and the database.
# Run from the repository root: bash docs/cluster-try.sh
set -euo pipefail
cd "$(dirname "$0")/.."

source .ci/postgres.sh
postgres_start                                     # exports SCIMGATEWAY_TEST_POSTGRES (superuser, trust auth)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  postgres_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR" "$WORK"
}
WORK=$(mktemp -d /tmp/scimgateway-cluster.XXXXXX)
trap cleanup EXIT

"$PG_BIN/psql" "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" -qc "CREATE DATABASE scimgateway" >/dev/null
export Storage__Provider=PostgreSql
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=scimgateway;Timeout=3"
export Storage__DataDirectory="$WORK"              # not used in cluster mode: it stays empty

# The upstream: answers 200 with a line of JSON to anything.
python3 - <<'PY' &
import http.server, json
class Echo(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"upstream": "ok", "path": self.path, "user": self.headers.get("X-Gateway-User-Id")}).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *args): pass
http.server.HTTPServer(("127.0.0.1", 5100), Echo).serve_forever()
PY
PIDS+=($!)
export ReverseProxy__Clusters__qualytics__Destinations__primary__Address="http://127.0.0.1:5100/"

dotnet build Gateway/Gateway.csproj -v q --nologo >/dev/null
GATEWAY=(dotnet Gateway/bin/Debug/net10.0/ScimGateway.dll)
for port in 5101 5102 5103; do
  ASPNETCORE_URLS="http://127.0.0.1:$port" "${GATEWAY[@]}" >"$WORK/node-$port.log" 2>&1 &
  PIDS+=($!)
done
for port in 5101 5102 5103; do
  until curl -sf "http://127.0.0.1:$port/healthz/ready" >/dev/null; do sleep 0.5; done
  echo "node on :$port is ready"
done

# The command line works while the nodes serve: no data directory to lock.
ADMIN=$("${GATEWAY[@]}" tokens issue --service-user "Try Admin" --role Admin --name admin --expires-in-days 1)
USER_TOKEN=$("${GATEWAY[@]}" tokens issue --service-user "Try Pipeline" --role Member --name pipeline --expires-in-days 1)
status() { curl -s -o /dev/null -w "%{http_code}" -H "Authorization: Bearer $2" "http://127.0.0.1:$1/api/datastores"; }
for port in 5101 5102 5103; do echo "pipeline token on :$port -> $(status $port "$USER_TOKEN")"; done

ID=$(curl -s -H "Authorization: Bearer $ADMIN" http://127.0.0.1:5101/api/user-tokens/service \
  | python3 -c 'import json,sys; print(next(t["id"] for t in json.load(sys.stdin) if t["name"] == "pipeline"))')
curl -s -o /dev/null -X PUT -H "Authorization: Bearer $ADMIN" -H "Content-Type: application/json" \
  -d '{"revoke": true}' "http://127.0.0.1:5101/api/user-tokens/$ID"
echo "revoked on :5101"
sleep 1
for port in 5102 5103; do echo "pipeline token on :$port one second later -> $(status $port "$USER_TOKEN")"; done

echo "Nodes: http://127.0.0.1:5101 .. 5103 (logs in $WORK). Ctrl+C stops everything."
wait
