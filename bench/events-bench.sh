#!/usr/bin/env bash
# Event intake benchmark: starts the packaged service (embedded Neo4j, empty catalog) on loopback with a fresh home,
# then runs the load generator against POST /events —
#   1. ack latency: single-event requests at a fixed rate, open loop (after a warm-up that is not counted), then
#   2. sustained intake: 8 clients sending batches of 500 back to back (group commit),
# and finally times a journal replay of 2M events (no service involved; with KAFKA=1 from a topic on the same broker,
# with the partitions EXTRA_ENV's MELOGRAPH_KAFKA_PARTITIONS gives the service's topic).
# Client and service share the machine's cores, as they do in docs/benchmarks.md.
#
#   bench/events-bench.sh [SECONDS] [WORKDIR]          (defaults: 30, /tmp/melograph-events-bench)
#   SERVICE_OPTS='-Xmx2g' bench/events-bench.sh       (JVM options of the service; default below)
#   EXTRA_ENV='MELOGRAPH_SCENES_DAILY_PRECOMPUTE=false' bench/events-bench.sh   (settings of the measured service)
#   WARMUP=120 bench/events-bench.sh                  (seconds of single events sent before the counted ones; default
#                                                      15. The JIT is still compiling for the first ~2 minutes of load)
#   KAFKA=1 bench/events-bench.sh                     (the journal as a Kafka topic on a KRaft broker started here, in
#                                                      a third JVM from the test classpath: the same broker code a
#                                                      deployment runs, one node, on the same 2 cores)
#   SPLIT=1 bench/events-bench.sh                     (the measured service in the role serve, from the serving jar,
#                                                      with Kafka as above, a worker from the service jar, and an idle all-in-one
#                                                      process whose embedded Neo4j is their external graph: five JVMs
#                                                      on the same 2 cores)
set -euo pipefail
SECONDS_RUN=${1:-30}
WORK=${2:-/tmp/melograph-events-bench}
source "$(dirname "$0")/lib.sh"
SERVICE_OPTS=${SERVICE_OPTS:-}
PORT=18080
rm -rf "$WORK"; mkdir -p "$WORK/home"
trap 'kill ${SERVICE:-} ${BROKER:-} ${GRAPH:-} ${WORKER:-} 2>/dev/null || true' EXIT

KAFKA_ENV=()
[ "${SPLIT:-}" = 1 ] && KAFKA=1
if [ "${KAFKA:-}" = 1 ]; then
  start_kafka "$WORK"
  KAFKA_ENV=(MELOGRAPH_KAFKA_BOOTSTRAP="$KAFKA_BOOTSTRAP" MELOGRAPH_KAFKA_TOPIC=bench-events)
fi
if [ "${SPLIT:-}" = 1 ]; then
  MELOGRAPH_HOME="$WORK/graph" MELOGRAPH_SAMPLE=false MELOGRAPH_PORT=18079 NEO4J_BOLT_PORT=17687 NEO4J_HTTP_PORT=0 \
    java -jar "$JAR" serve > "$WORK/graph.log" 2>&1 &
  GRAPH=$!
  await_service 18079 $GRAPH "$WORK/graph.log" 300
  KAFKA_ENV+=(NEO4J_URI=bolt://127.0.0.1:17687 NEO4J_PASSWORD="$(cat "$WORK/graph/neo4j-password")"
              MELOGRAPH_SHARED_DIR="$WORK/shared")
  env "${KAFKA_ENV[@]}" MELOGRAPH_HOME="$WORK/worker" MELOGRAPH_ROLE=worker java -jar "$SERVICE_JAR" > "$WORK/worker.log" 2>&1 &
  WORKER=$!
  for _ in $(seq 300); do grep -q "Melograph worker started" "$WORK/worker.log" && break; sleep 1; done
  KAFKA_ENV+=(MELOGRAPH_ROLE=serve)
  echo "graph host and worker up"
fi

# the split serving process runs the serving jar, as its image does; the all-in-one service `melograph serve`
MEASURED=("$JAR" serve); [ "${SPLIT:-}" = 1 ] && MEASURED=("$SERVING_JAR")
env "${KAFKA_ENV[@]}" ${EXTRA_ENV:-} MELOGRAPH_HOME="$WORK/home" MELOGRAPH_SAMPLE=false MELOGRAPH_EVENTS_TOKEN=bench-token MELOGRAPH_PORT=$PORT \
  NEO4J_BOLT_PORT=17687 NEO4J_HTTP_PORT=0 java $SERVICE_OPTS -Xlog:gc:file="$WORK/gc.log" -jar "${MEASURED[@]}" \
  > "$WORK/serve.log" 2>&1 &
SERVICE=$!
await_service $PORT $SERVICE "$WORK/serve.log" 120
echo "service up (JVM options: ${SERVICE_OPTS:-defaults})"
java -jar "$JAR" bench events --url "http://127.0.0.1:$PORT" --token bench-token --seconds "$SECONDS_RUN" --warmup "${WARMUP:-15}" \
  2>/dev/null
echo "service GC: $(grep -c 'Pause Young' "$WORK/gc.log") young pauses, longest $(grep 'Pause' "$WORK/gc.log" | grep -oE '[0-9.]+ms$' | sort -n | tail -1)"
kill $SERVICE; wait $SERVICE 2>/dev/null || true
if [ "${KAFKA:-}" = 1 ]; then # the same replay from a topic, with the partitions the measured service's topic had
  PARTITIONS=$(printf '%s\n' ${EXTRA_ENV:-} | sed -n 's/^MELOGRAPH_KAFKA_PARTITIONS=//p')
  java -jar "$JAR" bench replay --events 2000000 --kafka "$KAFKA_BOOTSTRAP" --partitions "${PARTITIONS:-1}" 2>/dev/null
  exit 0
fi
java -jar "$JAR" bench replay --events 2000000 "$WORK/replay" 2>/dev/null
