#!/usr/bin/env bash
# make bench: Portal (Release, SQLite or PostgreSQL, seeded with SIZE articles) against the limit — the same response
# bytes served from memory by a minimal ASP.NET app — and against the anchor — a plain EF Core endpoint over the same
# rows — with wrk over loopback, one server at a time. Method: bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${SIZE:-1000}              # articles seeded
DB=${DB:-sqlite}                # sqlite, or postgres (a throwaway database on PG, created afresh by the seeding)
PG=${PG:-Host=127.0.0.1;Port=55440;Username=postgres} # the PostgreSQL server for DB=postgres (never a production one)
DIRECTIVES=${DIRECTIVES:-2000}  # directives seeded
SEED=${SEED:-20240604}          # text generator seed: the same seed gives the same dataset
RUNS=${RUNS:-3}                 # measured wrk runs per endpoint and server; the table shows medians
DURATION=${DURATION:-10}        # seconds per measured run
WARMUP=${WARMUP:-5}             # seconds of unmeasured load per endpoint first (JIT tiering, caches)
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-5197}
QUIET_LOAD=${QUIET_LOAD:-1.5}   # a phase starts once the 1-minute load average is below this …
QUIET_WAIT=${QUIET_WAIT:-60}    # … or after this many seconds, and the report then says "measured under load"
QUERY=${QUERY:-"cải cách hành chính"}
# Searches the random search load draws from (one per line): phrases portals' readers type.
QUERIES=${QUERIES:-"cải cách hành chính
nông thôn mới
chuyển đổi số
an toàn giao thông
bảo vệ môi trường
giảm nghèo
phòng cháy
tiếp công dân"}
# Extra Portal arguments. By default the limits on POST /hits (600 a minute per address, 60 per visitor) are off —
# PermitLimit=0 turns both off: the bench measures what the counter can take, and 1,000 bench visitors from one address
# would mostly get 429.
PORTAL_ARGS=${PORTAL_ARGS:---Hits:RateLimit:PermitLimit=0}
REUSE=${REUSE:-0}               # 1: keep the database a previous run of this SIZE seeded (view counts will have grown)
# A name for another report on the same SIZE, e.g. VARIANT=uncached PORTAL_ARGS="… --Cache:Enabled=false": its results go
# to size-SIZE-VARIANT(.md) and it measures the database size-SIZE seeded (seeding it first if there is none).
VARIANT=${VARIANT:-}
# 1: only the hit-accounting check (build, seed or reuse, start Portal, checks/hits-accounting.sh, stop); no report.
HITS_ONLY=${HITS_ONLY:-0}

engine=""; [ "$DB" = sqlite ] || engine="-$DB"
run_name="size-$SIZE$engine${VARIANT:+-$VARIANT}"
raw="$PWD/bench/results/raw/$run_name"
seeded="$PWD/bench/results/raw/size-$SIZE$engine" # the database, its seeding log and the targets it holds
case "$DB" in
  sqlite) database=$seeded/data/portal.db; db_args=(--Database:Path "$database") ;;
  postgres) database="$PG;Database=portal_bench_$SIZE"; db_args=(--Database:Provider Postgres "--Database:ConnectionString=$database") ;;
  *) echo "DB must be sqlite or postgres" >&2; exit 1 ;;
esac
base="http://127.0.0.1:$PORT"
dotnet=${DOTNET:-dotnet}
server_pid=""

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
trap stop_server EXIT

# Installs from Debian the tools the run needs that are missing: wrk, jq, curl, and the database's shell for the
# hit-accounting check (sqlite3, or psql from postgresql-client).
ensure_tools() {
  local missing=() tool package
  for tool in wrk:wrk jq:jq curl:curl "$([ "$DB" = sqlite ] && echo sqlite3:sqlite3 || echo psql:postgresql-client)"; do
    command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  log "installing ${missing[*]} from Debian"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get install -y "${missing[@]}" >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y "${missing[@]}" >/dev/null; }
}

# Starts one server (in its own folder, so it reads its own appsettings.json) and waits until it answers.
start_server() { # name folder dll args...
  local name=$1 dir=$2 dll=$3; shift 3
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "port $PORT is in use; choose another with PORT=…" >&2; exit 1
  fi
  (cd "$dir" && ASPNETCORE_ENVIRONMENT=Production exec "$dotnet" "$dll" --urls "$base" "$@") >"$raw/$name.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "$base/api/v1/settings" && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$raw/$name.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$name did not start" >&2; exit 1
}

peak_rss_mb() { awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status"; }

load1() { cut -d' ' -f1 /proc/loadavg; }

# CPU seconds used so far by the whole machine (all but idle and iowait) and by the server under test.
machine_cpu() { awk -v hz="$(getconf CLK_TCK)" '$1 == "cpu" { print ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat; }
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$server_pid/stat"; }

# Waits until the 1-minute load average is below QUIET_LOAD (at most QUIET_WAIT s); prints the load it started at.
wait_quiet() {
  local waited=0
  until awk -v l="$(load1)" -v q="$QUIET_LOAD" 'BEGIN { exit !(l < q) }' || [ "$waited" -ge "$QUIET_WAIT" ]; do
    sleep 5; waited=$((waited + 5))
  done
  load1
}

uri() { jq -rn --arg v "$1" '$v | @uri'; }

# The loads of one URL: name, method, target, If-None-Match. The revalidation's ETag is filled in after the first capture.
endpoints() {
  printf '%s\t%s\t%s\t%s\n' \
    settings GET "/api/v1/settings" "" \
    number GET "/api/v1/directives/by-number/$(uri "$directive_number")" "" \
    revalidate GET "/api/v1/articles/$article_slug" "$etag" \
    hits POST "/api/v1/hits" ""
}

# The random loads (bench/random.lua): name, the list in $raw/responses their targets are drawn from, and one page view
# posted every n-th request (0: reads only). traffic-10: 9 reads then a hit; traffic-1: a read, then a hit.
random_loads() {
  printf '%s\t%s\t%s\n' \
    article-id articles.ok 0 \
    article-slug articles-slug.ok 0 \
    lists lists.ok 0 \
    search search.ok 0 \
    directive directives.ok 0 \
    traffic-10 articles.ok 10 \
    traffic-1 articles.ok 2
}

request() { # method target if-none-match [curl args…]
  local method=$1 target=$2 inm=$3; shift 3
  local args=(-s -X "$method" "$@")
  [ -z "$inm" ] || args+=(-H "If-None-Match: $inm")
  [ "$method" != POST ] || args+=(-H 'Content-Type: application/json' -H 'X-Visitor-Id: bench-visitor-00001' --data-binary "$hits_body")
  curl "${args[@]}" "$base$target"
}

# Saves the responses (head and body) of the one-URL endpoints with one method as Portal sends them; the limit replays
# them. A POST hit changes the article's view count, hence its body and ETag: POST is captured after the GET load.
capture() { # method
  local dir=$raw/responses
  mkdir -p "$dir"
  if [ ! -e "$dir/requests.tsv" ]; then
    etag=""
    request GET "/api/v1/articles/$article_slug" "" -D "$dir/probe.head" -o /dev/null
    etag=$(awk -F': ' 'tolower($1) == "etag" { sub(/\r$/, "", $2); print $2 }' "$dir/probe.head")
    rm "$dir/probe.head"
    endpoints >"$dir/requests.tsv"
  fi
  while IFS=$'\t' read -r name method target inm; do
    [ "$method" = "$1" ] || continue
    : >"$dir/$name.body" # curl writes no file for an empty body (304, 202)
    request "$method" "$target" "$inm" -D "$dir/$name.head" -o "$dir/$name.body" </dev/null
  done <"$dir/requests.tsv"
}

# Captures Portal's answers to every target of the random lists (the limit replays them) and keeps the targets that
# answered 200 (*.ok), which are all the random loads draw from.
capture_random() {
  local dir=$raw/responses
  cp "$seeded/targets/articles.tsv" "$seeded/targets/lists.txt" "$seeded/targets/directives.txt" "$dir/"
  while IFS= read -r q; do [ -z "$q" ] || echo "/api/v1/articles?q=$(uri "$q")"; done <<<"$QUERIES" >"$dir/search.txt"
  "$dotnet" bench/Portal.Bench.Limit/bin/Release/net10.0/Portal.Bench.Limit.dll --Capture "$base" --Responses "$dir" \
    --Lists articles.tsv,lists.txt,search.txt,directives.txt 2>>"$raw/capture.log" >&2 || { tail -20 "$raw/capture.log" >&2; exit 1; }
}

# Asks the running server again (endpoints with the given methods); prints the names whose status, headers or body
# differ from the captured ones.
differences() { # methods…
  local dir=$raw/responses tmp=$raw/check
  mkdir -p "$tmp"
  while IFS=$'\t' read -r name method target inm; do
    if [[ " $* " == *" $method "* ]]; then
      : >"$tmp/$name.body"
      request "$method" "$target" "$inm" -D "$tmp/$name.head" -o "$tmp/$name.body" </dev/null
      cmp -s "$tmp/$name.body" "$dir/$name.body" \
        && diff -q <(grep -iv '^\(date\|server\|age\):' "$tmp/$name.head" | sort) <(grep -iv '^\(date\|server\|age\):' "$dir/$name.head" | sort) >/dev/null \
        || printf '%s ' "$name"
    fi
  done <"$dir/requests.tsv"
}

# Waits (at most a minute) until the server is idle: a slow endpoint leaves requests running after wrk stops, and
# they must not eat into the next endpoint's runs.
settle() {
  local before after
  for _ in $(seq 1 120); do
    before=$(server_cpu); sleep 0.5; after=$(server_cpu)
    awk -v a="$before" -v b="$after" 'BEGIN { exit !(b - a < 0.05) }' && return 0
  done
}

# Loads one endpoint: a warm-up, then RUNS measured runs; appends one TSV line per run to $raw/runs.tsv. With a list,
# each request draws its target from it (random.lua); requests/s are then the reads' share of all requests.
load() { # server name method target if-none-match [list hit-every]
  local server=$1 name=$2 method=$3 target=$4 inm=$5 list=${6:-} every=${7:-0}
  local args=(-t "$THREADS" -c "$CONNECTIONS" --latency --timeout 5s)
  [ -z "$inm" ] || args+=(-H "If-None-Match: $inm")
  [ "$method" != POST ] || args+=(-s bench/hits.lua)
  [ -z "$list" ] || args+=(-s bench/random.lua)
  local env=(HITS_BODY="$hits_body" TARGETS="$raw/responses/$list" ARTICLES="$raw/responses/articles.ok" HIT_EVERY="$every")
  env "${env[@]}" wrk "${args[@]}" -d "${WARMUP}s" "$base$target" >/dev/null
  local share
  share=$(awk -v e="$every" 'BEGIN { print (e > 0) ? (e - 1) / e : 1 }')
  for run in $(seq 1 "$RUNS"); do
    settle
    local out=$raw/wrk/$server-$name-$run.txt
    local machine0 server0 start
    machine0=$(machine_cpu); server0=$(server_cpu); start=$(date +%s.%N)
    { TIMEFORMAT='%3U %3S'; time env "${env[@]}" wrk "${args[@]}" -d "${DURATION}s" "$base$target" >"$out"; } 2>"$out.cpu"
    # Other work's share of the machine during the run: all CPU time but the server's and wrk's.
    local other
    other=$(awk -v m0="$machine0" -v m1="$(machine_cpu)" -v s0="$server0" -v s1="$(server_cpu)" -v t0="$start" -v t1="$(date +%s.%N)" \
      -v cores="$(nproc)" '{ o = 100 * ((m1 - m0) - (s1 - s0) - ($1 + $2)) / (cores * (t1 - t0)); print (o > 0 ? o : 0) }' "$out.cpu")
    awk -v s="$server" -v n="$name" -v r="$run" -v other="$other" -v share="$share" '
      function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
      $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
      /^Requests\/sec:/ { rps = $2 * share }
      /Non-2xx or 3xx responses:/ { bad += $NF }
      /Socket errors:/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 }
      END { printf "%s\t%s\t%s\t%.0f\t%.3f\t%.3f\t%d\t%.0f\n", s, n, r, rps, p50, p99, bad, other }' "$out" >>"$raw/runs.tsv"
    log "$server $name run $run: $(tail -1 "$raw/runs.tsv" | cut -f4-)"
  done
}

# Loads the one-URL endpoints with one method on the server that is up.
measure() { # server method
  while IFS=$'\t' read -r name method target inm; do
    if [ "$method" = "$2" ]; then load "$1" "$name" "$method" "$target" "$inm" </dev/null; fi
  done <"$raw/responses/requests.tsv"
}

# Runs the random loads whose names are given (all when none) on the server that is up.
measure_random() { # server [names…]
  local server=$1; shift
  while IFS=$'\t' read -r name list every; do
    if [ $# -eq 0 ] || [[ " $* " == *" $name "* ]]; then load "$server" "$name" GET "/" "" "$list" "$every" </dev/null; fi
  done < <(random_loads)
}

# Hook for checks of a running Portal after its loads (e.g. accepted vs persisted hits): every executable
# bench/checks/*.sh (or only those named) runs with BASE (Portal's URL), RAW (this run's folder), DB (sqlite or
# postgres), DATABASE (the SQLite file or the Npgsql connection string) and HITS_BODY (a hit's JSON body) set; what it
# prints (markdown) goes under "Checks" in the report. Returns 1 when a check failed.
run_checks() { # [names…]
  local failed=0
  : >"$raw/checks.md"
  for check in bench/checks/*.sh; do
    [ -x "$check" ] || continue
    [ $# -eq 0 ] || [[ " $* " == *" $(basename "$check" .sh) "* ]] || continue
    log "check $(basename "$check" .sh)"
    BASE=$base RAW=$raw DB=$DB DATABASE=$database HITS_BODY=$hits_body "$check" >>"$raw/checks.md" 2>>"$raw/checks.log" \
      || { failed=1; echo "- \`$check\` exited non-zero (see checks.log)" >>"$raw/checks.md"; }
  done
  return $failed
}

started=$(date +%s)
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/results' || echo ' (with uncommitted changes)') on $(git rev-parse --abbrev-ref HEAD)"
ensure_tools
reuse=no
if { [ "$REUSE" = 1 ] || [ -n "$VARIANT" ]; } && [ -s "$seeded/targets.txt" ] && [ -s "$seeded/targets/articles.tsv" ] \
  && { [ "$DB" != sqlite ] || [ -e "$seeded/data/portal.db" ]; }; then
  reuse=yes
  if [ "$raw" = "$seeded" ]; then
    find "$raw" -mindepth 1 -maxdepth 1 ! -name data ! -name targets.txt ! -name targets ! -name seed.log -exec rm -rf {} +
  else
    rm -rf "$raw"
  fi
else
  rm -rf "$raw" "$seeded"
fi
mkdir -p "$seeded/data" "$raw/wrk"
log "building (Release)"
projects=(Portal.Api/Portal.Api.csproj bench/Portal.Bench.Seed/Portal.Bench.Seed.csproj)
[ "$HITS_ONLY" = 1 ] || projects+=(bench/Portal.Bench.Limit/Portal.Bench.Limit.csproj bench/Portal.Bench.Anchor/Portal.Bench.Anchor.csproj)
for project in "${projects[@]}"; do
  "$dotnet" build "$project" -c Release -nologo -v q >>"$raw/build.log" 2>&1 || { tail -30 "$raw/build.log" >&2; exit 1; }
done

if [ "$reuse" = yes ]; then
  log "reusing the database seeded before (REUSE=1)"
else
  log "seeding $SIZE articles, $DIRECTIVES directives ($DB)"
  "$dotnet" bench/Portal.Bench.Seed/bin/Release/net10.0/Portal.Bench.Seed.dll \
    --articles "$SIZE" --directives "$DIRECTIVES" --seed "$SEED" --fresh true --targets "$seeded/targets" \
    "${db_args[@]}" --Files:Root "$seeded/data/files" >"$seeded/targets.txt" 2>"$seeded/seed.log" \
    || { tail -30 "$seeded/seed.log" >&2; exit 1; }
fi
target() { sed -n "s/^$1=//p" "$seeded/targets.txt"; }
article_slug=$(target article_slug)
article_id=$(target article_id)
directive_number=$(target directive_number)
hits_body="{\"path\":\"/tin-tuc/$article_slug\",\"articleId\":\"$article_id\"}"
db_mb=$( [ "$DB" = sqlite ] && du -m "$seeded/data/portal.db" | cut -f1 || echo "—")
log "seeded in $(target seconds) s (database $db_mb MB); article $article_slug, directive $directive_number"

portal_dir="$PWD/Portal.Api/bin/Release/net10.0"
log "Portal: waiting for a quiet machine (load < $QUIET_LOAD, at most $QUIET_WAIT s)"
portal_load=$(wait_quiet)
log "Portal: load average $portal_load"
start_server portal "$portal_dir" Portal.Api.dll "${db_args[@]}" --Files:Root "$seeded/data/files" $PORTAL_ARGS
if [ "$HITS_ONLY" = 1 ]; then
  status=0
  run_checks hits-accounting || status=$?
  stop_server
  cat "$raw/checks.md"
  exit $status
fi
capture GET
log "capturing the random loads' targets"
capture_random
measure portal GET
measure_random portal article-id article-slug lists search directive
portal_changed=$(differences GET)
# Page views go last: they change view counts (the one-URL captures are compared above).
measure_random portal traffic-10 traffic-1
measure portal POST
capture POST
run_checks || true
portal_rss=$(peak_rss_mb)
portal_errors=$(grep -cE '^(fail|crit):' "$raw/portal.log" || true)
stop_server

log "Portal without its reader cache: waiting for a quiet machine"
cold_load=$(wait_quiet)
start_server cold "$portal_dir" Portal.Api.dll "${db_args[@]}" --Files:Root "$seeded/data/files" $PORTAL_ARGS --Cache:Enabled=false
load cold settings GET /api/v1/settings ""
measure_random cold article-id article-slug lists search directive
cold_rss=$(peak_rss_mb)
cold_errors=$(grep -cE '^(fail|crit):' "$raw/cold.log" || true)
stop_server

log "anchor (plain EF Core): waiting for a quiet machine"
anchor_load=$(wait_quiet)
start_server anchor "$PWD/bench/Portal.Bench.Anchor/bin/Release/net10.0" Portal.Bench.Anchor.dll "${db_args[@]}"
measure_random anchor article-id article-slug
anchor_rss=$(peak_rss_mb)
stop_server

log "limit: waiting for a quiet machine"
limit_load=$(wait_quiet)
log "limit: load average $limit_load"
start_server limit "$PWD/bench/Portal.Bench.Limit/bin/Release/net10.0" Portal.Bench.Limit.dll --Responses "$raw/responses"
limit_differs=$(differences GET POST)
measure limit GET
measure_random limit
measure limit POST
limit_rss=$(peak_rss_mb)
stop_server

cat >"$raw/run.env" <<ENV
portal_args=$PORTAL_ARGS
variant=$VARIANT
db=$DB
size=$SIZE
directives=$DIRECTIVES
runs=$RUNS
duration=$DURATION
warmup=$WARMUP
connections=$CONNECTIONS
threads=$THREADS
quiet_load=$QUIET_LOAD
queries=$(tr '\n' ';' <<<"$QUERIES")
portal_load=$portal_load
cold_load=$cold_load
anchor_load=$anchor_load
limit_load=$limit_load
end_load=$(load1)
portal_rss=$portal_rss
cold_rss=$cold_rss
anchor_rss=$anchor_rss
limit_rss=$limit_rss
portal_changed=$portal_changed
limit_differs=$limit_differs
portal_errors=$portal_errors
cold_errors=$cold_errors
db_mb=$db_mb
seed_seconds=$(target seconds)
reused_database=$reuse
article_slug=$article_slug
directive_number=$directive_number
articles_ok=$(wc -l <"$raw/responses/articles.ok")
lists_ok=$(wc -l <"$raw/responses/lists.ok")
directives_ok=$(wc -l <"$raw/responses/directives.ok")
minutes=$(( ($(date +%s) - started + 59) / 60 ))
date=$(date -u -d "@$started" +'%Y-%m-%d %H:%M UTC')
commit=$commit
cpu=$(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
memory=$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r)
dotnet=SDK $("$dotnet" --version), ASP.NET Core $("$dotnet" --list-runtimes | awk '/AspNetCore/ { v = $2 } END { print v }')
wrk=$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)
ENV
out=bench/results/$run_name.md
[ "$run_name" != size-1000 ] || out=bench/results/latest.md
[ "$run_name" != size-1000-postgres ] || out=bench/results/latest-postgres.md
bench/report.sh "$raw" >"$out"
log "wrote $out"
cat "$out"
