#!/usr/bin/env bash
# VPC list page under load: median and p95 time of GET /vpcs for a tenant with more than 1,000 VPCs.
#
#   mvn -B -q package -DskipTests && web/bench/vpc-list-p95.sh
#
# Environment: PORT (default 8081), SIM_PORT (4581), VPCS (1000), REQUESTS (2000), JAR (web/target/peerdesk-portal.jar).
# Needs java 17, curl and ab (Debian: apt-get install apache2-utils).
#
# What it does, all against the real portal jar on this machine:
#  1. writes a seed for the simulated cloud: the demo world plus account 444444444444 with $VPCS VPCs in
#     us-east-1, each with two subnets, a route table associated with one of them, and a security group
#     with an ingress rule;
#  2. starts the portal on $PORT with that seed (simulated cloud in memory, H2 file database in a temporary
#     directory, demo data) and server-side p50/p95 for http.server.requests;
#  3. registers 444444444444 in Acme through the REST API (client acme-automation) and syncs it, timed:
#     Acme now has $VPCS + 3 VPCs;
#  4. signs alice in through the embedded identity provider (OIDC) with curl, for a session cookie;
#  5. runs ab with that cookie: a warm-up, then $REQUESTS requests at concurrency 1 (time per request with
#     nothing queued: the server time plus loopback) and at concurrency 4, for page 1 of /vpcs, a later page
#     (/vpcs?page=15) and the HTMX search fragment (/vpcs?search=10.101 with HX-Request);
#  6. prints ab's percentiles and the portal's own http.server.requests p50/p95 for uri=/vpcs (Micrometer,
#     read from /actuator/metrics as the platform operator), then stops the portal.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT="${PORT:-8081}"
SIM_PORT="${SIM_PORT:-4581}"
VPCS="${VPCS:-1000}"
REQUESTS="${REQUESTS:-2000}"
JAR="${JAR:-web/target/peerdesk-portal.jar}"
BASE="http://localhost:$PORT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/peerdesk-bench.XXXXXX")"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
command -v ab >/dev/null || { echo "ab is missing: apt-get install apache2-utils" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q package -DskipTests" >&2; exit 1; }

echo "== 1. seed: demo world + 444444444444 with $VPCS VPCs"
SEED="$WORK/seed.yaml"
cat sim-engine/src/main/resources/io/peerdesk/sim/seed/demo-world.yaml > "$SEED"
{
  echo '  - id: "444444444444"'
  echo '    organisation: Bench'
  echo '    vpcs:'
  for ((i = 0; i < VPCS; i++)); do
    b=$((100 + i / 256)); c=$((i % 256)); n=$(printf '%04d' "$i")
    cat <<YAML
      - name: bench-$n
        region: us-east-1
        cidr: 10.$b.$c.0/24
        subnets:
          - { name: bench-$n-a, cidr: 10.$b.$c.0/26, az: us-east-1a }
          - { name: bench-$n-b, cidr: 10.$b.$c.64/26, az: us-east-1b }
        routeTables:
          - { name: bench-$n-private, subnets: [bench-$n-a] }
        securityGroups:
          - name: bench-$n-app
            ingress:
              - { protocol: tcp, ports: "443", cidr: 10.$b.$c.0/24 }
YAML
  done
} >> "$SEED"

echo "== 2. portal on $BASE (simulated cloud on $SIM_PORT)"
PORT="$PORT" PORTAL_SIMULATOR_PORT="$SIM_PORT" PORTAL_DATA_DIR="$WORK/data" PORTAL_SIMULATOR_SEED="$SEED" \
  PORTAL_SIMULATOR_IN_MEMORY=true \
  java -jar "$JAR" --management.metrics.distribution.percentiles.http.server.requests=0.5,0.95 \
  > "$WORK/portal.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 300); do
  grep -q "Demo data seeded" "$WORK/portal.log" 2>/dev/null && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/portal.log"; exit 1; }
  sleep 1
done
grep -E "Started PeerDeskApplication|Simulated cloud seeded|Demo data seeded" "$WORK/portal.log" | sed 's/^.*: /   /'

echo "== 3. register and sync 444444444444 in Acme through the API"
TOKEN=$(curl -sf -u acme-automation:acme-automation-secret -d 'grant_type=client_credentials&scope=api' \
  "$BASE/oauth2/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
ACCOUNT=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"accountId":"444444444444","name":"Bench","regions":["us-east-1"],"accessKeyId":"444444444444","secretAccessKey":"bench"}' \
  "$BASE/api/v1/cloud-accounts" | sed 's/^{"id":"\([^"]*\)".*/\1/')
SYNC=$(curl -s -o "$WORK/sync.json" -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
  "$BASE/api/v1/cloud-accounts/$ACCOUNT/sync")
echo "   sync: HTTP ${SYNC% *} in ${SYNC#* } s, $(grep -o '"vpcCount":[0-9]*' "$WORK/sync.json")"
echo "   Acme's VPCs: $(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/vpcs?size=1" | grep -o '"total":[0-9]*')"

sign_in() { # user cookie-jar
  local page csrf
  page=$(curl -s -c "$2" -b "$2" -L "$BASE/")
  csrf=$(echo "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -c "$2" -b "$2" -L -o /dev/null --data-urlencode "username=$1" --data-urlencode "password=peerdesk-demo" \
    --data-urlencode "_csrf=$csrf" "$BASE/login"
  awk '$6 == "SESSION" { print $7 }' "$2"
}
echo "== 4. sign alice in"
SESSION=$(sign_in alice "$WORK/alice.jar")
ROWS=$(curl -s -b "SESSION=$SESSION" "$BASE/vpcs" | grep -c 'href="/vpcs/' || true)
echo "   /vpcs for alice: $(curl -s -b "SESSION=$SESSION" "$BASE/vpcs" | grep -o 'of <strong>[0-9]*</strong> VPCs' | sed 's/<[^>]*>//g'), $ROWS rows on page 1"

run() { # label concurrency path [extra ab args]
  local label=$1 c=$2 path=$3; shift 3
  ab -q -k -n "$REQUESTS" -c "$c" -C "SESSION=$SESSION" "$@" "$BASE$path" > "$WORK/ab.txt"
  local failed non2xx p50 p95 p99 rps
  failed=$(awk '/^Failed requests/ { print $3 }' "$WORK/ab.txt")
  non2xx=$(awk '/^Non-2xx responses/ { print $3 }' "$WORK/ab.txt"); non2xx=${non2xx:-0}
  p50=$(awk '$1 == "50%" { print $2 }' "$WORK/ab.txt")
  p95=$(awk '$1 == "95%" { print $2 }' "$WORK/ab.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$WORK/ab.txt")
  rps=$(awk '/^Requests per second/ { print $4 }' "$WORK/ab.txt")
  printf '   %-34s c=%d  n=%d  median %4s ms  p95 %4s ms  p99 %4s ms  %7s req/s  failed %s, non-2xx %s\n' \
    "$label" "$c" "$REQUESTS" "$p50" "$p95" "$p99" "$rps" "$failed" "$non2xx"
}
echo "== 5. load (ab, keep-alive, session cookie)"
ab -q -k -n 500 -c 2 -C "SESSION=$SESSION" "$BASE/vpcs" > /dev/null   # warm-up: JIT, pools, caches
ab -q -k -n 200 -c 2 -C "SESSION=$SESSION" -H 'HX-Request: true' "$BASE/vpcs?search=10.101" > /dev/null
run "GET /vpcs (page 1 of 21)" 1 /vpcs
run "GET /vpcs (page 1 of 21)" 4 /vpcs
run "GET /vpcs?page=15" 1 "/vpcs?page=15"
run "HTMX GET /vpcs?search=10.101" 1 "/vpcs?search=10.101" -H 'HX-Request: true'

echo "== 6. the portal's own view: http.server.requests, uri=/vpcs (all of the above, sliding window)"
OPS=$(sign_in operator "$WORK/operator.jar")
for phi in 0.5 0.95; do
  v=$(curl -s -b "SESSION=$OPS" "$BASE/actuator/metrics/http.server.requests.percentile?tag=uri:/vpcs&tag=phi:$phi" \
      | grep -o '"value":[0-9.E-]*' | head -1 | cut -d: -f2)
  awk -v phi="$phi" -v v="$v" 'BEGIN { printf "   server p%-4s %.1f ms\n", phi * 100, v * 1000 }'
done
curl -s -b "SESSION=$OPS" "$BASE/actuator/metrics/http.server.requests?tag=uri:/vpcs" \
  | grep -o '"statistic":"[A-Z_]*","value":[0-9.E-]*' | sed 's/"statistic":"\([A-Z_]*\)","value":/   \1 /'
