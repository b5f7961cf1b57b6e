#!/usr/bin/env bash
# Runs the capture-overhead benchmark against the compiled lab: bash src/bench/capture-bench.sh [GiB per mode at 1 KiB calls] [slice MiB at 1 KiB calls]
# With the image's compiler (C1 only): JDK_JAVA_OPTIONS=-XX:TieredStopAtLevel=1 bash src/bench/capture-bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -DskipTests compile dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=target/runtime.classpath
exec java -Xms2g -p "target/classes:$(cat target/runtime.classpath)" --add-modules socketlab src/bench/CaptureBench.java "$@"
