#!/usr/bin/env bash
# Jar sizes, start time and memory per role (issue 18): on loopback, one after the other —
#   1. all:    `melograph serve` from the full jar, the one-command demo (embedded Neo4j, bundled sample, demo
#              community, file journal); its embedded Neo4j is then the external graph of the two processes below
#   2. worker: MELOGRAPH_ROLE=worker with the service jar (no tools) against that Neo4j and a Kafka topic (a KRaft
#              broker started here, from the test classpath, as in events-bench.sh)
#   3. serve:  MELOGRAPH_ROLE=serve with the serving jar (the serve role alone, no PyTorch) against the same Neo4j and topic
# One at a time: each is started once the one before has had SETTLE seconds for its background work (the demo's first
# models, the worker's neighbour build), so a start is not slowed by another's. For each: seconds from launch until
# it is ready (/health 200, which needs recall warmed up within its budgets; the worker: its "worker started" log line),
# and its resident memory (VmRSS) when ready and SETTLE seconds later.
#
#   bench/roles-bench.sh [SETTLE] [WORKDIR]      (defaults: 60, /tmp/melograph-roles-bench)
#   JVM_OPTS='-Xmx1g' bench/roles-bench.sh       (JVM options of every process; default: the JVM's defaults)
#   IMAGES=1 bench/roles-bench.sh               (the worker and the serving process as containers of the images
#                                                 melograph-service and melograph-serving, `docker run --network host`;
#                                                 their JVMs then take the images' -XX:MaxRAMPercentage=75 unless JVM_OPTS)
set -euo pipefail
SETTLE=${1:-60}
WORK=${2:-/tmp/melograph-roles-bench}
source "$(dirname "$0")/lib.sh"
JVM_OPTS=${JVM_OPTS:-}
IMAGES=${IMAGES:-}
rm -rf "$WORK"; mkdir -p "$WORK/shared"
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; [ -z "$IMAGES" ] || docker rm -f roles-worker roles-serve > /dev/null 2>&1 || true' EXIT

start_kafka "$WORK"
PIDS+=("$BROKER")

printf 'jars: full (tools) %s MiB, service %s MiB, serving %s MiB\n' "$(( $(stat -c %s "$JAR") / 1048576 ))" \
  "$(( $(stat -c %s "$SERVICE_JAR") / 1048576 ))" "$(( $(stat -c %s "$SERVING_JAR") / 1048576 ))"

[ -z "$IMAGES" ] || printf 'images: service %s MB, serving %s MB\n' \
  "$(( $(docker image inspect -f '{{.Size}}' melograph-service) / 1000000 ))" "$(( $(docker image inspect -f '{{.Size}}' melograph-serving) / 1000000 ))"

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

# launch NAME ROLE PORT ENV...: starts a process, waits until it is ready, prints its start time and memory;
# the demo (all) from the full jar, a worker from the service jar, a serving process from the serving jar
launch() {
  local name=$1 role=$2 port=$3; shift 3
  local command=("$SERVICE_JAR"); [ "$role" = all ] && command=("$JAR" serve); [ "$role" = serve ] && command=("$SERVING_JAR")
  local started pid; started=$(date +%s.%N)
  if [ -n "$IMAGES" ] && [ "$role" != all ]; then
    # the image's entry point, its home a folder here; the shared folder at the same path inside
    local image=melograph-service settings=(); [ "$role" = serve ] && image=melograph-serving
    for e in "$@" MELOGRAPH_PORT="$port" MELOGRAPH_ROLE="$role" MELOGRAPH_EVENTS_TOKEN=bench-token; do settings+=(-e "$e"); done
    [ -z "$JVM_OPTS" ] || settings+=(-e "JAVA_TOOL_OPTIONS=$JVM_OPTS")
    mkdir -p "$WORK/$name"
    docker run -d --rm --name "roles-$name" --network host --user root -v "$WORK/$name:/var/lib/melograph" \
      -v "$WORK/shared:$WORK/shared" "${settings[@]}" "$image" > /dev/null
    pid=$(docker inspect -f '{{.State.Pid}}' "roles-$name")
    docker logs -f "roles-$name" > "$WORK/$name.log" 2>&1 &
  else
    env "$@" MELOGRAPH_HOME="$WORK/$name" MELOGRAPH_PORT="$port" MELOGRAPH_ROLE="$role" MELOGRAPH_EVENTS_TOKEN=bench-token \
      java $JVM_OPTS -jar "${command[@]}" > "$WORK/$name.log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
  fi
  if [ "$role" = worker ]; then
    for _ in $(seq 300); do
      grep -q "Melograph worker started" "$WORK/$name.log" && break
      kill -0 "$pid" 2>/dev/null || { echo "$name did not start; see $WORK/$name.log"; exit 1; }
      sleep 0.2
    done
  else
    for _ in $(seq 1500); do
      curl -fs "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break
      kill -0 "$pid" 2>/dev/null || { echo "$name did not start; see $WORK/$name.log"; exit 1; }
      sleep 0.2
    done
  fi
  local ready; ready=$(echo "$(date +%s.%N) - $started" | bc)
  local rss; rss=$(rss_mb "$pid")
  sleep "$SETTLE"
  printf '%s\tready in %.1f s\tRSS %s MB when ready, %s MB %s s later\n' "$role" "$ready" "$rss" "$(rss_mb "$pid")" "$SETTLE"
}

launch all all 18080 NEO4J_BOLT_PORT=17687 NEO4J_HTTP_PORT=0
# the embedded Neo4j's password, kept in its home
SHARED=(NEO4J_URI=bolt://127.0.0.1:17687 NEO4J_PASSWORD="$(cat "$WORK/all/neo4j-password")" MELOGRAPH_KAFKA_BOOTSTRAP="$KAFKA_BOOTSTRAP" MELOGRAPH_KAFKA_TOPIC=bench-roles
        MELOGRAPH_SHARED_DIR="$WORK/shared" MELOGRAPH_SAMPLE=false)
launch worker worker 18081 "${SHARED[@]}"
launch serve serve 18082 "${SHARED[@]}"
