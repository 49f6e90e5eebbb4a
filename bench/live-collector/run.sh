#!/usr/bin/env bash
# The live collector against kubectl and the floor (the same paginated lists read byte by byte,
# decoded not at all), on the test control plane filled with a synthetic cluster; then the pages it
# read replayed ten times over (150,000 pods at 500 nodes) with the collector in -Xmx512m.
#
#   bench/live-collector/run.sh [NODES [ROUNDS]]      default 500 nodes, 3 rounds; then the replay
#   bench/live-collector/run.sh replay [COPIES [ROUNDS]]
#        only the replay of the last real run's pages, COPIES times (default 10) by a stub server
#
# A real run starts a control plane (src/test/cluster/start.sh), creates namespaces, stops the
# controller-manager and scheduler it started (they would create and place pods of their own),
# creates NODES nodes with ~30 pods each, already bound and Running, with Deployments, ReplicaSets,
# Services, EndpointSlices and ConfigMaps, then measures and records the pages into
# target/live-collector-recording/. It stops the control plane at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -x /usr/bin/time ]; then   # GNU time, for kubectl's peak RSS
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q time >/dev/null; else sudo apt-get install -y -q time >/dev/null; fi
fi
./mvnw -B -q -Dnpm.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
bench=dev.ballast.snapshot.bench
recording=target/live-collector-recording

if [ "${1:-}" = replay ]; then
  copies=${2:-10}; rounds=${3:-3}
  [ -f "$recording/index.tsv" ] || { echo "no recording: run bench/live-collector/run.sh 500 first" >&2; exit 1; }
  log=$(mktemp)
  java -Xmx6g -cp "$cp" "$bench.ReplayServer" "$recording" "$copies" >"$log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
  until grep -q '^PORT ' "$log"; do
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.5
  done
  grep -v '^PORT ' "$log"
  java -Xmx512m -cp "$cp" "$bench.ReplayBenchmark" "http://127.0.0.1:$(sed -n 's/^PORT //p' "$log")" "$rounds"
  exit 0
fi

nodes=${1:-500}; rounds=${2:-3}
# etcd on tmpfs when there is one: no fsync wait while filling
work=$(mktemp -d "$( [ -w /dev/shm ] && echo /dev/shm || echo /tmp)/ballast-bench-XXXXXX")
trap 'src/test/cluster/stop.sh "$work/kube" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
src/test/cluster/start.sh "$work/kube" --cluster-cidr 10.0.0.0/8 --node-cidr-mask-size 24 >/dev/null
. "$work/kube/cluster.env"
java -cp "$cp" "$bench.SyntheticCluster" "$KUBE_ADMIN_KUBECONFIG" namespaces "$nodes"
kill "$KUBE_CONTROLLER_MANAGER_PID" "$KUBE_SCHEDULER_PID"
java -cp "$cp" "$bench.SyntheticCluster" "$KUBE_ADMIN_KUBECONFIG" objects "$nodes"
rm -rf "$recording"
java -cp "$cp" "$bench.LiveCollectorBenchmark" "$KUBE_READER_KUBECONFIG" "$rounds" kubectl "$recording"
src/test/cluster/stop.sh "$work/kube" >/dev/null 2>&1
echo "--- replay: the recorded pages ten times over, the collector in -Xmx512m"
"$0" replay 10 "$rounds"
