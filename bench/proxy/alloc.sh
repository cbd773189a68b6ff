#!/usr/bin/env bash
# Bytes allocated and CPU time per proxied request, for gateway builds side by side. Allocation does not depend on how
# busy the machine is or on how the JIT compiled a process, so it compares two builds' request paths where throughput
# runs (ab.sh) cannot tell a few percent apart. Each variant: a fresh gateway on a temp data directory with a personal
# token, in front of the same upstream, warmed with WARMUP seconds of load, then ROUNDS runs of wrk at 32 connections
# while dotnet-counters reads the runtime's allocation rate and gen-0 GC count once a second.
# Variants are NAME=DLL pairs; settings for a variant follow its pair as K=V words up to the next pair or the end.
# Usage: [WARMUP=s] [ROUNDS=n] bench/proxy/alloc.sh [seconds-per-run] NAME=DLL [K=V ...] [NAME=DLL [K=V ...] ...]
# Example: bench/proxy/alloc.sh 8 before=../before/Gateway/bin/Release/net10.0/ScimGateway.dll \
#            after=Gateway/bin/Release/net10.0/ScimGateway.dll Metrics__Enabled=false
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-8}"; shift || true
WARMUP="${WARMUP:-20}"
ROUNDS="${ROUNDS:-3}"
source bench/proxy/common.sh

COUNTERS="$WORK/tools/dotnet-counters"
echo "Installing dotnet-counters and building (Release)..." >&2
dotnet tool install --tool-path "$WORK/tools" dotnet-counters >/dev/null
dotnet build -c Release bench/ProxyBench -v q -nologo >/dev/null
dotnet build -c Release Gateway -v q -nologo >/dev/null
BENCH=bench/ProxyBench/bin/Release/net10.0/ScimGateway.ProxyBench.dll

UPSTREAM="http://127.0.0.1:$(free_port)"
dotnet "$BENCH" upstream --urls "$UPSTREAM" & PIDS+=($!)
wait_for "$UPSTREAM/api/datastores"

measure() { # name dll settings...
  local name=$1 dll=$2 data="$WORK/$1" port pid token out requests rps before after
  shift 2
  port=$(free_port)
  env "$@" dotnet "$dll" users add --user-name bench@example.com --data-dir "$data" >/dev/null
  token=$(env "$@" dotnet "$dll" tokens issue --user bench@example.com --name bench --expires-in-days 1 --data-dir "$data")
  env "$@" Storage__DataDirectory="$data" ReverseProxy__Clusters__qualytics__Destinations__primary__Address="$UPSTREAM/" \
    dotnet "$dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 & pid=$!; PIDS+=($pid)
  wait_for "http://127.0.0.1:$port/api/datastores"
  load() { wrk -t$THREADS -c32 -d"$1s" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/datastores"; }
  echo "warming $name for ${WARMUP}s" >&2
  load "$WARMUP" >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    # The counters run from 2 s before the load until after it: idle seconds add the process's background allocation,
    # a few kB, which is noise against the tens of megabytes a run allocates.
    "$COUNTERS" collect -p "$pid" --counters 'System.Runtime[alloc-rate,gen-0-gc-count]' --format csv -o "$WORK/counters.csv" \
      --refresh-interval 1 --duration "00:00:$(printf '%02d' $((DURATION + 4)))" >/dev/null 2>&1 & local collector=$!
    sleep 2
    before=$(cpu_ticks "$pid")
    out=$(load "$DURATION")
    after=$(cpu_ticks "$pid")
    wait "$collector" || true
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    awk -F, -v name="$name" -v round="$round" -v n="$requests" -v rps="$rps" -v t=$((after - before)) -v hz="$TICKS" \
      '/Allocation Rate/ { bytes += $NF } /Gen 0 GC/ { gcs += $NF }
       END { printf "| %s | %s | %.0f | %.0f B | %.1f µs | %.0f |\n", name, round, rps, bytes / n, t * 1e6 / hz / n, n / (gcs ? gcs : 1) }' \
      "$WORK/counters.csv"
    rm -f "$WORK/counters.csv"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, .NET $(dotnet --version), wrk -t$THREADS -c32 -d${DURATION}s x $ROUNDS after ${WARMUP}s warm-up"
echo
echo "| variant | run | requests/s | allocated per request | server CPU per request | requests per gen-0 GC |"
echo "|---|---:|---:|---:|---:|---:|"
variant=()
for arg in "$@"; do
  if [[ "$arg" == *=*.dll ]]; then
    if [ ${#variant[@]} -gt 0 ]; then measure "${variant[@]}"; fi
    variant=("${arg%%=*}" "${arg#*=}")
  else
    variant+=("$arg")
  fi
done
if [ ${#variant[@]} -gt 0 ]; then measure "${variant[@]}"; fi
