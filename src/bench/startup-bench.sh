#!/usr/bin/env bash
# Startup benchmark: how long from launching the image until the lab's window is shown, median of N
# runs, against a bare JavaFX window started by the same image in the same run.
#   bash src/bench/startup-bench.sh [runs, default 7]     (builds the image if it is missing)
# Needs a display; with none, it starts Xvfb when it is installed, and otherwise says so and stops.
set -uo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-7}
IMAGE=target/socketlab
if [ ! -x "$IMAGE/bin/socketlab" ]; then
  mvn -q -B -DskipTests package || exit 1
fi
if [ -z "${DISPLAY:-}" ]; then
  if command -v Xvfb >/dev/null; then
    Xvfb :77 -screen 0 1920x1080x24 >/dev/null 2>&1 &
    XVFB=$!
    trap 'kill $XVFB 2>/dev/null' EXIT
    export DISPLAY=:77
    sleep 1
  else
    echo "startup benchmark: no display and no Xvfb (apt-get install xvfb); skipped"
    exit 0
  fi
fi
"$IMAGE/bin/java" -version >/dev/null 2>&1
rm -rf target/bench-hello && mkdir -p target/bench-hello/classes
javac -d target/bench-hello/classes --module-path "$IMAGE/../classes" -p "$(ls ~/.m2/repository/org/openjfx/javafx-controls/*/javafx-controls-*-linux.jar | head -1):$(ls ~/.m2/repository/org/openjfx/javafx-graphics/*/javafx-graphics-*-linux.jar | head -1):$(ls ~/.m2/repository/org/openjfx/javafx-base/*/javafx-base-*-linux.jar | head -1)" \
  --add-modules javafx.controls src/bench/hello/HelloFx.java 2>/dev/null || { echo "could not compile the baseline"; exit 1; }

# the baseline gets what the lab gets: the image's JVM options (they live in the image) and an AppCDS
# archive trained on its own start, dumped the same way as the lab's (static, serial GC, with its lambdas)
jar --create --file target/bench-hello/hello.jar -C target/bench-hello/classes . # CDS takes JARs, not class folders
HELLO=(-cp target/bench-hello/hello.jar HelloFx)
rm -f target/bench-hello/hello.jsa  # made anew: an archive only maps onto the image it was dumped from
"$IMAGE/bin/java" -XX:DumpLoadedClassList=target/bench-hello/loaded.classlist --add-modules javafx.controls "${HELLO[@]}" >/dev/null 2>&1
cp target/bench-hello/loaded.classlist target/bench-hello/hello.classlist
"$IMAGE/bin/java" -Xshare:dump -XX:+UseSerialGC -XX:SharedClassListFile=target/bench-hello/hello.classlist \
  -XX:SharedArchiveFile=target/bench-hello/hello.jsa --add-modules javafx.controls "${HELLO[@]}" >/dev/null 2>&1
HELLO_CDS=()
[ -f target/bench-hello/hello.jsa ] && HELLO_CDS=(-XX:SharedArchiveFile=target/bench-hello/hello.jsa -Xlog:cds=off)

measure() { # prints milliseconds from launch to "window shown"
  local t0 shown
  t0=$(date +%s%3N)
  shown=$("$@" 2>/dev/null | sed -n 's/^socketlab: window shown at \([0-9]*\)$/\1/p' | head -1)
  [ -n "$shown" ] && echo $((shown - t0)) || echo "NA"
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "NA"; else if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
fmedian() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "NA"; else if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

lab=(); base=()
for i in $(seq "$RUNS"); do
  base+=("$(measure "$IMAGE/bin/java" "${HELLO_CDS[@]}" --add-modules javafx.controls "${HELLO[@]}")")
  lab+=("$(JDK_JAVA_OPTIONS="-Dsocketlab.startupProbe=true" measure "$IMAGE/bin/socketlab")")
done
LAB=$(printf '%s\n' "${lab[@]}" | grep -v NA | median)
BASE=$(printf '%s\n' "${base[@]}" | grep -v NA | median)
SIZE=$(du -s --block-size=1 "$IMAGE" | cut -f1) # bytes the unpacked image takes on disk (MB = 10^6 bytes)
echo "startup benchmark, $RUNS runs, display $DISPLAY, $(nproc) cpus"
echo "  lab window shown:        median ${LAB} ms   runs: ${lab[*]}   (target ≤ 1000 ms)"
echo "  bare JavaFX window:      median ${BASE} ms   runs: ${base[*]}   (same image and JVM options$([ ${#HELLO_CDS[@]} -gt 0 ] && echo ", its own AppCDS archive"))"
if [ "$LAB" != NA ] && [ "$BASE" != NA ]; then
  # each lab run against the bare run just before it: this machine's speed drifts (the bare window took
  # 318 ms at one hour and 482 ms at another), the paired ratio much less (2.65-2.98x on the same day)
  PAIRED=$(for i in "${!lab[@]}"; do [ "${lab[$i]}" != NA ] && [ "${base[$i]}" != NA ] && awk -v a="${lab[$i]}" -v b="${base[$i]}" 'BEGIN {printf "%.3f\n", a / b}'; done | fmedian)
  echo "  ratio lab / bare:        $(awk -v a="$LAB" -v b="$BASE" 'BEGIN {printf "%.2f", a / b}')× of the medians; paired run by run, median ${PAIRED}×"
fi
echo "  image on disk:           $(awk -v b="$SIZE" 'BEGIN {printf "%.1f", b / 1e6}') MB (target ≤ 80 MB)"
[ -f target/socketlab.zip ] && echo "  zip:                     $(awk -v b="$(stat -c %s target/socketlab.zip)" 'BEGIN {printf "%.1f", b / 1e6}') MB (target ≤ 45 MB)"
# a home the lab must not need: JavaFX's natives load from the image's lib/, nothing is unpacked into ~/.openjfx
FRESH=$(mktemp -d)
T=$(JDK_JAVA_OPTIONS="-Dsocketlab.startupProbe=true -Duser.home=$FRESH" measure "$IMAGE/bin/socketlab")
echo "  fresh home:              window shown after ${T} ms; files JavaFX wrote there: $(find "$FRESH/.openjfx" -type f 2>/dev/null | wc -l)"
rm -rf "$FRESH"
exit 0
