#!/usr/bin/env bash
# Cost of metrics on the proxy path (#15: metrics on keeps at least 0.95x the throughput of metrics off): one build,
# A = Metrics:Enabled=false, B = the default (OpenTelemetry metrics with ASP.NET Core, HttpClient and the gateway's
# own meters, scraped every 5 s as Prometheus would), plain YARP as the yardstick, in bench/proxy/ab.sh's rotating rounds.
# ON_ENV adds settings to the metrics-on gateway (e.g. ON_ENV=Metrics__Framework=false: the gateway's own meters only).
# Usage: [WARMUP=s] [ROUNDS=n] [ON_ENV='K=V ...'] bench/proxy/metrics.sh [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/../.."
A_NAME=metrics-off A_ENV="Metrics__Enabled=false" B_NAME=metrics-on B_ENV="Metrics__Enabled=true ${ON_ENV:-}" \
  exec bench/proxy/ab.sh "$@"
