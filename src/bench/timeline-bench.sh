#!/usr/bin/env bash
# Times the timeline canvas with 100,000 real events, then 10 million events and 20,000 connections
# (issue 12's targets: median <= 16 ms, p99 <= 50 ms a frame), headless (Monocle, software rendering):
#   bash src/bench/timeline-bench.sh            (all cases, about 3 minutes)
#   bash src/bench/timeline-bench.sh --large    (the 10 M and 20,000 cases alone)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -DincludeScope=test -Dmdep.outputFile=target/test.classpath
CP=$(cat target/test.classpath)
MONOCLE=$(tr ':' '\n' < target/test.classpath | grep openjfx-monocle)
FX=$(tr ':' '\n' < target/test.classpath | grep -E 'javafx-|controlsfx|jackson|picocli' | paste -sd:)
exec java -Xms2g -Xmx2g ${BENCH_JAVA_OPTS:-} -p "target/classes:$FX" --add-modules socketlab -cp "$MONOCLE" \
  --add-exports socketlab/socketlab.ui=ALL-UNNAMED --add-exports socketlab/socketlab.ui.style=ALL-UNNAMED \
  --add-opens javafx.graphics/com.sun.glass.ui=ALL-UNNAMED --add-exports javafx.graphics/com.sun.glass.ui=ALL-UNNAMED \
  --add-exports javafx.graphics/com.sun.glass.events=ALL-UNNAMED --add-exports javafx.graphics/com.sun.glass.ui.delegate=ALL-UNNAMED \
  --add-exports javafx.graphics/com.sun.glass.utils=ALL-UNNAMED --add-exports javafx.graphics/com.sun.javafx.util=ALL-UNNAMED \
  --add-exports javafx.base/com.sun.javafx.logging=ALL-UNNAMED --add-exports javafx.graphics/com.sun.javafx.tk=ALL-UNNAMED \
  -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dheadless.geometry=1920x1080-32 \
  src/bench/TimelineBench.java "$@"
