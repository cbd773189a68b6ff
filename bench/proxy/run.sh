#!/usr/bin/env bash
# Proxy load benchmark: the same request through (a) the upstream directly, (b) plain YARP with no authentication,
# (c) the gateway (token check, identity transform, usage counting), each at 32 and 128 connections with wrk.
# Reports requests/s, latency and the server process's CPU time per request (from /proc).
# Loopback only; every process started here is stopped on exit. Usage: [WARMUP=s] bench/proxy/run.sh [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-15}"
WARMUP="${WARMUP:-10}"
source bench/proxy/common.sh

echo "Building (Release)..." >&2
dotnet build -c Release bench/ProxyBench -v q -nologo >/dev/null
dotnet build -c Release Gateway -v q -nologo >/dev/null
BENCH=bench/ProxyBench/bin/Release/net10.0/ScimGateway.ProxyBench.dll
GATEWAY=Gateway/bin/Release/net10.0/ScimGateway.dll

UP_PORT=$(free_port); YARP_PORT=$(free_port); GW_PORT=$(free_port)
UPSTREAM="http://127.0.0.1:$UP_PORT"

dotnet "$BENCH" upstream --urls "$UPSTREAM" & UP_PID=$!; PIDS+=($UP_PID)
dotnet "$BENCH" yarp --urls "http://127.0.0.1:$YARP_PORT" --upstream "$UPSTREAM/" & YARP_PID=$!; PIDS+=($YARP_PID)

dotnet "$GATEWAY" users add --user-name bench@example.com --data-dir "$WORK/data" >/dev/null
TOKEN=$(dotnet "$GATEWAY" tokens issue --user bench@example.com --name bench --expires-in-days 1 --data-dir "$WORK/data")
Storage__DataDirectory="$WORK/data" \
ReverseProxy__Clusters__qualytics__Destinations__primary__Address="$UPSTREAM/" \
  dotnet "$GATEWAY" --urls "http://127.0.0.1:$GW_PORT" & GW_PID=$!; PIDS+=($GW_PID)

wait_for "$UPSTREAM/api/datastores"; wait_for "http://127.0.0.1:$YARP_PORT/api/datastores"; wait_for "http://127.0.0.1:$GW_PORT/healthz"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$GW_PORT/api/datastores")
[ "$status" = 200 ] || { echo "gateway answered $status to the benchmark token" >&2; exit 1; }

# wrk latency values (e.g. 812.00us, 1.23ms, 2.00s) -> microseconds
to_us() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); print v+0} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v*1000} else {sub(/s$/,"",v); print v*1000000}}'; }


declare -A RPS P50 CPU
results="$WORK/results.md"
echo "| target | connections | requests/s | p50 | p75 | p90 | p99 | non-2xx | server CPU per request |" > "$results"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|" >> "$results"
run() { # NAME PID URL CONNECTIONS [wrk args...]
  local name=$1 pid=$2 url=$3 conns=$4; shift 4
  local threads=$(( conns < THREADS ? conns : THREADS )) # wrk needs at least one connection per thread
  # Warm-up: JIT tiering (the gateway has far more code to tier up than plain YARP; 3 s left it in the
  # measured window), connection pools, GC budgets.
  wrk -t"$threads" -c"$conns" -d"${WARMUP}s" "$@" "$url" >/dev/null
  local before; before=$(cpu_ticks "$pid")
  local out; out=$(wrk -t"$threads" -c"$conns" -d"${DURATION}s" --latency "$@" "$url")
  local after; after=$(cpu_ticks "$pid")
  local rps p50 p75 p90 p99 bad requests cpu
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  cpu=$(awk -v t=$((after - before)) -v hz="$TICKS" -v n="$requests" 'BEGIN { printf "%.1f", t * 1e6 / hz / n }')
  p50=$(awk '$1=="50%" {print $2}' <<<"$out" | to_us); p75=$(awk '$1=="75%" {print $2}' <<<"$out" | to_us)
  p90=$(awk '$1=="90%" {print $2}' <<<"$out" | to_us); p99=$(awk '$1=="99%" {print $2}' <<<"$out" | to_us)
  bad=$(awk '/Non-2xx/ {print $5}' <<<"$out"); bad=${bad:-0}
  RPS[$name-$conns]=$rps; P50[$name-$conns]=$p50; CPU[$name-$conns]=$cpu
  printf '| %s | %s | %.0f | %.0f µs | %.0f µs | %.0f µs | %.0f µs | %s | %s µs |\n' "$name" "$conns" "$rps" "$p50" "$p75" "$p90" "$p99" "$bad" "$cpu" >> "$results"
  echo "done: $name at $conns connections" >&2
}

for conns in 1 32 128; do
  run upstream "$UP_PID" "$UPSTREAM/api/datastores" "$conns"
  run plain-yarp "$YARP_PID" "http://127.0.0.1:$YARP_PORT/api/datastores" "$conns"
  run gateway "$GW_PID" "http://127.0.0.1:$GW_PORT/api/datastores" "$conns" -H "Authorization: Bearer $TOKEN"
done

echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, .NET $(dotnet --version), wrk -t$THREADS -d${DURATION}s --latency after ${WARMUP}s warm-up"
echo
cat "$results"
echo
echo "| connections | gateway / plain YARP throughput | gateway p50 - plain YARP p50 | gateway CPU - plain YARP CPU per request |"
echo "|---:|---:|---:|---:|"
for conns in 1 32 128; do
  awk -v c="$conns" -v g="${RPS[gateway-$conns]}" -v y="${RPS[plain-yarp-$conns]}" -v gp="${P50[gateway-$conns]}" -v yp="${P50[plain-yarp-$conns]}" \
    -v gc="${CPU[gateway-$conns]}" -v yc="${CPU[plain-yarp-$conns]}" \
    'BEGIN { printf "| %s | %.1f%% | %+.0f µs | %+.1f µs |\n", c, 100*g/y, gp-yp, gc-yc }'
done
