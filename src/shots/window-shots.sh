#!/usr/bin/env bash
# Screenshots of the real window under Xvfb, for looking at a visible change (and comparing before/after).
#   bash src/shots/window-shots.sh OUTDIR [WxH ...]
# Needs: xvfb, xdotool, imagemagick (import). Builds nothing: run `mvn -q compile` first.
# Each shot: a fresh window, maximised, in one language, with a scenario or a lesson run, optionally in
# projector mode (F5). Names: OUTDIR/<case>-<lang>-<WxH>[-proj].png
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: window-shots.sh OUTDIR [WxH ...]}; shift || true
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1920x1080 1280x800 1024x768)
mkdir -p "$out"
cp=target/shots-classpath.txt
# made again whenever the pom is newer (a new dependency must be on the module path)
[ -s "$cp" ] && [ "$cp" -nt pom.xml ] || mvn -q dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime >/dev/null
# what the app needs at run time (the class path file lists the test libraries too): JavaFX, ControlsFX, Jackson, picocli
mp="target/classes:$(tr ':' '\n' < "$cp" | grep -E '/(org/openjfx|org/controlsfx|com/fasterxml|info/picocli)/' | paste -sd:)"
cases=${SHOT_CASES:-"sticky big lesson-udp"}
langs=${SHOT_LANGS:-"en zh"}
modes=${SHOT_MODES:-"normal proj"}

keys() { xdotool key --delay 150 "$@"; }

# traced programs: traces made first by `socketlab trace` (the tutorial-style listings of the tests), then opened
listing() { # listing NAME PORT: the test listing, its port 8080 made PORT, in $out/programs
  mkdir -p "$out/programs"; sed "s/8080/$2/" "src/test/resources/probe/$1" > "$out/programs/$1"; echo "$out/programs/$1"; }
# as the image's launcher: the kernel's TCP_INFO for the lab's own sockets (Java 17's incubating FFI)
kernel=(--add-modules=jdk.incubator.foreign --enable-native-access=socketlab --add-exports=java.base/sun.nio.ch=socketlab)
lab() { java "${kernel[@]}" --module-path "$mp" -m socketlab/socketlab.Main "$@"; }
for c in $cases; do
  case $c in
    traced-pair) p=$((20000 + RANDOM % 20000))
      printf 'hello\nsticky packets\n' | lab trace --run "$(listing ch7_server.py $p)" --run "$(listing ch7_client.py $p)" \
        > "$out/traced-pair.jsonl" 2>>"$out/app.log" ;;
    student-header) p=$((20000 + RANDOM % 20000))
      lab trace --framing header --serve --port $p -- python3 "$(listing header_files_client.py $p)" \
        > "$out/student-header.jsonl" 2>>"$out/app.log" ;;
    wire-traced) p=$((20000 + RANDOM % 20000)) # the tutorial-style pair, all three layers: calls, kernel, wire
      lab trace --wire --kernel --run "$(listing ch7_server.py $p)" --run "$(listing sticky_client.py $p)" \
        > "$out/wire-traced.jsonl" 2>>"$out/app.log" ;;
    wire-udp) p=$((20000 + RANDOM % 20000)) # datagrams on the wire, whole, beside the recvfrom()s
      printf 'hello\nudp\n' | lab trace --wire --run "$(listing udp_server.py $p)" --run "$(listing udp_client.py $p)" \
        > "$out/wire-udp.jsonl" 2>>"$out/app.log" ;;
    lesson-listing-*) # a lesson's Java run, then the tutorial's own programs for it under the probe: lesson-listing-ch8-two-sends-one-recv
      lab lesson "${c#lesson-listing-}" --listing > "$out/$c.jsonl" 2>>"$out/app.log" ;;
    lesson-trace-*) # a lesson's Java run, headless (`socketlab lesson ID`), then opened: lesson-trace-ch8-nagle
      lab lesson "${c#lesson-trace-}" > "$out/$c.jsonl" 2>>"$out/app.log" ;;
    lesson-wire-*) # a lesson run with all three layers (`socketlab lesson ID --wire --kernel`), then opened: lesson-wire-ch1-call-sequence
      lab lesson "${c#lesson-wire-}" --wire --kernel > "$out/$c.jsonl" 2>>"$out/app.log" ;;
    wire-nagle) # Nagle meets delayed ACK, with the wire: a trace made by `socketlab nagle --wire`, then opened
      lab nagle --rounds 4 --wire --kernel > "$out/wire-nagle.jsonl" 2>>"$out/app.log" ;;
    budget-full) # a trace larger than a 16 MiB budget holds (the window opens it with SOCKETLAB_MEMORY_BUDGET=16)
      python3 - "$out/budget-full.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    w = lambda **o: f.write(json.dumps(o) + "\n")
    w(op="connect", side="client", conn=1, t_ns=1000, local_port=50000, remote_port=9000)
    w(op="accept", side="server", conn=2, t_ns=2000, local_port=9000, remote_port=50000)
    for i in range(200000):
        t = 10000 + i * 5000
        w(op="send", side="client", conn=1, t_ns=t, bytes=1000, offset=1000 * i, dur_ns=2000)
        w(op="recv", side="server", conn=2, t_ns=t + 2500, bytes=1000, offset=1000 * i, requested=1024, dur_ns=1000)
    end = 10000 + 200000 * 5000
    w(op="close", side="client", conn=1, t_ns=end, local_port=50000)
    w(op="eof", side="server", conn=2, t_ns=end + 3000, offset=200000000, requested=1024, dur_ns=1000)
    w(op="close", side="server", conn=2, t_ns=end + 4000, local_port=9000)
PY
      ;;
  esac
done

for size in "${sizes[@]}"; do
  # a display of its own, at this size: Xvfb picks a free number and writes it on fd 3
  exec 3< <(Xvfb -displayfd 1 -screen 0 "${size}x24" -nolisten tcp 2>/dev/null)
  read -r -t 10 n <&3 || { echo "shots: Xvfb did not start"; exit 1; }
  disp=":$n"
  xvfb=$(pgrep -n Xvfb)
  for c in $cases; do
    for lang in $langs; do
      for mode in $modes; do
        args=()
        case $c in
          sticky|big|partial|chinese|sleep-too-short) args=("assets/scenarios/$c.json") ;;
          traced-pair|student-header|budget-full|wire-nagle|wire-traced|wire-udp|lesson-wire-*|lesson-listing-*|lesson-trace-*) args=("$out/$c.jsonl") ;;
          zoomed|step|replay|idle|proj-back|console) args=(assets/scenarios/sticky.json) ;;
          wire-sticky|wire-refused) args=(--wire assets/scenarios/sticky.json) ;; # the window itself in wire mode
          no-kernel) args=(assets/scenarios/sticky.json) ;; # a java started without the image's flags: no TCP_INFO
        esac
        busy=""; if [ "$c" = port-busy ]; then # another program holds the server pane's port (8080)
          python3 -c 'import socket,time; s=socket.socket(); s.bind(("127.0.0.1",8080)); s.listen(); time.sleep(60)' & busy=$!; fi
        budget=""; [ "$c" = budget-full ] && budget=16
        unshare_cmd=""; [ "$c" = wire-refused ] && unshare_cmd=/bin/false # a system that refuses the namespace
        flags=("${kernel[@]}"); [ "$c" = no-kernel ] && flags=(--add-modules=ALL-DEFAULT)
        DISPLAY=$disp SOCKETLAB_MEMORY_BUDGET=$budget SOCKETLAB_UNSHARE=$unshare_cmd java "${flags[@]}" -Dsocketlab.maximized=true -Dsocketlab.lang="$lang" -Dprism.order=sw \
          --module-path "$mp" -m socketlab/socketlab.Main "${args[@]}" >>"$out/app.log" 2>&1 &
        app=$!
        DISPLAY=$disp timeout 30 xdotool search --sync --onlyvisible --name "Socket Lab|套接字实验室" >/dev/null 2>&1 \
          || { echo "shots: the window did not open ($c $lang $size)"; kill $app 2>/dev/null; continue; }
        sleep 2; [ "$c" = budget-full ] && sleep 4 # 400,000 lines to read
        export DISPLAY=$disp
        case $c in
          sticky|partial|chinese|sleep-too-short|wire-sticky|no-kernel) keys ctrl+r; sleep 3 ;;
          big) keys ctrl+r; sleep 6 ;;
          step) keys F6; sleep 1; keys ctrl+r; sleep 2; keys space; sleep 1; keys space; sleep 1; keys space; sleep 2 ;; # three calls stepped, the banner names the next
          console) printf 'import time\nfor i in range(6):\n    print("line", i, flush=True)\nname = input("your name? ")\nprint("hello", name)\n' > "$out/console.py"
            keys ctrl+r; sleep 3; keys ctrl+p; sleep 1; xdotool type "$(realpath "$out")/console.py"; keys Return; sleep 3 ;; # a program's console under the timeline
          proj-back) keys F5; sleep 2; keys F5; sleep 2 ;; # into projector mode and out again: the panes as they were
          replay) keys ctrl+r; sleep 3; keys ctrl+r; sleep 3; keys Home; sleep 1; keys Right Right Right Right Right Right Right Right Right Right; sleep 1 ;; # two runs; the second replayed to its 10th event
          zoomed) keys ctrl+r; sleep 3; keys ctrl+t plus plus; sleep 1 ;; # the overview strip under the rows
          port-busy) keys ctrl+l; sleep 2 ;;
          save-scenario) if [ "$mode" = proj ]; then keys F5; sleep 2; fi; keys ctrl+shift+s; sleep 2 ;; # the dialog over the window
          lesson-udp) keys F2; sleep 1; keys End; sleep 1; keys Tab Tab space Tab space; sleep 3 ;;
        esac
        if [ "$mode" = proj ] && [ "$c" != save-scenario ]; then keys F5; sleep 2; fi
        import -window root "$out/$c-$lang-$size$([ "$mode" = proj ] && echo -proj).png"
        kill $app 2>/dev/null || true; wait $app 2>/dev/null || true
        [ -z "$busy" ] || { kill $busy 2>/dev/null; wait $busy 2>/dev/null || true; }
        unset DISPLAY
      done
    done
  done
  kill $xvfb 2>/dev/null || true; wait $xvfb 2>/dev/null || true
done
ls "$out"
