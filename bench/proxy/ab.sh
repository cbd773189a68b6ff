#!/usr/bin/env bash
# A/B of two gateway variants on the proxy path, with plain YARP in the same rounds as the yardstick.
# A variant is a gateway binary plus settings: two builds (before/after a change: A_DLL, B_DLL) or one build with two
# settings (A_ENV, B_ENV; metrics.sh is this script with metrics on and off). Every process is warmed with load for
# WARMUP seconds first: tiered JIT and dynamic PGO keep compiling for tens of seconds under load, and a short warm-up
# measures the compiler rather than the variant (it penalises whichever variant has more code), and again for SETTLE
# seconds at each connection count before it is measured. Runs then rotate
# yarp/A/B ROUNDS times at each connection count, so load from elsewhere hits all alike. Reported: each run, summed
# throughput ratios (A/yarp, B/yarp, B/A), the median of the per-round B/A ratios, and CPU time per request from /proc.
# A variant whose /metrics answers 200 is scraped every 5 s, as Prometheus would. Loopback only; all stopped on exit.
# PROCESSES (default 1) repeats all of that with freshly started processes: a process's speed is set at start-up (tiered
# JIT and dynamic PGO compile the hot path a little differently in each), so two processes of one build differ by 5-10%
# while rounds within one process agree; only fresh processes sample that. Reported per set and pooled: the mean of the
# sets' B/A ratios with its standard error, and the median over every round.
# Usage: [WARMUP=s] [SETTLE=s] [ROUNDS=n] [PROCESSES=n] [CONNS='32 128'] [A_NAME=..] [A_DLL=..] [A_ENV='K=V ..']
#        [B_NAME=..] [B_DLL=..] [B_ENV='K=V ..'] bench/proxy/ab.sh [seconds-per-run]
# Example, before/after a commit: git worktree add ../before <commit> && (cd ../before && dotnet build -c Release Gateway)
#   A_NAME=before A_DLL=../before/Gateway/bin/Release/net10.0/ScimGateway.dll B_NAME=after bench/proxy/ab.sh 10
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-10}"
WARMUP="${WARMUP:-60}"
SETTLE="${SETTLE:-10}"
ROUNDS="${ROUNDS:-3}"
PROCESSES="${PROCESSES:-1}"
CONNS="${CONNS:-32 128}"
source bench/proxy/common.sh

build_release

declare -A DLL ENVS NAME PORT PID TOKEN
DLL[a]="${A_DLL:-$MAIN_DLL}"; ENVS[a]="${A_ENV:-}"; NAME[a]="${A_NAME:-A}"
DLL[b]="${B_DLL:-$MAIN_DLL}"; ENVS[b]="${B_ENV:-}"; NAME[b]="${B_NAME:-B}"
NAME[yarp]="plain-yarp"; TOKEN[yarp]=none

UP_PORT=$(free_port)
UPSTREAM="http://127.0.0.1:$UP_PORT"
dotnet "$BENCH" upstream --urls "$UPSTREAM" >"$WORK/upstream.log" 2>&1 & PIDS+=($!)
wait_for "$UPSTREAM/api/datastores"

start_set() { # set: plain YARP and both gateways, freshly started, the gateways on a fresh data directory with a token
  local v
  SET_PIDS=()
  PORT[yarp]=$(free_port)
  # Servers' own output goes to files in the work directory: the report is this script's standard output.
  dotnet "$BENCH" yarp --urls "http://127.0.0.1:${PORT[yarp]}" --upstream "$UPSTREAM/" >"$WORK/$1-yarp.log" 2>&1 &
  PID[yarp]=$!; SET_PIDS+=(${PID[yarp]}); PIDS+=(${PID[yarp]})
  for v in a b; do start_gateway "$v" "$1" "$UPSTREAM"; done
  wait_for "http://127.0.0.1:${PORT[yarp]}/api/datastores"
  for v in a b; do check_gateway "$v"; done
}

load() { # variant connections seconds
  wrk -t$THREADS -c"$2" -d"$3s" -H "Authorization: Bearer ${TOKEN[$1]}" "http://127.0.0.1:${PORT[$1]}/api/datastores"
}

declare -A RPS_SUM RPS_SET CPU_SUM REQ_SUM RPS_RUN
results="$WORK/results.md"
echo "| set | round | connections | variant | requests/s | server CPU per request |" > "$results"
echo "|---:|---:|---:|---|---:|---:|" >> "$results"
orders=("yarp a b" "b yarp a" "a b yarp")
for set in $(seq 1 "$PROCESSES"); do
  start_set "$set"
  for v in yarp a b; do echo "set $set: warming ${NAME[$v]} for ${WARMUP}s" >&2; load "$v" 64 "$WARMUP" >/dev/null; done
  for conns in $CONNS; do
    # A change of connection count opens upstream connections and grows the thread pool: let that settle unmeasured.
    for v in yarp a b; do load "$v" "$conns" "$SETTLE" >/dev/null; done
    for round in $(seq 1 "$ROUNDS"); do
      for v in ${orders[$(( (round - 1) % 3 ))]}; do
        before=$(cpu_ticks "${PID[$v]}")
        out=$(load "$v" "$conns" "$DURATION")
        after=$(cpu_ticks "${PID[$v]}")
        rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
        RPS_RUN[$v-$conns-$set-$round]=$rps
        requests=$(awk '/requests in/ {print $1}' <<<"$out")
        RPS_SUM[$v-$conns]=$(awk -v a="${RPS_SUM[$v-$conns]:-0}" -v b="$rps" 'BEGIN { print a + b }')
        RPS_SET[$v-$conns-$set]=$(awk -v a="${RPS_SET[$v-$conns-$set]:-0}" -v b="$rps" 'BEGIN { print a + b }')
        CPU_SUM[$v-$conns]=$(( ${CPU_SUM[$v-$conns]:-0} + after - before ))
        REQ_SUM[$v-$conns]=$(( ${REQ_SUM[$v-$conns]:-0} + requests ))
        cpu=$(awk -v t=$((after - before)) -v hz="$TICKS" -v n="$requests" 'BEGIN { printf "%.1f", t * 1e6 / hz / n }')
        printf '| %s | %s | %s | %s | %.0f | %s µs |\n' "$set" "$round" "$conns" "${NAME[$v]}" "$rps" "$cpu" >> "$results"
        echo "done: set $set, round $round, $conns connections, ${NAME[$v]}" >&2
      done
    done
  done
  stop_set
done

per_request() { awk -v t="${CPU_SUM[$1-$2]}" -v n="${REQ_SUM[$1-$2]}" -v hz="$TICKS" 'BEGIN { printf "%.1f", t * 1e6 / hz / n }'; }
ratio() { awk -v x="${RPS_SUM[$1-$3]}" -v y="${RPS_SUM[$2-$3]}" 'BEGIN { printf "%.3f", x / y }'; }
# The median over every round of B/A within the round: the two runs of a round are seconds apart, so a machine whose
# speed drifts over minutes (a shared VM) moves both alike, and one disturbed round cannot carry the result.
median_ratio() {
  for set in $(seq 1 "$PROCESSES"); do
    for round in $(seq 1 "$ROUNDS"); do
      awk -v x="${RPS_RUN[$1-$3-$set-$round]}" -v y="${RPS_RUN[$2-$3-$set-$round]}" 'BEGIN { printf "%.4f\n", x / y }'
    done
  done | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f (%.3f-%.3f)", m, v[1], v[NR] }'
}
# Each set's B/A ratio (of its summed throughputs), and their mean with its standard error: the sets are the
# independent samples of the start-up effect, so the error of their mean says whether a difference is real.
set_ratios() {
  for set in $(seq 1 "$PROCESSES"); do
    awk -v x="${RPS_SET[$1-$3-$set]}" -v y="${RPS_SET[$2-$3-$set]}" 'BEGIN { printf "%.3f\n", x / y }'
  done | awk '{ v[NR] = $1; s += $1 } END { m = s / NR; for (i = 1; i <= NR; i++) { d += (v[i] - m) ^ 2; l = l (i > 1 ? " / " : "") v[i] }
    if (NR > 1) printf "%.3f ± %.3f (%s)", m, sqrt(d / (NR - 1) / NR), l; else printf "%.3f", m }'
}

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), .NET $(dotnet --version)," \
  "wrk -t$THREADS -d${DURATION}s x $ROUNDS rounds after ${WARMUP}s warm-up of each, $PROCESSES set(s) of processes;" \
  "A = ${NAME[a]} ${ENVS[a]}, B = ${NAME[b]} ${ENVS[b]}"
echo
cat "$results"
echo
echo "| connections | ${NAME[a]} / plain YARP | ${NAME[b]} / plain YARP | ${NAME[b]} / ${NAME[a]} | ${NAME[b]} / ${NAME[a]}, median of rounds (range) | ${NAME[b]} / ${NAME[a]} by set: mean ± standard error (each set) | CPU per request: plain YARP, ${NAME[a]}, ${NAME[b]} |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for conns in $CONNS; do
  echo "| $conns | $(ratio a yarp "$conns") | $(ratio b yarp "$conns") | $(ratio b a "$conns") | $(median_ratio b a "$conns") |" \
    "$(set_ratios b a "$conns") | $(per_request yarp "$conns") / $(per_request a "$conns") / $(per_request b "$conns") µs |"
done
