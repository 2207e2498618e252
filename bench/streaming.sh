#!/usr/bin/env bash
# Streaming benchmark: time from POST to the first text.delta of a turn, and the CPU cost per turn of
# streaming to a subscriber against the same turn with none. Prints its figures; the last line is
#   streaming first-delta-p50-ms=X cpu-ratio=Y
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x node_modules/@restatedev/restate-server-linux-x64/bin/restate-server ] || npm ci --silent
dotnet build src/SkAgentSession -c Release -nologo -v quiet
dotnet run --project bench/SkAgentSession.Bench.Streaming -c Release -- "$PWD" "${BENCH_STREAMING_TURNS:-60}"
