#!/usr/bin/env bash
# Installs what the run command and the tests need and that NuGet does not bring:
# the pinned restate-server and CLI (npm), the web UI's packages, and Chromium for browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/@restatedev/restate-server-linux-x64/bin/restate-server ]; then
  echo "Installing restate-server from package.json (npm)..."
  npm ci --no-audit --no-fund
fi

if [ -f ui/package.json ] && [ ! -d ui/node_modules ]; then
  echo "Installing the web UI's packages (npm)..."
  (cd ui && npm ci --no-audit --no-fund)
fi

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests (apt-get)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install Debian's 'chromium' package to run the browser tests." >&2
    exit 1
  fi
fi
