#!/usr/bin/env bash
# Throughput of the check engine (workloads/s) over a large synthetic snapshot: 15,000
# Deployments with their ReplicaSets, Services and budgets, 150,000 pods, 5,000 nodes, every
# built-in check with the default configuration. Median of RUNS timed runs after a warm-up.
# Usage: bench/checks/run.sh [DEPLOYMENTS PODS_PER_DEPLOYMENT RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -Dnpm.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.ballast.checks.bench.CheckEngineBenchmark "$@"
