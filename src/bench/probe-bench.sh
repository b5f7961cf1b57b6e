#!/usr/bin/env bash
# The probe's cost: a Python client sending 1 KiB and 64 KiB messages with sendall(), run plain and
# under `socketlab trace`, interleaved, ROUNDS times each; prints each size's median ratio
# (plain time / traced time: 1.00x = free). Targets (issue 14): >= 0.5x at 1 KiB, >= 0.9x at 64 KiB.
# Beside it, in the same rounds, the ceiling of any probe that hands every byte to the lab: the same
# messages each sent a second time, to a second receiver process, and nothing else (twice_sender.py).
# And the probe's own share: the same program under the probe with a lab that only reads the reports
# (sink.py "step 0"), so the real lab's decoding and JSON do not compete for the cores.
#   bash src/bench/probe-bench.sh [ROUNDS] [MiB per run at 1 KiB] [MiB per run at 64 KiB]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-5}
MIB_SMALL=${2:-32}
MIB_LARGE=${3:-512}
mvn -q -B -DskipTests compile dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=target/runtime.classpath
LAB=(java -p "target/classes:$(cat target/runtime.classpath)" -m socketlab/socketlab.Main)
B=src/bench/probe
python3 $B/sink.py > target/probe-sink.port &
SINK=$!
python3 $B/sink.py > target/probe-sink2.port &
SINK2=$!
python3 $B/sink.py "step 0" > target/probe-drain-lab.port &
DRAIN=$!
trap 'kill $SINK $SINK2 $DRAIN 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  [ -s target/probe-sink.port ] && [ -s target/probe-sink2.port ] && [ -s target/probe-drain-lab.port ] && break
  sleep 0.1
done
PORT=$(cat target/probe-sink.port)
PORT2=$(cat target/probe-sink2.port)
DRAIN_PORT=$(cat target/probe-drain-lab.port)
secs() { grep -o 'seconds [0-9.]*' | tail -1 | cut -d' ' -f2; }
for SIZE in 1024 65536; do
  MIB=$MIB_SMALL; [ "$SIZE" -gt 1024 ] && MIB=$MIB_LARGE
  COUNT=$(( MIB * 1024 * 1024 / SIZE ))
  RATIOS=()
  CEILINGS=()
  OWN=()
  for r in $(seq "$ROUNDS"); do
    PLAIN=$(python3 $B/sender.py "$PORT" "$SIZE" "$COUNT" 2>&1 | secs)
    TRACED=$("${LAB[@]}" trace -- python3 $B/sender.py "$PORT" "$SIZE" "$COUNT" 2>&1 >/dev/null | secs)
    TWICE=$(python3 $B/twice_sender.py "$PORT" "$PORT2" "$SIZE" "$COUNT" 2>&1 | secs)
    ALONE=$(SOCKETLAB_PROBE="127.0.0.1:$DRAIN_PORT" python3 assets/probe/socketlab_probe.py \
      $B/sender.py "$PORT" "$SIZE" "$COUNT" 2>&1 | secs)
    RATIOS+=("$(python3 -c "print('%.3f' % ($PLAIN / $TRACED))")")
    CEILINGS+=("$(python3 -c "print('%.3f' % ($PLAIN / $TWICE))")")
    OWN+=("$(python3 -c "print('%.3f' % ($PLAIN / $ALONE))")")
    echo "  $SIZE B x $COUNT: plain ${PLAIN}s, traced ${TRACED}s, every byte sent twice ${TWICE}s," \
      "probe with a lab that only reads ${ALONE}s"
  done
  med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  echo "probe $SIZE B sendall: median ratio $(med "${RATIOS[@]}")x (plain/traced, $ROUNDS rounds: ${RATIOS[*]})"
  echo "  ceiling, every byte sent twice: median $(med "${CEILINGS[@]}")x (${CEILINGS[*]})"
  echo "  the probe's own share (a lab that only reads): median $(med "${OWN[@]}")x (${OWN[*]})"
done
