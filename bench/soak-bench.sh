#!/usr/bin/env bash
# Memory soak (docs/benchmarks.md): starts the packaged service on loopback with a fresh home (the bundled sample
# catalog, no demo community), then sends events for LISTENERS distinct listeners (three events each, never seen
# again) at RATE events/s and prints, at ten checkpoints, the service's heap after a full GC and its resident set.
#
#   bench/soak-bench.sh [LISTENERS] [RATE] [WORKDIR]     (defaults: 1000000, 10000, /tmp/melograph-soak)
#   SERVICE_OPTS='-Xmx2g' bench/soak-bench.sh            (JVM options of the service)
set -euo pipefail
LISTENERS=${1:-1000000}
RATE=${2:-10000}
WORK=${3:-/tmp/melograph-soak}
source "$(dirname "$0")/lib.sh"
SERVICE_OPTS=${SERVICE_OPTS:-}
PORT=18090
rm -rf "$WORK"; mkdir -p "$WORK/home"

MELOGRAPH_HOME="$WORK/home" MELOGRAPH_DEMO_LISTENERS=0 MELOGRAPH_EVENTS_TOKEN=soak-token MELOGRAPH_ADMIN_TOKEN=soak-admin MELOGRAPH_PORT=$PORT \
  MELOGRAPH_BIND=127.0.0.1 NEO4J_BOLT_PORT=17697 NEO4J_HTTP_PORT=0 java $SERVICE_OPTS -jar "$JAR" serve > "$WORK/serve.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
await_service $PORT $SERVICE "$WORK/serve.log" 300
echo "service up (pid $SERVICE, JVM options: ${SERVICE_OPTS:-defaults}); $LISTENERS listeners at $RATE events/s"
java -jar "$JAR" bench soak --home "$WORK/home" --url "http://127.0.0.1:$PORT" --token soak-token \
  --listeners "$LISTENERS" --rate "$RATE" --pid $SERVICE 2>/dev/null
# what the service holds at the end: live listeners, aggregation lag (events not yet in the graph)
curl -s -H "Authorization: Bearer soak-admin" "http://127.0.0.1:$PORT/admin/stats" | grep -oE '"(listeners|journaled|aggregated|pending|lagMs)":[0-9]+' | tr '\n' ' '; echo
grep -E "Event journal: ids of segments" "$WORK/serve.log" | tail -1 | cut -c1-200 || true
jcmd $SERVICE GC.class_histogram > "$WORK/histogram.txt" 2>&1 && echo "live objects by class: $WORK/histogram.txt"
jcmd $SERVICE GC.heap_info | grep -E "garbage-first heap|Metaspace" || true
