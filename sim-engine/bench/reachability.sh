#!/usr/bin/env bash
# Reachability analyzer at scale: world build time, heap, snapshot size, and JMH latency percentiles.
#
#   sim-engine/bench/reachability.sh [--no-build] [--stats-only | --jmh-only] [-- EXTRA JMH ARGS...]
#
# Steps (from the Maven reactor root):
#   1. mvn -q -pl sim-engine test-compile, then dependency:build-classpath -Dmdep.includeScope=test
#   2. io.peerdesk.sim.bench.WorldStats: builds the WorldGenerator world (10,000 VPCs, 5,000 active
#      peerings, ~165,000 routes, ~170,000 security-group rules) and prints build time, heap used after
#      System.gc(), snapshot size (CloudSnapshots), a plain timing loop over the 10,000 QueryMix
#      queries (p50/p99) and the share of reachable queries found (must be 100%)
#   3. JMH: org.openjdk.jmh.Main io.peerdesk.sim.bench.ReachabilityBenchmark (SampleTime, us)
#
# Environment:
#   MVN=mvn  MVN_ARGS="-o"            Maven command and extra args (e.g. -o offline)
#   STATS_JAVA_OPTS="-Xmx2g"          JVM options of WorldStats
#   JMH_ARGS="-f 1 -wi 3 -w 5s -i 5 -r 10s -jvmArgs -Xmx2g"
#                                     JMH settings (short, for a 2-core machine); arguments after
#                                     -- are appended (e.g. -- -p mix=mixed,reachable,refused)
#   OUT=sim-engine/target/bench-reachability   where logs and the JMH JSON go
#
# Builds and runs in the checkout it lives in: if others run Maven in the same checkout at the
# same time, the shared target/ breaks; use a private clone (git clone -q <repo> /tmp/x) then.
# Takes about 3 minutes with the default settings.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"          # the Maven reactor root
MODULE="$ROOT/sim-engine"

MVN="${MVN:-mvn}"
read -r -a MVN_EXTRA <<< "${MVN_ARGS:-}"
read -r -a STATS_OPTS <<< "${STATS_JAVA_OPTS:--Xmx2g}"
read -r -a JMH_OPTS <<< "${JMH_ARGS:--f 1 -wi 3 -w 5s -i 5 -r 10s -jvmArgs -Xmx2g}"
OUT="${OUT:-$MODULE/target/bench-reachability}"
BUILD=1
RUN_STATS=1
RUN_JMH=1

while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --stats-only) RUN_JMH=0; shift ;;
    --jmh-only) RUN_STATS=0; shift ;;
    --) shift; JMH_OPTS+=("$@"); break ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 64 ;;
  esac
done

cd "$ROOT"
mkdir -p "$OUT"
CP_FILE="$OUT/classpath.txt"

if [[ "$BUILD" == 1 || ! -s "$CP_FILE" ]]; then
  echo "== building test classes (mvn -q -pl sim-engine test-compile)"
  "$MVN" -q "${MVN_EXTRA[@]}" -pl sim-engine test-compile
  "$MVN" -q "${MVN_EXTRA[@]}" -pl sim-engine dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$CP_FILE"
fi
CP="$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$CP_FILE")"

echo "== machine"
echo "  $(uname -srm), $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "  $(java -version 2>&1 | head -n 1)"
echo "  load before: $(uptime)"

STATUS=0
if [[ "$RUN_STATS" == 1 ]]; then
  echo
  echo "== WorldStats (java ${STATS_OPTS[*]})"
  java "${STATS_OPTS[@]}" -cp "$CP" io.peerdesk.sim.bench.WorldStats 2>&1 | tee "$OUT/stats.log" || STATUS=$?
  echo "  load after stats: $(uptime)"
fi

if [[ "$RUN_JMH" == 1 ]]; then
  echo
  echo "== JMH ReachabilityBenchmark (${JMH_OPTS[*]})"
  java -cp "$CP" org.openjdk.jmh.Main io.peerdesk.sim.bench.ReachabilityBenchmark \
      "${JMH_OPTS[@]}" -rf json -rff "$OUT/jmh.json" 2>&1 | tee "$OUT/jmh.log" || STATUS=$?
  echo "  load after JMH: $(uptime)"
fi

echo
echo "== summary (logs in $OUT)"
if [[ -s "$OUT/stats.log" && "$RUN_STATS" == 1 ]]; then
  grep -E '^RESULT|build time|heap used|  size|reachable found|WARNING' "$OUT/stats.log" | sed 's/^/  /' || true
fi
if [[ -s "$OUT/jmh.json" && "$RUN_JMH" == 1 ]]; then
  python3 - "$OUT/jmh.json" <<'EOF' || grep -E 'analyze(:|·)' "$OUT/jmh.log" | sed 's/^/  /'
import json, sys
for r in json.load(open(sys.argv[1])):
    m = r["primaryMetric"]
    p = m["scorePercentiles"]
    params = ",".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
    print(f"  JMH {r['benchmark'].rsplit('.', 1)[-1]}[{params}] {r['mode']} ({m['scoreUnit']}): "
          f"mean {m['score']:.2f}  p50 {p['50.0']:.2f}  p90 {p['90.0']:.2f}  p99 {p['99.0']:.2f}  "
          f"p99.9 {p['99.9']:.2f}  max {p['100.0']:.1f}  jvmArgs {r.get('jvmArgs')}")
EOF
fi
exit "$STATUS"
