#!/usr/bin/env bash
# Latency of the history API (trends, findings, scans, scores) with one year of hourly scans of a
# 2,000-workload cluster: p50/p95/p99 with wrk, CONNECTIONS connections (default 16), SECONDS per
# endpoint (default 30) after a 5-second warm-up. The first run generates the history into an
# embedded PostgreSQL data directory under target/history-api/ (bench/history-api/load.sql; a
# few minutes, ~6 GB); later runs reuse it. Needs wrk, psql and curl.
# Usage: bench/history-api/run.sh [SECONDS [CONNECTIONS]]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER=${1:-30}
CONNECTIONS=${2:-16}
for tool in wrk psql curl; do
	if ! command -v "$tool" >/dev/null; then
		echo "$tool is not installed; on Debian or Ubuntu: apt-get install -y wrk postgresql-client curl" >&2
		exit 1
	fi
done
WORK=target/history-api
DATA=$WORK/postgres
PG_PORT=15433
HTTP_PORT=18433
TOKEN=blst_historyApiBenchmarkOnlyNeverUsedElsewhere000000
BASE=http://127.0.0.1:$HTTP_PORT
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres)
mkdir -p "$WORK"

./mvnw -B -q -Dnpm.skip=true compile dependency:build-classpath \
  -Dmdep.outputFile=target/app-classpath.txt -Dmdep.includeScope=runtime

PID=
start() {
	BALLAST_ADMIN_PASSWORD=history-api-bench-password java -Xmx512m \
	  -cp "target/classes:$(cat target/app-classpath.txt)" dev.ballast.BallastApplication \
	  --server.port=$HTTP_PORT --ballast.database.embedded.data-directory="$DATA" \
	  --ballast.database.embedded.port=$PG_PORT >>"$WORK/ballast.log" 2>&1 &
	PID=$!
	for _ in $(seq 1 240); do
		if curl -sf "$BASE/actuator/health" >/dev/null; then
			return
		fi
		if ! kill -0 "$PID" 2>/dev/null; then
			echo "Ballast stopped; see $WORK/ballast.log" >&2
			exit 1
		fi
		sleep 1
	done
	echo "Ballast did not answer within 4 minutes; see $WORK/ballast.log" >&2
	exit 1
}
stop() {
	if [ -n "$PID" ]; then
		kill "$PID" 2>/dev/null || true
		wait "$PID" 2>/dev/null || true
		PID=
	fi
}
trap stop EXIT

if [ ! -f "$WORK/loaded" ]; then
	rm -rf "$DATA" "$DATA.lock"
	echo "== first start: Flyway creates the schema"
	start
	echo "== generating one year of history (load.sql)"
	( time "${PSQL[@]}" -f bench/history-api/load.sql ) 2>&1
	"${PSQL[@]}" -c "INSERT INTO api_token (user_id, name, token_hash, hint, created_at)
	  SELECT id, 'history-api benchmark', encode(sha256(convert_to('$TOKEN', 'UTF8')), 'hex'), left('$TOKEN', 9), now()
	  FROM app_user WHERE username = 'admin'"
	echo "== VACUUM ANALYZE"
	"${PSQL[@]}" -c "VACUUM ANALYZE"
	stop
	touch "$WORK/loaded"
fi

echo "== starting Ballast on the generated history"
start
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
