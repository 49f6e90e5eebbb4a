#!/usr/bin/env bash
# The isolation analysis over a synthetic cluster of NAMESPACES namespaces (default 10,000) with
# three apps of PODS_PER_APP pods each (default 5: 150,000 pods), half of them behind a default
# deny: analysis time, stored document size, and the request-time matrix and "can A reach B".
# Usage: bench/isolation/run.sh [NAMESPACES PODS_PER_APP]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o -Dnpm.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.ballast.isolation.bench.IsolationBenchmark "$@"
