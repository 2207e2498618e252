#!/usr/bin/env bash
# Packs the SDK packages (Restate.Sdk with its analyzers, Restate.Sdk.Clients, Restate.Sdk.Local) as .nupkg and
# .snupkg into artifacts/packages, or into the folder given as the first argument. Further arguments go to
# `dotnet pack` (e.g. --no-build); CONFIGURATION picks the build configuration (Release by default).
# SourceLink is turned on only when the 'origin' remote is on GitHub, the host it links to.
set -euo pipefail
cd "$(dirname "$0")/.."

output="${1:-artifacts/packages}"
shift || true
configuration="${CONFIGURATION:-Release}"
mkdir -p "$output"

sourcelink=()
if git remote get-url origin 2>/dev/null | grep -q 'github\.com'; then
  sourcelink=(-p:EnableSourceLink=true -p:EnableSourceControlManagerQueries=true)
else
  echo "No GitHub 'origin' remote: packing without SourceLink." >&2
fi

for project in Restate.Sdk Restate.Sdk.Clients Restate.Sdk.Local; do
  dotnet pack "src/$project/$project.csproj" --configuration "$configuration" --output "$output" \
    --disable-build-servers -nodeReuse:false "${sourcelink[@]}" "$@"
done

echo "Packages in $output:"
ls -1 "$output"
