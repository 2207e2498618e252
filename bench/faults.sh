#!/usr/bin/env bash
# Fault-injection suite, full form: 50 concurrent conversations of 6 messages against the app while
# the app is killed with SIGKILL at random (seeded) moments and restarted, and restate-server is
# stopped and restarted once; then every session's history is audited, and from Restate's journal
# (sys_journal) how often each turn's durable steps ran. It runs once per durability mode: sessions
# with one "agent turn" step, then sessions with a step per model request, tool call and handoff.
# Prints the figures and one summary line per mode; exits non-zero if a message was duplicated or
# lost, or a step ran again after its result was stored.
# Options go to the driver (see tests/FaultInjection/FaultRunOptions.cs or --help), e.g.
#   bench/faults.sh --durability step --sessions 100 --turns 8 --seed 3
set -euo pipefail
cd "$(dirname "$0")/.."

build_output=$(dotnet build tests/FaultInjection --configuration Release -nologo 2>&1) || { echo "$build_output" >&2; exit 1; }
mkdir -p bench/results
exec dotnet tests/FaultInjection/bin/Release/net10.0/FaultInjection.dll --json bench/results/faults.json "$@"
