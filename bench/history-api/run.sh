#!/usr/bin/env bash
# Latency of the history API (trends, findings, scans, scores) with one year of hourly scans of a
# 2,000-workload cluster: p50/p95/p99 with wrk, CONNECTIONS connections (default 16), SECONDS per
# endpoint (default 30) after a 5-second warm-up. The first run generates the history into an
# embedded PostgreSQL data directory under target/history-api/ (bench/history-api/history.sh and
# load.sql; a few minutes, ~6 GB); later runs reuse it. Needs wrk, psql and curl.
# Usage: bench/history-api/run.sh [SECONDS [CONNECTIONS]]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER=${1:-30}
CONNECTIONS=${2:-16}
. bench/history-api/history.sh
history_ready
"${PSQL[@]}" -c "SELECT relname AS table, pg_size_pretty(pg_total_relation_size(oid)) AS total,
    pg_size_pretty(pg_relation_size(oid)) AS data, reltuples::bigint AS rows
  FROM pg_class WHERE relkind = 'r' AND relname LIKE 'scan%' ORDER BY pg_total_relation_size(oid) DESC" \
  -c "SELECT pg_size_pretty(pg_database_size('postgres')) AS database"

NOW=$(date -u +%s)
YEAR_AGO=$(date -u -d "@$((NOW - 365 * 86400))" +%Y-%m-%dT%H:%M:%SZ)
QUARTER_AGO=$(date -u -d "@$((NOW - 90 * 86400))" +%Y-%m-%dT%H:%M:%SZ)
ENDPOINTS=(
	"/api/v1/trends?cluster=prod&from=$YEAR_AGO&step=day"
	"/api/v1/trends?cluster=prod&namespace=ns-07&from=$QUARTER_AGO"
	"/api/v1/trends?cluster=prod&namespace=ns-07&workload=svc-0007&from=$YEAR_AGO&step=week"
	"/api/v1/findings?cluster=prod&limit=100"
	"/api/v1/findings?cluster=prod&namespace=ns-07&severity=danger"
	"/api/v1/findings?cluster=prod&state=new"
	"/api/v1/scans?cluster=prod&limit=50"
	"/api/v1/scores?cluster=prod&level=workload"
)
echo "== $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for endpoint in "${ENDPOINTS[@]}"; do
	answer=$(curl -s -o /dev/null -w '%{http_code} %{size_download} bytes %{time_total} s' \
	  -H "Authorization: Bearer $TOKEN" "$BASE$endpoint")
	echo "$endpoint"
	echo "  one request: $answer"
	wrk -t2 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $TOKEN" -s bench/history-api/latency.lua \
	  "$BASE$endpoint" >/dev/null
	result=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER}s" -H "Authorization: Bearer $TOKEN" \
	  -s bench/history-api/latency.lua "$BASE$endpoint" | tail -1)
	echo "  $result (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
