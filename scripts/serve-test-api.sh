#!/usr/bin/env bash
# Serves Portal for the browser tests: a fresh SQLite database (migrated and seeded) in a new temporary folder,
# on 127.0.0.1:<port>, in the foreground (Playwright's webServer starts it and stops it).
#   scripts/serve-test-api.sh <port> [--Option:Key value …]
# PORTAL_TEST_ADMIN_KEY (default below) is stored as the bootstrap admin key, so a test can make its own keys and data.
# Builds Portal.Api ($CONFIG, default Debug) first when its output is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
port="$1"; shift
config="${CONFIG:-Debug}"
dll="Portal.Api/bin/$config/net10.0/Portal.Api.dll"
if [ ! -f "$dll" ]; then
  dotnet build Portal.Api -c "$config" >&2
fi
data=$(mktemp -d "${TMPDIR:-/tmp}/portal-browser-test.XXXXXX")
trap 'rm -rf "$data"' EXIT
export Auth__BootstrapAdminKey="${PORTAL_TEST_ADMIN_KEY:-ptl_browser_tests_bootstrap_admin_key_0001}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
dotnet "$dll" --urls "http://127.0.0.1:$port" --Database:Path "$data/portal.db" --Files:Root "$data/files" "$@" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$data"' EXIT INT TERM
wait "$pid"
