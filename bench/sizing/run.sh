#!/usr/bin/env bash
# The node sizing what-if packer and the stored sizing document at 5,000 nodes and 150,000 pods
# (15,000 Deployments of 10 replicas, four DaemonSets, one pool): the document's JSON size and the
# packing time onto 4, 16 and 64-core shapes, three rounds each.
# Usage: bench/sizing/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -Dnpm.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.ballast.sizing.bench.WhatIfBenchmark
