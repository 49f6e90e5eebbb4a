#!/usr/bin/env bash
# Findings stored per second for the check report of a 150,000-pod synthetic cluster (15,000
# Deployments, 5,000 nodes) by the scan history writer on embedded PostgreSQL, against the floor:
# a plain COPY of as many rows of fixed text into a table of the same shape. Medians of RUNS.
# Usage: bench/scan-persist/run.sh [DEPLOYMENTS PODS_PER_DEPLOYMENT RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -Dnpm.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.ballast.scan.internal.ScanPersistBenchmark "$@"
