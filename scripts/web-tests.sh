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

# API document lint (tools/api-lint, pinned versions): Spectral spectral:oas recommended and Redocly recommended,
# 0 errors each; the warnings kept are listed with their reasons in tools/api-lint/.spectral.yaml and redocly.yaml.
step api-lint spectral -- npm --prefix tools/api-lint run --silent spectral
step api-lint redocly -- npm --prefix tools/api-lint run --silent redocly

# Editor app (web/admin): tsc --strict over the app and its tests, then the Playwright suite on Debian's Chromium
# (its webServer builds the app and serves it from a fresh Portal); it writes its own JUnit XML and screenshots.
out_abs=$(cd "$out" && pwd)
chromium=0
scripts/ensure-chromium.sh >&2 || { chromium=1; status=1; }
step admin tsc-strict -- npm --prefix web/admin run --silent check
[ "$chromium" = 0 ] && { (cd web/admin && ADMIN_E2E_RESULTS="$out_abs" npx playwright test) || status=1; }

# Reference portal (web/site): tsc --strict, its formatting rules (node --test), then the browser tests (Playwright in
# Debian's Chromium, against Portal on a fresh seeded database). Both runners write their own JUnit XML; screenshots
# go under $out/site-screenshots.
step site tsc-strict -- npm --prefix web/site run --silent check
(cd web/site && node --import tsx --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=junit --test-reporter-destination="$out_abs/site-unit.xml" unit/*.test.ts) || status=1
[ "$chromium" = 0 ] && { (cd web/site && PORTAL_WEB_RESULTS="$out_abs" npx playwright test) || status=1; }

exit "$status"
