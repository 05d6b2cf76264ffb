#!/usr/bin/env bash
# Compares bench/run.sh runs of two sizes (make bench-scaling): how each endpoint's cost grows with the number of
# articles — with the reader cache (the plain runs) and, where they exist, without it (VARIANT=uncached runs).
# Writes markdown to stdout.
#   bench/scaling.sh 1000 100000
set -euo pipefail
cd "$(dirname "$0")/.."
small=$1 large=$2
dir() { echo "bench/results/raw/size-$1${2:+-$2}"; } # size [variant]
for size in "$small" "$large"; do
  [ -s "$(dir "$size")/summary.tsv" ] || { echo "no results for SIZE=$size: run make bench SIZE=$size first" >&2; exit 1; }
done
cell() { awk -F'\t' -v s="$3" -v e="$4" -v c="$5" '$1 == s && $2 == e { print $c }' "$(dir "$1" "$2")/summary.tsv"; } # size variant server endpoint column
setting() { sed -n "s/^$3=//p" "$(dir "$1" "$2")/run.env"; } # size variant key

# One comparison table (and its runs) for one variant.
table() { # variant
  local variant=$1
  echo "| Endpoint | req/s at $small | req/s at $large | Slowdown | p99 ms at $small | p99 ms at $large | Limit slowdown | Target | Result |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
  while IFS='|' read -r name label target; do
    a=$(cell "$small" "$variant" portal "$name" 3); b=$(cell "$large" "$variant" portal "$name" 3)
    pa=$(cell "$small" "$variant" portal "$name" 5); pb=$(cell "$large" "$variant" portal "$name" 5)
    la=$(cell "$small" "$variant" limit "$name" 3); lb=$(cell "$large" "$variant" limit "$name" 3)
    read -r slowdown limit_slowdown result < <(awk -v a="$a" -v b="$b" -v la="$la" -v lb="$lb" -v pb="$pb" -v t="$target" 'BEGIN {
      s = b > 0 ? a / b : 0; r = "—"
      if (t == "slowdown") r = (b > 0 && s <= 1.5) ? "pass" : "FAIL"
      if (t == "p99") r = (b > 0 && pb < 100) ? "pass" : "FAIL"
      printf "%s %.2f %s\n", (b > 0 ? sprintf("%.2f×", s) : "∞"), (lb > 0 ? la / lb : 0), r }')
    case $target in slowdown) goal="≤ 1.5×" ;; p99) goal="p99 < 100 ms at $large" ;; *) goal="" ;; esac
    printf '| %s | %s | %s | %s | %s | %s | %s× | %s | %s |\n' "$label" "$a" "$b" "$slowdown" "$pa" "$pb" "$limit_slowdown" "$goal" "$result"
  done <<'EOF'
slug|Article by slug|slowdown
list|Article list, first page|slowdown
search|Article list, q search|p99
settings|Settings|slowdown
number|Directive by number|
revalidate|Article, If-None-Match → 304|
hits|POST hits|
EOF
  echo
  echo "| Run | Database | Seeding | Peak RSS | Load before Portal / limit | Duration | Command |"
  echo "| --- | ---: | ---: | ---: | --- | ---: | --- |"
  for size in "$small" "$large"; do
    echo "| $size articles | $(setting "$size" "$variant" db_mb) MB | $(setting "$size" "" seed_seconds) s | $(setting "$size" "$variant" portal_rss) MB | $(setting "$size" "$variant" portal_load) / $(setting "$size" "$variant" limit_load) | $(setting "$size" "$variant" minutes) min | \`PORTAL_ARGS=\"$(setting "$size" "$variant" portal_args)\"${variant:+ VARIANT=$variant} make bench SIZE=$size RUNS=$(setting "$size" "$variant" runs) DURATION=$(setting "$size" "$variant" duration)\` |"
  done
}

echo "# How Portal's cost grows: $small → $large articles"
echo
echo "Runs of \`make bench\` at two sizes (see size-$small*.md and size-$large*.md for each run's machine, load and ratios),"
echo "compared endpoint by endpoint. Slowdown = requests/s at $small articles ÷ requests/s at $large. The limit serves"
echo "fixed bytes from memory, so its column shows how much the machine itself drifted between the two runs."
echo
echo "## With the reader cache (as deployed)"
echo
echo "Each endpoint is loaded with one URL, so after its first request Portal answers from the reader cache, checked"
echo "against the content version on every request: what a portal's hot pages cost."
echo
table ""
if [ -s "$(dir "$small" uncached)/summary.tsv" ] && [ -s "$(dir "$large" uncached)/summary.tsv" ]; then
  echo
  echo "## Without the reader cache (\`--Cache:Enabled=false\`)"
  echo
  echo "Every request runs its queries and serialises its response: what a cold or long-tail page costs, and how the"
  echo "database work itself grows with the corpus."
  echo
  table uncached
fi
echo
echo '```sh'
echo "make bench-scaling   # make bench at SIZE=$small and SIZE=$large, with and without the reader cache, then this comparison"
echo '```'
