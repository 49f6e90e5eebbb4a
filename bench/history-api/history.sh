# Sourced by bench/history-api/run.sh and bench/pages/run.sh (from the repository's root): Ballast
# started from target/classes on one year of hourly scans of a 2,000-workload cluster `prod`.
# The first use generates the history into an embedded PostgreSQL data directory under
# target/history-api/ (bench/history-api/load.sql; a few minutes, ~6 GB); later uses reuse it.
# Defines: WORK, PG_PORT, HTTP_PORT, TOKEN (an API token of the admin user), ADMIN_PASSWORD,
# BASE, PSQL, start, stop (run on exit) and history_ready (loads once, then starts Ballast).
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
ADMIN_PASSWORD=history-api-bench-password
BASE=http://127.0.0.1:$HTTP_PORT
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres)
mkdir -p "$WORK"

PID=
start() {
	BALLAST_ADMIN_PASSWORD=$ADMIN_PASSWORD java -Xmx512m \
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

# Compiles Ballast (and, with "assets", builds the front end into target/classes), generates the
# history on first use, and starts Ballast on it.
history_ready() {
	local npm=-Dnpm.skip=true
	if [ "${1:-}" = assets ]; then
		npm=
	fi
	./mvnw -B -q $npm compile dependency:build-classpath \
	  -Dmdep.outputFile=target/app-classpath.txt -Dmdep.includeScope=runtime
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
}
