# Shared by the bench scripts: the packaged jars (built if missing) and waiting for a started service.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/tools/target/melograph.jar                      # the full jar: CLI, benchmarks, the demo
SERVICE_JAR=$ROOT/service/target/melograph-service.jar    # the roles without the tools: workers, all-in-one services
SERVING_JAR=$ROOT/serving/target/melograph-serving.jar    # the serve role alone (no worker, no PyTorch)
[ -f "$JAR" ] && [ -f "$SERVICE_JAR" ] && [ -f "$SERVING_JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
export DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_WAIT_POLICY=PASSIVE

# await_service PORT PID LOG [SECONDS]: until /health answers; fails when the process ends first
await_service() {
  for _ in $(seq "${4:-300}"); do
    curl -fs "http://127.0.0.1:$1/health" > /dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { echo "service did not start; see $3"; exit 1; }
    sleep 1
  done
  echo "service did not answer in time; see $3"; exit 1
}

# start_kafka WORKDIR: a one-node KRaft broker in its own JVM from the test classpath (the broker code a deployment
# runs); sets BROKER (its pid) and KAFKA_BOOTSTRAP
start_kafka() {
  (cd "$ROOT" && mvn -B -q -o -pl core -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
     -Dmdep.outputFile="$ROOT/core/target/test-classpath.txt" >/dev/null)
  java -cp "$ROOT/core/target/test-classes:$ROOT/core/target/classes:$(cat "$ROOT/core/target/test-classpath.txt")" io.melograph.TestKafka \
    "$1/kafka.out" > "$1/kafka.log" 2>&1 &
  BROKER=$!
  for _ in $(seq 1 120); do [ -s "$1/kafka.out" ] && break; sleep 1; done
  KAFKA_BOOTSTRAP=$(head -1 "$1/kafka.out")
  echo "Kafka broker at $KAFKA_BOOTSTRAP"
}
