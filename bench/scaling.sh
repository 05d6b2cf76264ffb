#!/usr/bin/env bash
# Compares two bench/run.sh runs of different sizes (make bench-scaling): how each endpoint's cost grows with the
# number of articles. Writes markdown to stdout.
#   bench/scaling.sh 1000 100000
set -euo pipefail
cd "$(dirname "$0")/.."
small=$1 large=$2
dir() { echo "bench/results/raw/size-$1"; }
for size in "$small" "$large"; do
  [ -s "$(dir "$size")/summary.tsv" ] || { echo "no results for SIZE=$size: run make bench SIZE=$size first" >&2; exit 1; }
done
cell() { awk -F'\t' -v s="$2" -v e="$3" -v c="$4" '$1 == s && $2 == e { print $c }' "$(dir "$1")/summary.tsv"; }
setting() { sed -n "s/^$2=//p" "$(dir "$1")/run.env"; }

echo "# How Portal's cost grows: $small → $large articles"
echo
echo "Two runs of \`make bench\` (see size-$small.md and size-$large.md for each run's machine, load and ratios), compared"
echo "endpoint by endpoint. Slowdown = requests/s at $small articles ÷ requests/s at $large. The limit serves fixed bytes"
echo "from memory, so its column shows how much the machine itself drifted between the two runs."
echo
echo "| Endpoint | req/s at $small | req/s at $large | Slowdown | p99 ms at $small | p99 ms at $large | Limit slowdown | Target | Result |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
while IFS='|' read -r name label target; do
  a=$(cell "$small" portal "$name" 3); b=$(cell "$large" portal "$name" 3)
  pa=$(cell "$small" portal "$name" 5); pb=$(cell "$large" portal "$name" 5)
  la=$(cell "$small" limit "$name" 3); lb=$(cell "$large" limit "$name" 3)
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
echo "| Run | Database | Seeding | Peak RSS | Load before Portal / limit | Duration |"
echo "| --- | ---: | ---: | ---: | --- | ---: |"
for size in "$small" "$large"; do
  echo "| $size articles | $(setting "$size" db_mb) MB | $(setting "$size" seed_seconds) s | $(setting "$size" portal_rss) MB | $(setting "$size" portal_load) / $(setting "$size" limit_load) | $(setting "$size" minutes) min |"
done
echo
echo '```sh'
echo "make bench-scaling   # = make bench SIZE=$small, make bench SIZE=$large, then this comparison"
echo '```'
