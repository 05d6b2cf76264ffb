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

exit "$status"
