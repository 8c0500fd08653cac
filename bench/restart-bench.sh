#!/usr/bin/env bash
# Restart time (docs/benchmarks.md): builds a home with the bundled sample and a demo community of LISTENERS simulated
# listeners (1,500 x 28 days = about 1M journaled events), lets the first start finish its catch-up, then kills the
# service (kill -9) and starts it again, RUNS times, and stops it gracefully and starts it again, RUNS times: seconds from
# the start command to the first HTTP answer, and what /health says then.
#
#   bench/restart-bench.sh [LISTENERS] [RUNS] [WORKDIR]     (defaults: 1500, 3, /tmp/melograph-restart)
set -euo pipefail
LISTENERS=${1:-1500}
RUNS=${2:-3}
WORK=${3:-/tmp/melograph-restart}
PORT=18085
source "$(dirname "$0")/lib.sh"
export MELOGRAPH_HOME="$WORK/home" MELOGRAPH_DEMO_LISTENERS=$LISTENERS MELOGRAPH_EVENTS_TOKEN=restart-token \
  MELOGRAPH_ADMIN_TOKEN=restart-admin MELOGRAPH_PORT=$PORT MELOGRAPH_BIND=127.0.0.1 NEO4J_BOLT_PORT=17695 NEO4J_HTTP_PORT=17475
PIDFILE=$WORK/service.pid
trap '[ -f "$PIDFILE" ] && kill "$(cat "$PIDFILE")" 2>/dev/null || true' EXIT

start() { # starts the service (its pid in $PIDFILE) and prints the seconds to the first HTTP answer
  local t0 t1 SERVICE
  t0=$(date +%s.%N)
  java -jar "$JAR" serve >> "$WORK/serve.log" 2>&1 &
  SERVICE=$!
  echo $SERVICE > "$PIDFILE"
  until curl -s -o /dev/null -m 1 "http://127.0.0.1:$PORT/health"; do
    kill -0 $SERVICE 2>/dev/null || { echo "service did not start; see $WORK/serve.log" >&2; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}
caught_up() {
  curl -s "http://127.0.0.1:$PORT/health" | grep -o '"journal":{[^}]*}}' | grep -o '"caughtUp":[a-z]*' | head -1
}
wait_caught_up() {
  for _ in $(seq 600); do
    [ "$(caught_up)" = '"caughtUp":true' ] && return 0
    sleep 1
  done
  echo "did not catch up in 10 minutes" >&2; exit 1
}

stop() {
  local pid
  pid=$(cat "$PIDFILE")
  kill -s "$1" "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

if [ ! -d "$WORK/home" ]; then
  mkdir -p "$WORK"
  echo "first start: sample import and $LISTENERS demo listeners ($(start) s to the first answer)"
  wait_caught_up
  sleep 70 # one Neo4j checkpoint (every minute) and nothing left for the aggregator
  stop TERM
fi
for mode in kill graceful; do
  for run in $(seq "$RUNS"); do
    s=$(start)
    h=$(caught_up)
    wait_caught_up
    journaled=$(curl -s -H "Authorization: Bearer restart-admin" "http://127.0.0.1:$PORT/admin/stats" | grep -o '"journaled":[0-9]*')
    echo "$mode restart $run: first answer after $s s ($h at that moment; $journaled)"
    sleep 5
    if [ $mode = kill ]; then stop KILL; else stop TERM; fi
  done
done
