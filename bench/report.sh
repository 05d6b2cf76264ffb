#!/usr/bin/env bash
# Writes the markdown report of one bench/run.sh run (medians, ratios to the limit, targets) to stdout.
#   bench/report.sh bench/results/raw/size-10000
set -euo pipefail
raw=$1
setting() { sed -n "s/^$1=//p" "$raw/run.env"; }

# Medians per server and endpoint: server, endpoint, req/s, p50 ms, p99 ms, failed requests (summed), and the largest
# share of the CPU that other work took during a run (%).
awk -F'\t' '
  { k = $1 "\t" $2; n[k]++; rps[k, n[k]] = $4; p50[k, n[k]] = $5; p99[k, n[k]] = $6; bad[k] += $7; if (!(k in other) || $8 > other[k]) other[k] = $8 }
  function median(a, k,   i, j, t, v, c) {
    c = n[k]; for (i = 1; i <= c; i++) v[i] = a[k, i] + 0
    for (i = 2; i <= c; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
    return c % 2 ? v[(c + 1) / 2] : (v[c / 2] + v[c / 2 + 1]) / 2
  }
  END { for (k in n) printf "%s\t%.0f\t%.2f\t%.2f\t%d\t%.0f\n", k, median(rps, k), median(p50, k), median(p99, k), bad[k], other[k] }
' "$raw/runs.tsv" | sort >"$raw/summary.tsv"

cell() { awk -F'\t' -v s="$1" -v e="$2" -v c="$3" '$1 == s && $2 == e { print $c }' "$raw/summary.tsv"; }
rss=$(setting portal_rss)
other_max=$(awk -F'\t' 'BEGIN { m = 0 } $7 > m { m = $7 } END { print m }' "$raw/summary.tsv")
quiet=$(awk -v a="$(setting portal_load)" -v b="$(setting limit_load)" -v c="$(setting cold_load)" -v d="$(setting anchor_load)" \
  -v q="$(setting quiet_load)" -v o="$other_max" 'BEGIN { print (a < q && b < q && c < q && d < q && o <= 10) ? "yes" : "no" }')

variant=$(setting variant)
echo "# Portal against the limit — $(setting size) articles, $(setting db)${variant:+ ($variant)}"
echo
if [ "$quiet" = no ]; then
  echo "**Measured under load:** the machine was busy with other work (load average $(setting portal_load) before Portal's phase,"
  echo "$(setting cold_load) before the uncached one, $(setting anchor_load) before the anchor's, $(setting limit_load) before the limit's,"
  echo "threshold $(setting quiet_load); other processes took up to $other_max % of the CPU"
  echo "during a run, threshold 10 %). Ratios are less reliable than on a quiet machine."
  echo
fi
echo "Every number comes from one run of \`make bench SIZE=$(setting size) DB=$(setting db)\`: Portal, Portal without its reader"
echo "cache, the anchor (a plain EF Core endpoint over the same rows) and the limit (the same response bytes served from memory,"
echo "see [README](../README.md)) were loaded one after the other with wrk, $(setting connections) connections,"
echo "$(setting threads) threads, $(setting duration) s per run after $(setting warmup) s of warm-up; medians of $(setting runs) runs."
echo
echo "| Endpoint | Portal req/s | Basis req/s | Ratio | Target | p50 ms | p99 ms | Basis p99 ms | Other CPU % | Result |"
echo "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |"
failures=0; targets=0
# server|name|label|minimum ratio (- for none)|basis server|basis name|p99 under 20 ms required (1/0)
while IFS='|' read -r server name label min bserver basis needp99; do
  [ -n "$(cell "$server" "$name" 3)" ] || continue
  portal=$(cell "$server" "$name" 3); limit=$(cell "$bserver" "$basis" 3)
  p50=$(cell "$server" "$name" 4); p99=$(cell "$server" "$name" 5); limit_p99=$(cell "$bserver" "$basis" 5)
  lbad=$(cell "$bserver" "$basis" 6); bad=$(( $(cell "$server" "$name" 6) + ${lbad:-0} ))
  read -r ratio ok < <(awk -v p="$portal" -v l="${limit:-0}" -v m="$min" -v p99="$p99" -v need="$needp99" -v bad="$bad" \
    'BEGIN { r = l > 0 ? p / l : 0; printf "%.2f %s\n", r, (m == "-") ? "—" : (p > 0 && r >= m && (!need || p99 < 20) && bad == 0) ? "pass" : "FAIL" }')
  if [ "$min" = - ]; then target="(for scale)"; else
    targets=$((targets + 1)); [ "$ok" = pass ] || failures=$((failures + 1))
    target="≥ $min of $bserver"; [ "$needp99" = 0 ] || target="$target, p99 < 20 ms"
  fi
  [ "$bad" -eq 0 ] || ok="$ok ($bad requests failed or timed out after 5 s)"
  [ "$portal" != 0 ] || { p50="—"; p99="no request completed"; }
  other="$(cell "$server" "$name" 7) / $(cell "$bserver" "$basis" 7)"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$portal" "$limit" "$ratio" "$target" "$p50" "$p99" "$limit_p99" "$other" "$ok"
done <<'EOF'
portal|traffic-10|**Portal traffic**: random articles, 1 page view posted per 9 reads (reads/s)|0.6|limit|traffic-10|1
portal|traffic-1|**Portal traffic**: random articles, 1 page view posted per read (reads/s)|0.6|limit|traffic-1|1
portal|article-id|Random article by id|0.6|limit|article-id|1
portal|article-slug|Random article by slug|0.6|limit|article-slug|1
portal|lists|Random list page (latest, categories; pages 1-50)|0.5|limit|lists|1
portal|search|Random search (q)|0.1|limit|search|1
portal|directive|Random directive by number|0.5|limit|directive|1
portal|settings|Settings|0.6|limit|settings|1
portal|number|Directive by number (one URL)|0.5|limit|number|1
portal|revalidate|Article, If-None-Match → 304|0.6|limit|revalidate|1
portal|hits|POST hits alone (ratio to the limit's random article rate)|0.5|limit|article-id|0
cold|article-id|Uncached: random article by id (ratio to the plain EF Core anchor)|1.0|anchor|article-id|0
cold|article-slug|Uncached: random article by slug (ratio to the anchor)|1.0|anchor|article-slug|0
cold|lists|Uncached: random list page|0.1|limit|lists|0
cold|search|Uncached: random search|-|limit|search|0
cold|directive|Uncached: random directive by number|-|limit|directive|0
cold|settings|Uncached: settings|-|limit|settings|0
anchor|article-id|Anchor (plain EF Core + reflection JSON): random article by id|-|limit|article-id|0
EOF
rss=$(awk -v a="$rss" -v b="$(setting cold_rss)" 'BEGIN { print (b > a) ? b : a }')
rss_ok=$(awk -v r="$rss" 'BEGIN { print (r < 300) ? "pass" : "FAIL" }')
targets=$((targets + 1)); [ "$rss_ok" = pass ] || failures=$((failures + 1))
echo "| Peak RSS (VmHWM), Portal with or without its cache | $rss MB | $(setting limit_rss) MB (limit) | | < 300 MB | | | | | $rss_ok |"
echo
echo "**$failures of $targets targets fail.** Ratio = Portal's requests/s ÷ the basis's (the limit, or the anchor for uncached"
echo "articles) on the same load. Portal-traffic rows count reads only (all requests × 9/10 or × 1/2; the hits are the rest),"
echo "and their p50/p99 are those of all the requests, reads and hits. Random loads draw every request's target uniformly"
echo "from the lists under \"Responses\". p50/p99 are Portal's latencies of the requests that completed; failed requests are"
echo "error statuses, socket errors and wrk's 5 s timeouts, of both servers."
echo "Other CPU % (Portal / basis): the largest share of the machine's CPU that processes other than the server and wrk used"
echo "during one of the load's runs — near 0 on a quiet machine."
echo
if [ -s "$raw/checks.md" ]; then
  echo "## Checks"
  echo
  cat "$raw/checks.md"
  echo
fi
echo "## Responses"
echo
echo "| Endpoint | Request | Status | Body bytes |"
echo "| --- | --- | --- | ---: |"
while IFS=$'\t' read -r name method target inm; do
  status=$(head -1 "$raw/responses/$name.head" | cut -d' ' -f2)
  request="$method $target"; [ -z "$inm" ] || request="$request (If-None-Match: $inm)"
  printf '| %s | `%s` | %s | %s |\n' "$name" "$request" "$status" "$(wc -c <"$raw/responses/$name.body")"
done <"$raw/responses/requests.tsv"
echo
echo "Random loads: $(setting articles_ok) visible articles (by id and by slug), $(setting lists_ok) list pages, $(setting directives_ok) directives by number,"
echo "searches \`$(setting queries)\`; every target answered 200 when captured (\`responses/*.ok\` in the raw folder)."
echo
changed=$(setting portal_changed); differs=$(setting limit_differs)
echo "- Identical bytes: the limit's responses $([ -z "$differs" ] && echo "equal Portal's (status, headers but Date, Server and Age, body)" || echo "**differ** for: $differs")."
echo "- Portal's responses after its GET load $([ -z "$changed" ] && echo "equal those captured before it" || echo "**changed** for: $changed")."
# The traffic loads' answers by status (random.lua prints them): a hit answered other than 202 shows here.
statuses=$(for f in "$raw"/wrk/*-traffic-*.txt; do
  [ -e "$f" ] || continue
  line=$(sed -n 's/^Statuses: //p' "$f"); [ -z "$line" ] || printf '%s %s; ' "$(basename "$f" .txt)" "$line"
done)
[ -z "$statuses" ] || echo "- Portal-traffic answers by status (reads 200, hits 202): ${statuses%; }."
echo "- Portal logged $(setting portal_errors) error(s) (\`fail:\`/\`crit:\`) during the run, $(setting cold_errors) without its cache."
echo "- Dataset: $(setting size) articles, $(setting directives) directives, settings with 14 links; database $(setting db_mb) MB, seeded in $(setting seed_seconds) s$([ "$(setting reused_database)" = yes ] && echo " by an earlier run (REUSE=1)")."
echo "- Load average (1 min) before Portal's phase $(setting portal_load), the uncached one $(setting cold_load), the anchor's $(setting anchor_load), the limit's $(setting limit_load), at the end $(setting end_load)."
echo "- The whole run took $(setting minutes) min."
echo
echo "## Machine"
echo
echo "- CPU: $(setting cpu)"
echo "- Memory: $(setting memory)"
echo "- OS: $(setting os)"
echo "- .NET: $(setting dotnet)"
echo "- wrk: $(setting wrk)"
echo "- Commit: $(setting commit)"
echo "- Started: $(setting date)"
echo
echo "## Command"
echo
echo '```sh'
echo "PORTAL_ARGS=\"$(setting portal_args)\"${variant:+ VARIANT=$variant} make bench SIZE=$(setting size) DB=$(setting db) RUNS=$(setting runs) DURATION=$(setting duration) WARMUP=$(setting warmup) CONNECTIONS=$(setting connections)"
echo '```'
