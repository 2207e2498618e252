#!/usr/bin/env bash
# Long-session benchmark: does a turn cost the same late in a session as early on? Prints its figures:
# one session (latency, CPU and state bytes per turn, early against late), ending that part with
#   growth latency=X cpu=Y
# then many sessions at once (turns/s early against late). Sizes (environment, defaults):
#   BENCH_SESSIONS_TURNS (1000) turns of the one session, BENCH_SESSIONS_WINDOW (50) turns per window,
#   BENCH_SESSIONS_WARMUP (200) turns of a warm-up session, BENCH_SESSIONS_CONCURRENT (50) sessions at once,
#   BENCH_SESSIONS_CONCURRENT_TURNS (200) turns each, BENCH_SESSIONS_CONCURRENT_WINDOW (20) turns per window.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x node_modules/@restatedev/restate-server-linux-x64/bin/restate-server ] || npm ci --silent
dotnet build src/SkAgentSession -c Release -nologo -v quiet
dotnet run --project bench/SkAgentSession.Bench.Sessions -c Release -- "$PWD"
