#!/usr/bin/env bash
# How fast a trace file opens, against parsing its lines alone (see OpenBench.java): bash src/bench/open-bench.sh [TRACE.jsonl]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -DskipTests compile dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=target/runtime.classpath
exec java -Xmx1g -XX:MaxDirectMemorySize=1g -p "target/classes:$(cat target/runtime.classpath)" --add-modules socketlab,com.fasterxml.jackson.databind \
  src/bench/OpenBench.java "$@"
