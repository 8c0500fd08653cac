#!/usr/bin/env bash
# Import benchmark: Melograph's transactional importer (through the driver, into an embedded Neo4j) against Neo4j's
# own offline bulk importer (neo4j-admin database import full, same Neo4j 5.26.18, from the same jar), on
#   1. a generated catalog (melograph bench catalog), the same rows for both, and
#   2. the HetRec 2011 Last.fm dataset (ours only; see docs/benchmarks.md).
# Both JVMs run with -Xmx1g; peak heap is the largest heap occupancy the GC log shows, RSS from /usr/bin/time.
#
#   bench/import-bench.sh [SONGS] [WORKDIR]        (defaults: 1000000, /tmp/melograph-bench)
set -euo pipefail
SONGS=${1:-1000000}
WORK=${2:-/tmp/melograph-bench}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/tools/target/melograph.jar
HETREC=${HETREC:-$ROOT/../shared/datasets/hetrec2011-lastfm-2k}
JAVA_OPTS="-Xmx1g"
export NEO4J_PAGECACHE=${NEO4J_PAGECACHE:-2g}
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
mkdir -p "$WORK"

peak_heap() { grep -oE '[0-9]+M->[0-9]+M' "$1" | awk -F'M->' '{ if ($1 > m) m = $1 } END { print m + 0 }'; }
wall() { grep 'Elapsed (wall clock)' "$1" | awk '{ print $NF }' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }'; }
rss() { grep 'Maximum resident' "$1" | awk '{ printf "%d", $NF / 1024 }'; }

ours() { # name, inputs...
  local name=$1; shift
  rm -rf "$WORK/home-$name"
  /usr/bin/time -v -o "$WORK/$name.time" java $JAVA_OPTS -Xlog:gc:file="$WORK/$name.gc" -jar "$JAR" import "$@" \
    --home "$WORK/home-$name" > "$WORK/$name.out" 2> "$WORK/$name.log"
  echo "melograph $name: $(wall "$WORK/$name.time") s wall, peak heap $(peak_heap "$WORK/$name.gc") MB, RSS $(rss "$WORK/$name.time") MB"
  grep -E '^(Imported|Written|Created)' "$WORK/$name.out"
}

# ---- 1. generated catalog
CAT=$WORK/catalog-$SONGS
if [ ! -f "$CAT/songs.csv" ]; then
  java -jar "$JAR" bench catalog --songs "$SONGS" "$CAT" 2>/dev/null | tail -1
fi
ROWS=$(cat "$CAT"/*.csv | wc -l); FILES=$(ls "$CAT"/*.csv | wc -l); ROWS=$((ROWS - FILES))
echo "catalog: $ROWS rows (nodes + relationships) in $FILES files"
ours catalog csv "$CAT"

# neo4j-admin reads the same rows: each file without its header line, plus a header file in its own syntax
ADMIN=$WORK/admin-$SONGS; rm -rf "$ADMIN"; mkdir -p "$ADMIN/body" "$ADMIN/hdr" "$ADMIN/home/neo4j/conf"
touch "$ADMIN/home/neo4j/conf/neo4j.conf"
for f in "$CAT"/*.csv; do tail -n +2 "$f" > "$ADMIN/body/$(basename "$f")"; done
declare -A NODE_HEADERS=(
  [genres]='id:ID(Genre),name' [tags]='id:ID(Tag),name' [languages]='id:ID(Language),name' [persons]='id:ID(Person),name'
  [artists]='id:ID(Artist),name,country' [albums]='id:ID(Album),name,releaseDate:date'
  [songs]='id:ID(Song),name,durationSec:long,releaseDate:date')
ARGS=()
for kind in "${!NODE_HEADERS[@]}"; do
  h=${NODE_HEADERS[$kind]}; label=$(echo "$h" | sed 's/.*ID(\([A-Za-z]*\)).*/\1/')
  echo "$h" > "$ADMIN/hdr/$kind.csv"; ARGS+=("--nodes=$label=$ADMIN/hdr/$kind.csv,$ADMIN/body/$kind.csv")
done
for f in "$ADMIN"/body/triples-*.csv; do
  n=$(basename "$f"); head=$(head -1 "$f" | cut -d, -f4); tail=$(head -1 "$f" | cut -d, -f5)
  echo ":START_ID($head),:TYPE,:END_ID($tail),:IGNORE,:IGNORE" > "$ADMIN/hdr/$n"
  ARGS+=("--relationships=$ADMIN/hdr/$n,$f")
done
/usr/bin/time -v -o "$WORK/admin.time" env NEO4J_HOME="$ADMIN/home/neo4j" NEO4J_CONF="$ADMIN/home/neo4j/conf" \
  java $JAVA_OPTS -Xlog:gc:file="$WORK/admin.gc" -cp "$JAR" org.neo4j.cli.AdminTool database import full \
  "${ARGS[@]}" --overwrite-destination=true neo4j > "$WORK/admin.out" 2>&1
echo "neo4j-admin import: $(wall "$WORK/admin.time") s wall, peak heap $(peak_heap "$WORK/admin.gc") MB, RSS $(rss "$WORK/admin.time") MB"
grep -E 'IMPORT DONE|nodes$|relationships$|Peak memory' "$WORK/admin.out"
# the admin store still lacks Melograph's constraints and indexes
java $JAVA_OPTS -jar "$JAR" bench schema --home "$ADMIN/home" 2>/dev/null

# ---- 2. HetRec Last.fm
if [ -d "$HETREC" ]; then
  HROWS=$(( $(cat "$HETREC"/*.dat | wc -l) - 5 ))
  echo "hetrec: $HROWS input lines"
  ours hetrec lastfm-hetrec "$HETREC"
fi
