#!/usr/bin/env bash
# Side-by-side EC2 endpoint throughput: moto_server vs our simulator, same load, same run.
#
#   sim-engine/bench/endpoint-vs-moto.sh [--only moto|sim] [--no-fsync] [--build] [-- EXTRA SIM ARGS...]
#
# Environment:
#   CLIENTS=8  SECONDS=20  WARMUP=5     load shape (EndpointLoad --clients/--seconds/--warmup);
#                                       DURATION=… is accepted for SECONDS (bash's own $SECONDS clashes)
#   LOAD_ARGS="..."                     extra EndpointLoad args (e.g. "--http per-worker --account 222222222222")
#   LOAD_JAVA_OPTS="..."                JVM options of the load generator (default -Xms256m -Xmx1g)
#   SIM_ARGS="..."                      extra simulator args (e.g. "--no-fsync"); --no-fsync flag appends it
#   SIM_JAVA_OPTS="..."                 JVM options of the simulator
#   SIM_JAR=path                        simulator jar (default sim-engine/target/sim-engine*-standalone.jar)
#   ONLY=moto|sim                       run one side only (same as --only)
#   BUILD=1                             (re)build the standalone jar first (same as --build); it is
#                                       rebuilt anyway when missing or older than src/main or the pom
#   MOTO=moto_server                    moto command
#   KEEP_WORK=1                         keep the temp dir (server logs, outputs, sim data dir)
#
# The simulator is started as: java -jar SIM_JAR --port P --data-dir <temp dir> SIM_ARGS...
# (open mode, 127.0.0.1). moto is started as: moto_server -H 127.0.0.1 -p P.
# Each server runs alone: moto is stopped before the simulator starts (the box may have few cores).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"          # the Maven reactor root
MODULE="$ROOT/sim-engine"

CLIENTS="${CLIENTS:-8}"
# $SECONDS is bash's own clock (always set, and it ticks), so take the value this script was
# started with from its original environment; DURATION is an unambiguous alternative.
SECONDS_="${DURATION:-$( { tr '\0' '\n' </proc/$$/environ || printenv; } 2>/dev/null | sed -n 's/^SECONDS=//p' | head -n 1)}"
SECONDS_="${SECONDS_:-20}"
WARMUP="${WARMUP:-5}"
ONLY="${ONLY:-}"
BUILD="${BUILD:-0}"
MOTO="${MOTO:-moto_server}"
LOAD_JAVA_OPTS="${LOAD_JAVA_OPTS:--Xms256m -Xmx1g}"
read -r -a SIM_EXTRA <<< "${SIM_ARGS:-}"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --only) ONLY="$2"; shift 2 ;;
    --no-fsync) SIM_EXTRA+=(--no-fsync); shift ;;
    --build) BUILD=1; shift ;;
    --) shift; SIM_EXTRA+=("$@"); break ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 64 ;;
  esac
done
case "$ONLY" in ""|moto|sim) ;; *) echo "--only must be moto or sim" >&2; exit 64 ;; esac

WORK="$(mktemp -d "${TMPDIR:-/tmp}/endpoint-vs-moto.XXXXXX")"
SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() {
  stop_server
  if [[ "${KEEP_WORK:-0}" != 1 ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Wait until something answers HTTP on the port (any status), or the process dies.
wait_http() {
  local port="$1" pid="$2" log="$3" timeout="${4:-90}" code
  for _ in $(seq 1 $((timeout * 5))); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "server exited before answering; log:" >&2; tail -n 40 "$log" >&2; return 1
    fi
    code="$(curl -s -o /dev/null -m 2 -w '%{http_code}' -X POST \
              -H 'Content-Type: application/x-www-form-urlencoded; charset=utf-8' \
              --data 'Action=DescribeRegions&Version=2016-11-15' "http://127.0.0.1:$port/" || true)"
    if [[ -n "$code" && "$code" != 000 ]]; then return 0; fi
    sleep 0.2
  done
  echo "server did not answer on port $port within ${timeout}s; log:" >&2; tail -n 40 "$log" >&2
  return 1
}

# ------------------------------------------------------------------ build
cd "$ROOT"
EXISTING_JAR="$(ls -t "$MODULE"/target/sim-engine*-standalone.jar 2>/dev/null | head -n 1 || true)"
if [[ "$ONLY" != moto && -z "${SIM_JAR:-}" && -n "$EXISTING_JAR" && "$BUILD" != 1 \
      && -n "$(find "$MODULE/src/main" "$MODULE/pom.xml" -newer "$EXISTING_JAR" -print -quit 2>/dev/null)" ]]; then
  echo "== $EXISTING_JAR is older than the sources; rebuilding"
  BUILD=1
fi
if [[ "$ONLY" != moto && ( "$BUILD" == 1 || -z "${SIM_JAR:-}" && -z "$EXISTING_JAR" ) ]]; then
  echo "== building the standalone jar (mvn -q -pl sim-engine -DskipTests package)"
  mvn -q -pl sim-engine -DskipTests package || echo "   build FAILED; the simulator run will need an existing jar" >&2
fi

echo "== compiling the load harness"
CP_FILE="$WORK/test-classpath.txt"
mvn -q -pl sim-engine dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >"$WORK/classpath.log" 2>&1 || { cat "$WORK/classpath.log" >&2; exit 1; }
if mvn -q -pl sim-engine test-compile >"$WORK/test-compile.log" 2>&1; then
  LOAD_CP="$MODULE/target/test-classes:$(cat "$CP_FILE")"
else
  # Someone else's half-written code may break the module build; the harness needs none of it.
  echo "   (module test-compile failed, see below; compiling io.peerdesk.sim.bench alone with javac)"
  grep -E 'ERROR.*\.java' "$WORK/test-compile.log" | head -n 5 || true
  mkdir -p "$WORK/bench-classes"
  javac -nowarn --release 17 -proc:none -d "$WORK/bench-classes" -cp "$(cat "$CP_FILE")" \
    "$MODULE"/src/test/java/io/peerdesk/sim/bench/*.java
  LOAD_CP="$WORK/bench-classes:$(cat "$CP_FILE")"
fi

run_load() {  # label port
  # shellcheck disable=SC2086
  java $LOAD_JAVA_OPTS -cp "$LOAD_CP" io.peerdesk.sim.bench.EndpointLoad \
    --endpoint "http://127.0.0.1:$2" --clients "$CLIENTS" --seconds "$SECONDS_" --warmup "$WARMUP" \
    --label "$1" --server-pid "$SERVER_PID" ${LOAD_ARGS:-} | tee "$WORK/$1.out"
}

check_alive() {  # label
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "WARNING: the $1 server exited during the run; its figures are not valid. Log tail:" >&2
    tail -n 20 "$WORK/$1.log" >&2
    echo "$1" >>"$WORK/died"
  fi
}

# ------------------------------------------------------------------ moto
if [[ "$ONLY" != sim ]]; then
  PORT="$(free_port)"
  echo "== moto_server on 127.0.0.1:$PORT ($("$MOTO" --version 2>/dev/null || python3 -c 'import moto;print("moto",moto.__version__)'))"
  "$MOTO" -H 127.0.0.1 -p "$PORT" >"$WORK/moto.log" 2>&1 &
  SERVER_PID=$!
  wait_http "$PORT" "$SERVER_PID" "$WORK/moto.log"
  run_load moto "$PORT"
  check_alive moto
  stop_server
fi

# ------------------------------------------------------------------ our simulator
if [[ "$ONLY" != moto ]]; then
  JAR="${SIM_JAR:-$(ls -t "$MODULE"/target/sim-engine*-standalone.jar 2>/dev/null | head -n 1)}"
  if [[ -z "$JAR" || ! -f "$JAR" ]]; then
    echo "no simulator jar (looked for $MODULE/target/sim-engine*-standalone.jar; set SIM_JAR or --build)" >&2
    exit 1
  fi
  PORT="$(free_port)"
  mkdir -p "$WORK/sim-data"
  echo "== simulator on 127.0.0.1:$PORT: java ${SIM_JAVA_OPTS:+$SIM_JAVA_OPTS }-jar $JAR --port $PORT --data-dir $WORK/sim-data ${SIM_EXTRA[*]:-}"
  # shellcheck disable=SC2086
  java ${SIM_JAVA_OPTS:-} -jar "$JAR" --port "$PORT" --data-dir "$WORK/sim-data" "${SIM_EXTRA[@]}" >"$WORK/sim.log" 2>&1 &
  SERVER_PID=$!
  wait_http "$PORT" "$SERVER_PID" "$WORK/sim.log"
  run_load sim "$PORT"
  check_alive sim
  stop_server
fi

# ------------------------------------------------------------------ summary
echo
echo "== summary (CLIENTS=$CLIENTS SECONDS=$SECONDS_ WARMUP=$WARMUP, $(nproc) CPUs)"
for side in moto sim; do
  if [[ -f "$WORK/$side.out" ]]; then grep '^RESULT ' "$WORK/$side.out" | tail -n 1 || true; fi
done
if [[ -f "$WORK/died" ]]; then echo "WARNING: server(s) died during their run: $(tr '\n' ' ' <"$WORK/died")"; fi
if [[ -f "$WORK/moto.out" && -f "$WORK/sim.out" ]]; then
  field() { grep '^RESULT ' "$1" | tail -n 1 | tr ' ' '\n' | sed -n "s/^$2=//p"; }
  awk -v sr="$(field "$WORK/sim.out" rps)" -v mr="$(field "$WORK/moto.out" rps)" \
      -v sc="$(field "$WORK/sim.out" server_cpu_ms_per_req)" -v mc="$(field "$WORK/moto.out" server_cpu_ms_per_req)" \
      -v s50="$(field "$WORK/sim.out" p50_ms)" -v m50="$(field "$WORK/moto.out" p50_ms)" \
      -v s99="$(field "$WORK/sim.out" p99_ms)" -v m99="$(field "$WORK/moto.out" p99_ms)" \
      -v se="$(field "$WORK/sim.out" errors)" -v me="$(field "$WORK/moto.out" errors)" 'BEGIN {
        printf "RATIO sim/moto rps=%.2fx p50=%.3fx p99=%.3fx server_cpu_per_req=%.3fx (errors sim=%s moto=%s)\n",
               (mr > 0 ? sr / mr : 0), (m50 > 0 ? s50 / m50 : 0), (m99 > 0 ? s99 / m99 : 0),
               (mc > 0 ? sc / mc : 0), se, me }'
fi
