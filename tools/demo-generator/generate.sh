#!/usr/bin/env bash
# Regenerates the bundled demo cluster (src/main/resources/demo/*.yaml) from
# src/test/java/dev/ballast/snapshot/demo/DemoClusterGenerator.java. Deterministic: a second run
# changes nothing. DemoClusterTests fails when the files and the generator disagree.
# Usage: tools/demo-generator/generate.sh [OUTPUT_DIRECTORY]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -Dnpm.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/demo-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/demo-classpath.txt)" \
  dev.ballast.snapshot.demo.DemoClusterGenerator "${1:-src/main/resources/demo}"
