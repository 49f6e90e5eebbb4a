#!/usr/bin/env bash
# Time from `java -jar` to the login page answering 200, on the embedded PostgreSQL:
#   1. first start on an empty data directory (initdb + all migrations),
#   2. restart on the same data directory,
# each RUNS times (default 3). Prints one line per run and the medians.
# Usage: bench/startup.sh [RUNS]      (builds the jar first if target/ has none)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=$(ls target/ballast-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/ballast-*.jar | grep -v original | head -1)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

start_and_time() { # $1 data dir; prints seconds to first 200 from /login
  local data=$1 t0 pid code
  t0=$(date +%s.%N)
  java -jar "$jar" --server.port="$port" --ballast.database.embedded.data-directory="$data" \
    --ballast.demo=true >"$work/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login" || true)
    if [ "$code" = 200 ]; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "Ballast exited; log:" >&2; tail -40 "$work/app.log" >&2; exit 1; fi
    sleep 0.05
  done
  awk -v now="$(date +%s.%N)" -v t0="$t0" 'BEGIN { printf "%.2f\n", now - t0 }'
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

: >"$work/first"; : >"$work/restart"
for i in $(seq 1 "$runs"); do
  data="$work/data-$i/postgres"
  f=$(start_and_time "$data"); echo "run $i first start (empty data dir): ${f}s"; echo "$f" >>"$work/first"
  r=$(start_and_time "$data"); echo "run $i restart (existing data):     ${r}s"; echo "$r" >>"$work/restart"
done
echo "median first start: $(median <"$work/first")s; median restart: $(median <"$work/restart")s"
