#!/usr/bin/env bash
# Storage cleanup against find(1): two identical trees of FILES files in nested folders (1,000 per folder),
# every other file two days old; `find -type f -mmin +1440 -delete` on one, the starter's walker (rule
# max-age 1d) on the other, in the same run. Then a walk over BIG files with -Xmx64m must complete.
# Prints the ratio of the cleanup run itself (inside the JVM) to find, and the ratio including the JVM's start.
# OLD_JAR=<another benchmarks.jar> adds a third tree cleaned by that build's walker, for a side-by-side.
# Usage: benchmarks/cleanup/cleanup-bench.sh [FILES=200000] [BIG=1000000]   (after ./mvnw -pl benchmarks -am package -DskipTests)
set -euo pipefail
FILES=${1:-200000}
BIG=${2:-1000000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/benchmarks/target/benchmarks.jar"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cleanup-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
run() { java -cp "$JAR" io.github.hardening.benchmarks.CleanupTreeBenchmark "$@"; }
now_ms() { date +%s%3N; }

run make "$WORK/find" "$FILES"
run make "$WORK/walker" "$FILES"
if [[ -n "${OLD_JAR:-}" ]]; then run make "$WORK/old" "$FILES"; fi
run make "$WORK/warm" "$FILES"
run make "$WORK/warmup" $((FILES / 4))
sync
t0=$(now_ms); find "$WORK/find" -type f -mmin +1440 -delete; t1=$(now_ms)
find_ms=$((t1 - t0))
echo "find: $find_ms ms for $FILES files ($(find "$WORK/find" -type f | wc -l) left)"
# find's deletes leave dirty metadata; flushed here (untimed), not during the walker's run
sync
t0=$(now_ms); out=$(run run "$WORK/walker"); t1=$(now_ms)
wall_ms=$((t1 - t0))
echo "walker: $out (JVM wall $wall_ms ms; $(find "$WORK/walker" -type f | wc -l) left)"
# The target compares the cleanup run itself (walker_ms, measured inside the JVM); the JVM's start and class
# loading are in the wall time only, shown for completeness.
walker_ms=$(sed -n 's/.*walker_ms=\([0-9]*\).*/\1/p' <<<"$out")
awk -v w="$walker_ms" -v j="$wall_ms" -v f="$find_ms" 'BEGIN { printf "ratio: run %.2fx find (target <= 1.5x); with JVM start %.2fx find\n", w / f, j / f }'
if [[ -n "${OLD_JAR:-}" ]]; then
  out=$(java -cp "$OLD_JAR" io.github.hardening.benchmarks.CleanupTreeBenchmark run "$WORK/old")
  old_ms=$(sed -n 's/.*walker_ms=\([0-9]*\).*/\1/p' <<<"$out")
  echo "walker of $OLD_JAR: $out"
  awk -v w="$old_ms" -v f="$find_ms" 'BEGIN { printf "ratio: that walker %.2fx find\n", w / f }'
fi
# The same walker with its code compiled (a first, untimed run over a quarter-size tree in the same JVM), as
# in a long-lived application's second and later runs; find is not rerun (its figure above is the reference).
out=$(run run "$WORK/warm" "$WORK/warmup")
warm_ms=$(sed -n 's/.*walker_ms=\([0-9]*\).*/\1/p' <<<"$out")
echo "walker, warm JVM: $out"
awk -v w="$warm_ms" -v f="$find_ms" 'BEGIN { printf "ratio: warm run %.2fx find\n", w / f }'
rm -rf "$WORK/find" "$WORK/walker" "$WORK/old" "$WORK/warm" "$WORK/warmup"

run make "$WORK/big" "$BIG"
t0=$(now_ms); out=$(java -Xmx64m -cp "$JAR" io.github.hardening.benchmarks.CleanupTreeBenchmark run "$WORK/big"); t1=$(now_ms)
echo "walker -Xmx64m over $BIG files: $out (JVM wall $((t1 - t0)) ms)"
