#!/usr/bin/env bash
# Fails when clients/typescript/src/schema.d.ts is not what openapi-typescript generates from openapi.json now
# (run `make openapi` to regenerate both, and commit them together).
set -euo pipefail
cd "$(dirname "$0")/../clients/typescript"
tmp=$(mktemp --suffix=.d.ts)
trap 'rm -f "$tmp"' EXIT
npx --no-install openapi-typescript ../../openapi.json --output "$tmp" >/dev/null 2>&1
if ! diff -u src/schema.d.ts "$tmp" > /dev/null; then
  diff -u src/schema.d.ts "$tmp" | head -40
  echo "clients/typescript/src/schema.d.ts is out of date: run 'make openapi' and commit it." >&2
  exit 1
fi
echo "schema.d.ts matches openapi.json"
