#!/usr/bin/env bash
# The window's per-pulse refresh under a flood into its own server (see PulseBench.java): bash src/bench/pulse-bench.sh [SECONDS]
# Run with the image's heap limit, so that the memory budget's pause is part of what is timed.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -DskipTests compile dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=target/runtime.classpath
exec java -Xmx1g -XX:MaxDirectMemorySize=1g -p "target/classes:$(cat target/runtime.classpath)" --add-modules socketlab \
  --add-exports socketlab/socketlab.ui.model=ALL-UNNAMED --add-exports socketlab/socketlab.exec=ALL-UNNAMED \
  src/bench/PulseBench.java "$@"
