#!/usr/bin/env bash
# The web parts' tests (typed client, API lint, reference portal, editor app), each step written as JUnit XML to
# <results-dir> so .ci/run counts them with the .NET suites. Expects `make web-deps` to have installed node_modules.
#   scripts/web-tests.sh <results-dir>
set -uo pipefail
cd "$(dirname "$0")/.."
out="$1"
mkdir -p "$out"
status=0
step() { scripts/junit-step.sh "$out" "$@" || status=1; }

# Typed client: generated from the committed openapi.json (no drift) and compiled with tsc --strict.
step client schema-matches-openapi -- scripts/client-drift.sh
step client tsc-strict -- npm --prefix clients/typescript run --silent check

# Editor app (web/admin): tsc --strict over the app and its tests, then the Playwright suite on Debian's Chromium
# (its webServer builds the app and serves it from a fresh Portal); it writes its own JUnit XML and screenshots.
step admin tsc-strict -- npm --prefix web/admin run --silent check
scripts/ensure-chromium.sh >&2 || status=1
(cd web/admin && ADMIN_E2E_RESULTS="$(cd "$out" && pwd)" npx playwright test) || status=1

exit "$status"
