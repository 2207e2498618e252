#!/usr/bin/env bash
# Packs the SDK packages (Restate.Sdk with its analyzers, Restate.Sdk.Clients, Restate.Sdk.Local) as .nupkg and
# .snupkg into artifacts/packages, or into the folder given as the first argument.
# SourceLink is turned on only when the repository has an 'origin' remote to link to.
set -euo pipefail
cd "$(dirname "$0")/.."

output="${1:-artifacts/packages}"
mkdir -p "$output"

sourcelink=()
if git remote get-url origin >/dev/null 2>&1; then
  sourcelink=(-p:EnableSourceLink=true -p:EnableSourceControlManagerQueries=true)
else
  echo "No 'origin' remote: packing without SourceLink." >&2
fi

for project in Restate.Sdk Restate.Sdk.Clients Restate.Sdk.Local; do
  dotnet pack "src/$project/$project.csproj" --configuration Release --output "$output" "${sourcelink[@]}"
done

echo "Packages in $output:"
ls -1 "$output"
