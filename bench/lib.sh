# Shared by the bench scripts: the packaged jar (built if missing) and waiting for a started service.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/target/melograph.jar
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
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
