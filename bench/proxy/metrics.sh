#!/usr/bin/env bash
# Cost of metrics on the proxy path: two gateways built from the same binary, one with Metrics__Enabled=true (the
# default: OpenTelemetry metrics with ASP.NET Core, HttpClient and the gateway's own meters, scraped by curl every 5 s
# as Prometheus would) and one with Metrics__Enabled=false, in front of the same upstream. Runs alternate on/off
# ROUNDS times at each connection count, so that load from elsewhere on the machine hits both alike; reports each
# run, the ratio of the summed throughputs, and each gateway's CPU time per request (from /proc: far less sensitive to
# other load on the machine than requests/s). Loopback only; every process started here is stopped on exit.
# ON_ENV adds settings to the metrics-on gateway only (e.g. ON_ENV=Metrics__Framework=false: the gateway's own meters only).
# Usage: [WARMUP=s] [ROUNDS=n] [ON_ENV='K=V ...'] bench/proxy/metrics.sh [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-10}"
WARMUP="${WARMUP:-5}"
ROUNDS="${ROUNDS:-3}"
THREADS=2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 Logging__LogLevel__Default=Warning

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() { for _ in $(seq 1 300); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "nothing answered at $1" >&2; exit 1; }

echo "Building (Release)..." >&2
dotnet build -c Release bench/ProxyBench -v q -nologo >/dev/null
dotnet build -c Release Gateway -v q -nologo >/dev/null
BENCH=bench/ProxyBench/bin/Release/net10.0/ScimGateway.ProxyBench.dll
GATEWAY=Gateway/bin/Release/net10.0/ScimGateway.dll

UP_PORT=$(free_port); ON_PORT=$(free_port); OFF_PORT=$(free_port)
UPSTREAM="http://127.0.0.1:$UP_PORT"
dotnet "$BENCH" upstream --urls "$UPSTREAM" & PIDS+=($!)

declare -A TOKEN PID_OF PORT_OF
PORT_OF[on]=$ON_PORT; PORT_OF[off]=$OFF_PORT
for mode in on off; do
  dotnet "$GATEWAY" users add --user-name bench@example.com --data-dir "$WORK/$mode" >/dev/null
  TOKEN[$mode]=$(dotnet "$GATEWAY" tokens issue --user bench@example.com --name bench --expires-in-days 1 --data-dir "$WORK/$mode")
  enabled=true; extra="${ON_ENV:-}"; [ "$mode" = off ] && { enabled=false; extra=""; }
  # shellcheck disable=SC2086 # ON_ENV is a list of K=V words
  env $extra Storage__DataDirectory="$WORK/$mode" Metrics__Enabled=$enabled \
  ReverseProxy__Clusters__qualytics__Destinations__primary__Address="$UPSTREAM/" \
    dotnet "$GATEWAY" --urls "http://127.0.0.1:${PORT_OF[$mode]}" & PID_OF[$mode]=$!; PIDS+=(${PID_OF[$mode]})
done
wait_for "$UPSTREAM/api/datastores"; wait_for "http://127.0.0.1:$ON_PORT/healthz/live"; wait_for "http://127.0.0.1:$OFF_PORT/healthz/live"
for mode in on off; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${TOKEN[$mode]}" "http://127.0.0.1:${PORT_OF[$mode]}/api/datastores")
  [ "$status" = 200 ] || { echo "gateway ($mode) answered $status to the benchmark token" >&2; exit 1; }
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$OFF_PORT/metrics")" = 404 ] || { echo "metrics are not off" >&2; exit 1; }

# A scraper on the metrics-on gateway, as Prometheus would (every 5 s).
( while sleep 5; do curl -s -o /dev/null "http://127.0.0.1:$ON_PORT/metrics"; done ) & PIDS+=($!)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICKS=$(getconf CLK_TCK)

declare -A SUM CPU_SUM REQ_SUM
results="$WORK/results.md"
echo "| round | connections | metrics | requests/s | gateway CPU per request |" > "$results"
echo "|---:|---:|---|---:|---:|" >> "$results"
for conns in 32 128; do
  for mode in on off; do
    wrk -t$THREADS -c"$conns" -d"${WARMUP}s" -H "Authorization: Bearer ${TOKEN[$mode]}" "http://127.0.0.1:${PORT_OF[$mode]}/api/datastores" >/dev/null
  done
  for round in $(seq 1 "$ROUNDS"); do
    # Alternate which mode goes first, so neither always runs right after the other's warm caches.
    order="on off"; [ $((round % 2)) = 0 ] && order="off on"
    for mode in $order; do
      before=$(cpu_ticks "${PID_OF[$mode]}")
      out=$(wrk -t$THREADS -c"$conns" -d"${DURATION}s" -H "Authorization: Bearer ${TOKEN[$mode]}" "http://127.0.0.1:${PORT_OF[$mode]}/api/datastores")
      after=$(cpu_ticks "${PID_OF[$mode]}")
      rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
      requests=$(awk '/requests in/ {print $1}' <<<"$out")
      SUM[$mode-$conns]=$(awk -v a="${SUM[$mode-$conns]:-0}" -v b="$rps" 'BEGIN { print a + b }')
      CPU_SUM[$mode-$conns]=$(( ${CPU_SUM[$mode-$conns]:-0} + after - before ))
      REQ_SUM[$mode-$conns]=$(( ${REQ_SUM[$mode-$conns]:-0} + requests ))
      cpu=$(awk -v t=$((after - before)) -v hz="$TICKS" -v n="$requests" 'BEGIN { printf "%.1f", t * 1e6 / hz / n }')
      printf '| %s | %s | %s | %.0f | %s µs |\n' "$round" "$conns" "$mode" "$rps" "$cpu" >> "$results"
      echo "done: round $round, $conns connections, metrics $mode" >&2
    done
  done
done

echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), .NET $(dotnet --version), wrk -t$THREADS -d${DURATION}s x $ROUNDS rounds after ${WARMUP}s warm-up"
echo
cat "$results"
echo
echo "| connections | metrics on / metrics off throughput | CPU per request, on / off |"
echo "|---:|---:|---:|"
for conns in 32 128; do
  awk -v c="$conns" -v on="${SUM[on-$conns]}" -v off="${SUM[off-$conns]}" \
    -v con="${CPU_SUM[on-$conns]}" -v coff="${CPU_SUM[off-$conns]}" -v ron="${REQ_SUM[on-$conns]}" -v roff="${REQ_SUM[off-$conns]}" -v hz="$TICKS" \
    'BEGIN { a = con * 1e6 / hz / ron; b = coff * 1e6 / hz / roff; printf "| %s | %.3f | %.1f µs / %.1f µs (%.3f) |\n", c, on/off, a, b, b/a }'
done
