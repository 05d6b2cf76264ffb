#!/usr/bin/env bash
# The hit-accounting run: is every 202 of POST /api/v1/hits a counted page view? Against a running Portal, it posts
# ACCOUNT_HITS hits with browsers' User-Agents (hits-accounting.lua) over ACCOUNT_CONNECTIONS connections while
# ACCOUNT_BURNERS busy loops compete for the CPU (what made the old crawler match time out), waits for the counter's
# flush, and compares the 202s wrk received with the page views GET /api/v1/hits and the database (sum of
# DailyHits.PageViews) gained. Bounded: at most ACCOUNT_SECONDS. Prints key<TAB>value lines and exits 1 when the
# counts differ. Used by checks/hits-accounting.sh; method in bench/README.md.
#   accounting.sh BASE sqlite FILE BODY OUT   or   accounting.sh BASE postgres CONNINFO BODY OUT
# BASE: Portal's URL; FILE: its SQLite database; CONNINFO: its PostgreSQL database as libpq takes it
# ("host=… port=… user=… dbname=…"); BODY: the hit's JSON body; OUT: where wrk's output goes.
set -euo pipefail
base=$1 engine=$2 database=$3 body=$4 out=$5
hits=${ACCOUNT_HITS:-20000}
connections=${ACCOUNT_CONNECTIONS:-8} # one per wrk thread, see hits-accounting.lua
seconds=${ACCOUNT_SECONDS:-120}
burners=${ACCOUNT_BURNERS:-2}
quota=$(( (hits + connections - 1) / connections ))
cd "$(dirname "$0")/.."

api_views() { curl -sf "$base/api/v1/hits" | jq -r .pageViewsTotal; }
sum='SELECT COALESCE(SUM("PageViews"), 0) FROM "DailyHits";'
case "$engine" in
  sqlite) db_views() { sqlite3 -readonly "$database" "$sum"; } ;;
  postgres) db_views() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$database" -c "$sum"; } ;;
  *) echo "the database engine must be sqlite or postgres" >&2; exit 2 ;;
esac

# Waits (at most 30 s) until the database holds everything the API counts: the counter has flushed.
flushed() {
  local api dbv
  for _ in $(seq 1 60); do
    api=$(api_views); dbv=$(db_views)
    [ "$api" = "$dbv" ] && { echo "$api"; return 0; }
    sleep 0.5
  done
  echo "$api"
}

before=$(flushed)
before_db=$(db_views)
burner_pids=()
for _ in $(seq 1 "$burners"); do
  timeout "$seconds" sh -c 'while :; do :; done' &
  burner_pids+=($!)
done
started=$(date +%s)
finished=$out.finished
: >"$finished"
HITS_BODY=$body ACCOUNT_QUOTA=$quota ACCOUNT_FINISHED=$finished wrk -t "$connections" -c "$connections" -d "${seconds}s" --timeout 5s \
  -s bench/hits-accounting.lua "$base/api/v1/hits" >"$out" &
wrk_pid=$!
while kill -0 "$wrk_pid" 2>/dev/null && [ "$(wc -l <"$finished")" -lt "$connections" ]; do sleep 0.2; done
kill -INT "$wrk_pid" 2>/dev/null || true
wait "$wrk_pid" || true
elapsed=$(( $(date +%s) - started ))
for pid in "${burner_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
after=$(flushed)
after_db=$(db_views)

accepted=$(awk -F'\t' '$1 == "accepted" { print $2 }' "$out")
other=$(awk -F'\t' '$1 == "other" { print $2 }' "$out")
socket_errors=$(awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' "$out")
accepted=${accepted:-0} other=${other:-0} # no counts: wrk did not run to its end
api_gain=$((after - before))
db_gain=$((after_db - before_db))
printf 'planned\t%s\naccepted\t%s\nother\t%s\nsocket_errors\t%s\napi_gain\t%s\ndb_gain\t%s\nconnections\t%s\nburners\t%s\nseconds\t%s\n' \
  "$((quota * connections))" "$accepted" "$other" "${socket_errors:-0}" "$api_gain" "$db_gain" "$connections" "$burners" "$elapsed"
# Conclusive only when every planned request was answered (none cut off by the time bound or a socket error).
[ "$accepted" -gt 0 ] && [ "$((accepted + other))" = "$((quota * connections))" ] && [ "${socket_errors:-0}" = 0 ] \
  && [ "$accepted" = "$api_gain" ] && [ "$accepted" = "$db_gain" ]
