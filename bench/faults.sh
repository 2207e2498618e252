#!/usr/bin/env bash
# Fault-injection suite, full form: 50 concurrent conversations of 6 messages against the app while
# the app is killed with SIGKILL at random (seeded) moments and restarted, and restate-server is
# stopped and restarted once; then every session's history and the model runs per turn are audited.
# Prints the figures; exits non-zero if a message was duplicated, lost or a turn recomputed.
# Options go to the driver (see tests/FaultInjection/FaultRunOptions.cs or --help), e.g.
#   bench/faults.sh --sessions 100 --turns 8 --seed 3
set -euo pipefail
cd "$(dirname "$0")/.."

build_output=$(dotnet build tests/FaultInjection --configuration Release -nologo 2>&1) || { echo "$build_output" >&2; exit 1; }
mkdir -p bench/results
exec dotnet tests/FaultInjection/bin/Release/net10.0/FaultInjection.dll --json bench/results/faults.json "$@"
