#!/usr/bin/env bash
# Runs every test of the repository: unit tests, integration tests against a real
# restate-server, and browser tests in headless Chromium. Installs what they need first.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-tools.sh

results_dir="$(mktemp -d)"
trap 'rm -rf "$results_dir"' EXIT

status=0
dotnet test SkAgentSession.sln --configuration Release \
  --logger "trx" --results-directory "$results_dir" \
  --logger "console;verbosity=normal" "$@" || status=$?

echo "Checking code style (dotnet format --verify-no-changes)..."
dotnet format SkAgentSession.sln --verify-no-changes --no-restore || { echo "dotnet format found files to reformat" >&2; status=1; }

scripts/summarize-trx.sh "$results_dir"
exit "$status"
