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
