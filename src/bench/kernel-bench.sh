#!/usr/bin/env bash
# What reading the kernel's TCP state after every call costs the lab's own sockets (see KernelBench.java):
#   bash src/bench/kernel-bench.sh [MiB per slice at 64 KiB calls] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -DskipTests compile dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=target/runtime.classpath
exec java -Xms1g -p "target/classes:$(cat target/runtime.classpath)" --add-modules socketlab,jdk.incubator.foreign \
  --enable-native-access=socketlab --add-exports java.base/sun.nio.ch=socketlab src/bench/KernelBench.java "$@"
