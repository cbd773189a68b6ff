#!/usr/bin/env bash
# Two gateway variants measured at the same time: each gets its own wrk (-t1) with the same connection count, both runs
# start together, and each variant's requests and CPU time are read over the same seconds. A shared machine whose
# speed drifts by tens of percent within minutes (seen on the build machine, plain YARP alone moving 63-79 µs of CPU per
# request between two runs a minute apart) slows both alike, so the per-round B/A ratios are paired samples, where
# ab.sh compares runs taken seconds or minutes apart. Both variants compete for the same cores, so absolute figures
# are not throughput a single gateway would reach; only the ratios are the result.
# SETS sets of freshly started gateways (a process's speed is partly fixed at start-up, by tiered JIT and dynamic PGO),
# ROUNDS rounds each, after WARMUP seconds of simultaneous load. Reported: every round, then per connection count the
# mean of the sets' B/A throughput ratios with its standard error, the mean CPU per request of each variant, and the
# mean of the sets' A/B CPU-per-request ratios with its standard error.
# A variant whose /metrics answers 200 is scraped every 5 s, as Prometheus would.
# Usage: [SETS=n] [ROUNDS=n] [WARMUP=s] [CONNS='32 128'] [A_NAME=..] [A_DLL=..] [A_ENV='K=V ..'] [B_NAME=..] [B_DLL=..]
#        [B_ENV='K=V ..'] bench/proxy/paired.sh [seconds-per-round]
# Example, before/after: A_NAME=before A_DLL=../before/Gateway/bin/Release/net10.0/ScimGateway.dll B_NAME=after \
#   B_ENV=Metrics__Enabled=false bench/proxy/paired.sh 5
# Example, metrics: A_NAME=off A_ENV=Metrics__Enabled=false B_NAME=on bench/proxy/paired.sh 5
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-5}"
SETS="${SETS:-6}"
ROUNDS="${ROUNDS:-6}"
WARMUP="${WARMUP:-30}"
CONNS="${CONNS:-32 128}"
source bench/proxy/common.sh

build_release

declare -A DLL ENVS NAME PORT PID TOKEN
DLL[a]="${A_DLL:-$MAIN_DLL}"; ENVS[a]="${A_ENV:-}"; NAME[a]="${A_NAME:-A}"
DLL[b]="${B_DLL:-$MAIN_DLL}"; ENVS[b]="${B_ENV:-}"; NAME[b]="${B_NAME:-B}"

UPSTREAM="http://127.0.0.1:$(free_port)"
dotnet "$BENCH" upstream --urls "$UPSTREAM" >"$WORK/upstream.log" 2>&1 & PIDS+=($!)
wait_for "$UPSTREAM/api/datastores"

start_set() { # set: both gateways, freshly started on fresh data directories, each with a token
  local v
  SET_PIDS=()
  for v in a b; do start_gateway "$v" "$1" "$UPSTREAM"; done
  for v in a b; do check_gateway "$v"; done
}

both() { # connections seconds: load both gateways at once; wrk's reports land in $WORK/a.out and $WORK/b.out
  local v loaders=()
  for v in a b; do
    wrk -t1 -c"$1" -d"$2s" -H "Authorization: Bearer ${TOKEN[$v]}" "http://127.0.0.1:${PORT[$v]}/api/datastores" >"$WORK/$v.out" &
    loaders+=($!)
  done
  wait "${loaders[@]}"
}

results="$WORK/results.md"
rounds="$WORK/rounds.tsv" # connections, set, B/A requests, A CPU µs per request, B CPU µs per request
echo "| set | round | connections | ${NAME[a]} requests/s | ${NAME[b]} requests/s | ${NAME[b]} / ${NAME[a]} | CPU per request ${NAME[a]} / ${NAME[b]} |" >"$results"
echo "|---:|---:|---:|---:|---:|---:|---:|" >>"$results"
for set in $(seq 1 "$SETS"); do
  start_set "$set"
  echo "set $set: warming both for ${WARMUP}s" >&2
  both 64 "$WARMUP" >/dev/null
  for conns in $CONNS; do
    both "$conns" 5
    for round in $(seq 1 "$ROUNDS"); do
      declare -A TICKS_BEFORE=() TICKS_AFTER=()
      for v in a b; do TICKS_BEFORE[$v]=$(cpu_ticks "${PID[$v]}"); done
      both "$conns" "$DURATION"
      for v in a b; do TICKS_AFTER[$v]=$(cpu_ticks "${PID[$v]}"); done
      line=$(awk -v ta=$((TICKS_AFTER[a] - TICKS_BEFORE[a])) -v tb=$((TICKS_AFTER[b] - TICKS_BEFORE[b])) -v hz="$TICKS" \
        -v na="$(awk '/requests in/ {print $1}' "$WORK/a.out")" -v nb="$(awk '/requests in/ {print $1}' "$WORK/b.out")" \
        -v d="$DURATION" 'BEGIN { printf "%.0f\t%.0f\t%.4f\t%.1f\t%.1f", na / d, nb / d, nb / na, ta * 1e6 / hz / na, tb * 1e6 / hz / nb }')
      IFS=$'\t' read -r rps_a rps_b ratio cpu_a cpu_b <<<"$line"
      printf '%s\t%s\t%s\t%s\t%s\n' "$conns" "$set" "$ratio" "$cpu_a" "$cpu_b" >>"$rounds"
      printf '| %s | %s | %s | %s | %s | %.3f | %s / %s µs |\n' "$set" "$round" "$conns" "$rps_a" "$rps_b" "$ratio" "$cpu_a" "$cpu_b" >>"$results"
      echo "done: set $set, round $round, $conns connections" >&2
    done
  done
  stop_set
done

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), .NET $(dotnet --version)," \
  "both variants loaded at once (wrk -t1 each), ${DURATION}s x $ROUNDS rounds after ${WARMUP}s warm-up, $SETS set(s) of processes;" \
  "A = ${NAME[a]} ${ENVS[a]}, B = ${NAME[b]} ${ENVS[b]}"
echo
cat "$results"
echo
echo "| connections | ${NAME[b]} / ${NAME[a]} throughput, by set: mean ± standard error (each set) | rounds where ${NAME[b]} did more | CPU per request, mean of rounds: ${NAME[a]} / ${NAME[b]} (their ratio, the throughput each would reach alone) | CPU per request ${NAME[a]} / ${NAME[b]}, by set: mean ± standard error (each set) |"
echo "|---:|---:|---:|---:|---:|"
for conns in $CONNS; do
  # The CPU ratio by set is the figure the sets' spread can be read from: each set's A / B over its rounds.
  awk -F'\t' -v c="$conns" '$1 == c { s[$2] += $3; n[$2]++; if ($2 > max) max = $2; cpu_a += $4; cpu_b += $5; rounds++; more += ($3 > 1)
      set_a[$2] += $4; set_b[$2] += $5 }
    END {
      for (k = 1; k in s || k <= max; k++) if (k in s) { m = s[k] / n[k]; v[++sets] = m; total += m; r = set_a[k] / set_b[k]; w[sets] = r; total_w += r }
      mean = total / sets; mean_w = total_w / sets
      for (i = 1; i <= sets; i++) {
        d += (v[i] - mean) ^ 2; l = l (i > 1 ? " / " : "") sprintf("%.3f", v[i])
        dw += (w[i] - mean_w) ^ 2; lw = lw (i > 1 ? " / " : "") sprintf("%.3f", w[i])
      }
      se = sets > 1 ? sqrt(d / (sets - 1) / sets) : 0
      se_w = sets > 1 ? sqrt(dw / (sets - 1) / sets) : 0
      printf "| %s | %.3f ± %.3f (%s) | %d of %d | %.1f / %.1f µs (%.3f) | %.3f ± %.3f (%s) |\n", c, mean, se, l, more, rounds, cpu_a / rounds, cpu_b / rounds, cpu_a / cpu_b, mean_w, se_w, lw
    }' "$rounds"
done
