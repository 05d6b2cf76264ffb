#!/usr/bin/env bash
# Check (run by run.sh's checks hook, with Portal up): is every 202 of POST /api/v1/hits a persisted page view?
# Runs accounting.sh (ACCOUNT_HITS browser hits beside ACCOUNT_BURNERS busy loops) against BASE and compares the 202s
# with what GET /api/v1/hits and the database gained; prints one markdown line, "accepted = persisted" or FAIL, and
# exits 1 on FAIL. Environment from run.sh: BASE, RAW, DB (sqlite or postgres), DATABASE (the SQLite file, or the
# Npgsql connection string) and HITS_BODY (a hit's JSON body). Method: bench/README.md, "Hit accounting".
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${BASE:?}" "${RAW:?}" "${DB:?}" "${DATABASE:?}" "${HITS_BODY:?}"

# An Npgsql connection string ("Host=…;Port=…;Username=…;Database=…") as libpq's conninfo, which psql takes.
conninfo() {
  tr ';' '\n' <<<"$1" | awk -F= '
    { key = tolower($1); gsub(/ /, "", key); value = substr($0, index($0, "=") + 1) }
    key == "host" || key == "server" { print "host=" value }
    key == "port" { print "port=" value }
    key == "username" || key == "userid" || key == "user" { print "user=" value }
    key == "password" { print "password=" value }
    key == "database" { print "dbname=" value }' | paste -sd' '
}

case "$DB" in
  sqlite) database=$DATABASE ;;
  postgres) database=$(conninfo "$DATABASE") ;;
  *) echo "- **Hit accounting: FAIL** — unknown DB \`$DB\` (sqlite or postgres)."; exit 1 ;;
esac

tsv=$RAW/accounting.tsv
status=0
bench/accounting.sh "$BASE" "$DB" "$database" "$HITS_BODY" "$RAW/wrk/portal-accounting.txt" >"$tsv" || status=$?
value() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$tsv"; }
detail="$(value planned) hits over $(value connections) connections beside $(value burners) busy loops ($(value seconds) s): \
$(value accepted) answered 202 ($(value other) other statuses, $(value socket_errors) socket errors); GET /api/v1/hits gained \
$(value api_gain) page views and the $DB database $(value db_gain)"
if [ "$status" = 0 ]; then
  echo "- Hit accounting: **accepted = persisted** — $detail."
else
  echo "- **Hit accounting: FAIL** — $detail (\`accounting.tsv\`, \`wrk/portal-accounting.txt\` in the raw folder)."
  exit 1
fi
