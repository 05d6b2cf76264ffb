#!/usr/bin/env bash
# Runs one command as one test case and writes its result as JUnit XML, so .ci/run counts steps that are not test
# runners (a compile, a lint, a drift check) beside the real suites.
#   scripts/junit-step.sh <results-dir> <suite> <name> -- <command> [args…]
# Exit status: the command's. Its output is shown and, on failure, kept in the XML.
set -uo pipefail
dir="$1"; suite="$2"; name="$3"; shift 3
[ "${1:-}" = "--" ] && shift
mkdir -p "$dir"
log=$(mktemp)
start=$(date +%s)
"$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
elapsed=$(( $(date +%s) - start ))
xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' | tr -d '\000-\010\013\014\016-\037'; }
file="$dir/$(printf %s "$suite-$name" | tr -c 'A-Za-z0-9._-' '_').xml"
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  failures=0; [ "$status" -ne 0 ] && failures=1
  echo "<testsuites tests=\"1\" failures=\"$failures\"><testsuite name=\"$(echo "$suite" | xml_escape)\" tests=\"1\" failures=\"$failures\" time=\"$elapsed\">"
  echo "<testcase classname=\"$(echo "$suite" | xml_escape)\" name=\"$(echo "$name" | xml_escape)\" time=\"$elapsed\">"
  if [ "$status" -ne 0 ]; then
    echo "<failure message=\"exit status $status\">"; tail -c 20000 "$log" | xml_escape; echo "</failure>"
  fi
  echo "</testcase></testsuite></testsuites>"
} > "$file"
rm -f "$log"
exit "$status"
