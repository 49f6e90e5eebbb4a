#!/usr/bin/env bash
# Latency of the pages with one year of hourly scans of a 2,000-workload cluster behind them
# (bench/history-api/history.sh: the same generated history as the history-api benchmark):
# signs in as admin through the login form (CSRF token, session cookie), then for each page makes
# one request with curl (status, bytes, time), sums the bytes of the scripts it references
# (/assets/*.js) and drives it with wrk: 5 s of warm-up, then SECONDS (default 30) measured with
# CONNECTIONS connections (default 16); prints p50/p95/p99 and a summary table. A page that does
# not answer 200 (not built on this branch) is reported and skipped. Needs wrk, psql and curl.
# Usage: bench/pages/run.sh [SECONDS [CONNECTIONS [PATH...]]]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER=${1:-30}
CONNECTIONS=${2:-16}
THREADS=$(( CONNECTIONS < 2 ? 1 : 2 ))
PAGES=("${@:3}")
if [ ${#PAGES[@]} -eq 0 ]; then
	PAGES=(
		"/"
		"/clusters/prod"
		"/clusters/prod?range=1y"
		"/clusters/prod/namespaces/ns-07"
		"/clusters/prod/workloads/ns-07/Deployment/svc-0007"
		"/findings"
		"/findings?severity=danger&state=new"
		"/scans"
	)
fi
. bench/history-api/history.sh
history_ready assets

echo "== signing in as admin"
JAR=$WORK/pages-cookies.txt
rm -f "$JAR"
csrf=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "username=admin" \
  --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
COOKIE=$(awk -F'\t' 'NF == 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$JAR")
if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/scans")" != 200 ]; then
	echo "Signing in failed (is the admin password $ADMIN_PASSWORD?); see $WORK/ballast.log" >&2
	exit 1
fi

# The bytes of the scripts a page references from /assets/.
script_bytes() {
	local total=0 src size
	for src in $(grep -o '<script[^>]*src="[^"]*"' "$1" | grep -o 'src="[^"]*"' | cut -d'"' -f2 | grep '^/assets/.*\.js' || true); do
		size=$(curl -s -o /dev/null -w '%{size_download}' -H "Cookie: $COOKIE" "$BASE$src")
		total=$((total + size))
	done
	echo "$total"
}

SUMMARY=()
echo "== $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for page in "${PAGES[@]}"; do
	echo "$page"
	body=$WORK/page.html
	answer=$(curl -s -o "$body" -w '%{http_code} %{size_download} %{time_total}' -H "Cookie: $COOKIE" "$BASE$page")
	read -r status bytes seconds <<<"$answer"
	if [ "$status" != 200 ]; then
		echo "  answers $status: not measured (not built on this branch?)"
		SUMMARY+=("| \`$page\` | $status | – | – | – | – | – | – |")
		continue
	fi
	scripts=$(script_bytes "$body")
	echo "  one request: $status, $bytes bytes, $seconds s; scripts $scripts bytes"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d5s --timeout 10s -H "Cookie: $COOKIE" -s bench/history-api/latency.lua "$BASE$page" >/dev/null
	result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER}s" --timeout 10s -H "Cookie: $COOKIE" \
	  -s bench/history-api/latency.lua "$BASE$page" | tail -1)
	echo "  $result (load $(cut -d' ' -f1 /proc/loadavg))"
	p50=$(sed -n 's/.*p50 \([0-9.]*\) ms.*/\1/p' <<<"$result")
	p95=$(sed -n 's/.*p95 \([0-9.]*\) ms.*/\1/p' <<<"$result")
	p99=$(sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' <<<"$result")
	rate=$(sed -n 's/.*; \([0-9.]*\) req\/s.*/\1/p' <<<"$result")
	SUMMARY+=("| \`$page\` | $status | $p50 ms | $p95 ms | $p99 ms | $rate | $bytes | $scripts |")
done
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| page | status | p50 | p95 | p99 | req/s | HTML bytes | script bytes |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${SUMMARY[@]}"
