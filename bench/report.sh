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
quiet=$(awk -v a="$(setting portal_load)" -v b="$(setting limit_load)" -v q="$(setting quiet_load)" -v o="$other_max" \
  'BEGIN { print (a < q && b < q && o <= 10) ? "yes" : "no" }')

variant=$(setting variant)
echo "# Portal against the limit — $(setting size) articles${variant:+ ($variant)}"
echo
if [ "$quiet" = no ]; then
  echo "**Measured under load:** the machine was busy with other work (load average $(setting portal_load) before Portal's phase,"
  echo "$(setting limit_load) before the limit's, threshold $(setting quiet_load); other processes took up to $other_max % of the CPU"
  echo "during a run, threshold 10 %). Ratios are less reliable than on a quiet machine."
  echo
fi
echo "Every number comes from one run of \`make bench SIZE=$(setting size)\`: Portal and the limit (the same response bytes served"
echo "from memory, see [README](../README.md)) were loaded one after the other with wrk, $(setting connections) connections,"
echo "$(setting threads) threads, $(setting duration) s per run after $(setting warmup) s of warm-up; medians of $(setting runs) runs."
echo
echo "| Endpoint | Portal req/s | Limit req/s | Ratio | Target | p50 ms | p99 ms | Limit p99 ms | Other CPU % | Result |"
echo "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |"
failures=0
while IFS='|' read -r name label min basis; do
  portal=$(cell portal "$name" 3); limit=$(cell limit "$basis" 3)
  p50=$(cell portal "$name" 4); p99=$(cell portal "$name" 5); limit_p99=$(cell limit "$name" 5)
  bad=$(( $(cell portal "$name" 6) + $(cell limit "$name" 6) ))
  read -r ratio ok < <(awk -v p="$portal" -v l="$limit" -v m="$min" -v p99="$p99" -v read="$([ "$name" = hits ] && echo 0 || echo 1)" -v bad="$bad" \
    'BEGIN { r = l > 0 ? p / l : 0; printf "%.2f %s\n", r, (p > 0 && r >= m && (!read || p99 < 20) && bad == 0) ? "pass" : "FAIL" }')
  [ "$ok" = pass ] || failures=$((failures + 1))
  target="≥ $min"; [ "$basis" = "$name" ] || target="≥ $min of limit $basis"
  [ "$name" = hits ] || target="$target, p99 < 20 ms"
  [ "$bad" -eq 0 ] || ok="$ok ($bad requests failed or timed out after 5 s)"
  [ "$portal" != 0 ] || { p50="—"; p99="no request completed"; }
  other="$(cell portal "$name" 7) / $(cell limit "$name" 7)"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$portal" "$(cell limit "$name" 3)" "$ratio" "$target" "$p50" "$p99" "$limit_p99" "$other" "$ok"
done <<'EOF'
slug|Article by slug|0.6|slug
list|Article list, first page|0.5|list
search|Article list, q search|0.1|search
settings|Settings|0.6|settings
number|Directive by number|0.5|number
revalidate|Article, If-None-Match → 304|0.6|revalidate
hits|POST hits (ratio to the limit's article rate)|0.5|slug
EOF
rss_ok=$(awk -v r="$rss" 'BEGIN { print (r < 250) ? "pass" : "FAIL" }')
[ "$rss_ok" = pass ] || failures=$((failures + 1))
echo "| Peak RSS (VmHWM) | $rss MB | $(setting limit_rss) MB | | < 250 MB | | | | | $rss_ok |"
echo
echo "**$failures of 8 targets fail.** Ratio = Portal's requests/s ÷ the limit's on the same endpoint (POST hits: ÷ the limit's"
echo "article-by-slug rate). p50/p99 are Portal's latencies of the requests that completed; failed requests are error statuses,"
echo "socket errors and wrk's 5 s timeouts, of both servers."
echo "Other CPU % (Portal / limit): the largest share of the machine's CPU that processes other than the server and wrk used"
echo "during one of the endpoint's runs — near 0 on a quiet machine."
echo
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
changed=$(setting portal_changed); differs=$(setting limit_differs)
echo "- Identical bytes: the limit's responses $([ -z "$differs" ] && echo "equal Portal's (status, headers but Date, Server and Age, body)" || echo "**differ** for: $differs")."
echo "- Portal's responses after its GET load $([ -z "$changed" ] && echo "equal those captured before it" || echo "**changed** for: $changed")."
echo "- Hit accounting ($(setting accounting)): of $(setting accounting_planned) hits over $(setting accounting_connections) connections beside $(setting accounting_burners) busy loops ($(setting accounting_seconds) s), $(setting accounting_accepted) were answered 202; GET /api/v1/hits gained $(setting accounting_api_gain) page views and the database $(setting accounting_db_gain) ($(setting accounting_other) other statuses, $(setting accounting_socket_errors) socket errors)."
echo "- Portal logged $(setting portal_errors) error(s) (\`fail:\`/\`crit:\`) during the run."
echo "- Dataset: $(setting size) articles, $(setting directives) directives, settings with 14 links; database $(setting db_mb) MB, seeded in $(setting seed_seconds) s$([ "$(setting reused_database)" = yes ] && echo " by an earlier run (REUSE=1)")."
echo "  Search query \`q=$(setting query)\`."
echo "- Load average (1 min) before Portal's phase $(setting portal_load), before the limit's $(setting limit_load), at the end $(setting end_load)."
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
echo "PORTAL_ARGS=\"$(setting portal_args)\"${variant:+ VARIANT=$variant} make bench SIZE=$(setting size) RUNS=$(setting runs) DURATION=$(setting duration) CONNECTIONS=$(setting connections)"
echo '```'
