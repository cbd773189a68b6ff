# Shared by the proxy benchmark scripts (sourced, not run): environment, a work directory and the processes started
# in it (stopped and removed on exit), free loopback ports, waiting for a server, and a process's CPU time.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 Logging__LogLevel__Default=Warning
THREADS=2

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
wait_for() { # URL: wait (up to 30 s) until the port answers anything
  for _ in $(seq 1 300); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "nothing answered at $1" >&2; exit 1
}

# CPU time (user + system, clock ticks) the process has used so far: CPU per request is far less sensitive to
# other load on the machine than requests/s, because time spent waiting for a core is not counted.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICKS=$(getconf CLK_TCK)

# The proxy benchmark app and the gateway, built in Release; BENCH and MAIN_DLL name their assemblies.
build_release() {
  echo "Building (Release)..." >&2
  dotnet build -c Release bench/ProxyBench -v q -nologo >/dev/null
  dotnet build -c Release Gateway -v q -nologo >/dev/null
  BENCH=bench/ProxyBench/bin/Release/net10.0/ScimGateway.ProxyBench.dll
  MAIN_DLL=Gateway/bin/Release/net10.0/ScimGateway.dll
}

# start_gateway VARIANT SET UPSTREAM: the variant's build (DLL[v]) with its settings (ENVS[v], K=V words) on a fresh
# data directory with a personal token, forwarding to UPSTREAM; sets PORT[v], PID[v] and TOKEN[v] and adds the process
# to SET_PIDS. Its output goes to the work directory.
start_gateway() {
  local v=$1 data="$WORK/$2-$1"
  PORT[$v]=$(free_port)
  # shellcheck disable=SC2086 # the variant's settings are a list of K=V words, for its commands and its server
  env ${ENVS[$v]} dotnet "${DLL[$v]}" users add --user-name bench@example.com --data-dir "$data" >/dev/null
  # shellcheck disable=SC2086
  TOKEN[$v]=$(env ${ENVS[$v]} dotnet "${DLL[$v]}" tokens issue --user bench@example.com --name bench --expires-in-days 1 --data-dir "$data")
  # shellcheck disable=SC2086
  env ${ENVS[$v]} Storage__DataDirectory="$data" ReverseProxy__Clusters__qualytics__Destinations__primary__Address="$3/" \
    dotnet "${DLL[$v]}" --urls "http://127.0.0.1:${PORT[$v]}" >"$data.log" 2>&1 & PID[$v]=$!; SET_PIDS+=(${PID[$v]}); PIDS+=(${PID[$v]})
}

# check_gateway VARIANT: waits for it, checks that it forwards the benchmark request, and scrapes it every 5 s, as
# Prometheus would, when its /metrics answers 200. Before that it scrapes it 40 times in a row: tiered JIT optimises a
# method after 30 calls, which at one scrape per 5 s takes longer than a set runs, so without this the exporter would
# run unoptimised (and be compiled mid-measurement) throughout, where a gateway that has been up for half an hour runs
# it optimised. The request path gets the same treatment from the warm-up load.
check_gateway() {
  local v=$1 status
  wait_for "http://127.0.0.1:${PORT[$v]}/api/datastores"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${TOKEN[$v]}" "http://127.0.0.1:${PORT[$v]}/api/datastores")
  [ "$status" = 200 ] || { echo "${NAME[$v]} answered $status to the benchmark request" >&2; exit 1; }
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT[$v]}/metrics")" = 200 ]; then
    for _ in $(seq 1 40); do curl -s -o /dev/null "http://127.0.0.1:${PORT[$v]}/metrics"; done
    ( while sleep 5; do curl -s -o /dev/null "http://127.0.0.1:${PORT[$v]}/metrics"; done ) & SET_PIDS+=($!); PIDS+=($!)
  fi
}

# Stops the processes of the current set.
stop_set() {
  local pid
  for pid in "${SET_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SET_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
