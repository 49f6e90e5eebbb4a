#!/usr/bin/env bash
# Retained heap and build time of a ClusterSnapshot of a large synthetic cluster, fed through
# the SnapshotBuilder one object at a time as a live collector would: 5,000 nodes, 15,000
# Deployments with 15,000 ReplicaSets, 150,000 pods, in a 512 MiB heap.
# Usage: bench/snapshot-memory/run.sh [NODES DEPLOYMENTS PODS_PER_DEPLOYMENT]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -Dnpm.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.ballast.snapshot.bench.SnapshotMemoryBenchmark "$@"
