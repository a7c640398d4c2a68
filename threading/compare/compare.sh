#!/usr/bin/env bash
# VirtualThreads beside Python (threading threads and asyncio tasks) and C (pthreads), in one run.
# Usage, from anywhere: threading/compare/compare.sh [SLEEPERS] [SLEEP_MS]   (defaults 10000 1000)
# Needs JDK 21+ for VirtualThreads: point JAVA_HOME at one.
set -euo pipefail
# load before|after: prints the load average, and warns when it is too high to measure.
. "$(dirname "$0")/../../.ci/figures/load.sh"
cd "$(dirname "$0")/../.."
sleepers=${1:-10000}
sleep_ms=${2:-1000}
jdk=${JAVA_HOME:?point JAVA_HOME at a JDK 21 or newer}
JAVA_HOME=$jdk mvn -q -pl threading compile
gcc -O2 -pthread -o /tmp/threading-sleepers threading/compare/sleepers.c
load before
echo "$(nproc) cores, $(uname -sr); $sleepers sleepers of $sleep_ms ms; each column a fresh process"
echo
out=$("$jdk/bin/java" -cp threading/target/classes org.parallelsystemtools.threading.beyond.VirtualThreads \
      --sleepers "$sleepers" --sleep-ms "$sleep_ms")
printf '%s\n\n' "$out"
py=$(python3 threading/compare/sleepers.py 10 100 "$sleepers" "$sleep_ms")
printf '%s\n\n' "$py"
c=$(/tmp/threading-sleepers "$sleepers" "$sleep_ms")
printf '%s\n\n' "$c"
# The sleepers' rows of each: figure N of the row, after the "sleepers" title.
row() { awk -v r="$2" -v c="$3" '/sleepers of/ {s=1} s && index($0, r) {n=split($0, f, " "); print f[n-c+1]; exit}' <<<"$1"; }
for r in "OS threads at peak" "peak RSS (MB)" "time (ms)"; do
  jp=$(row "$out" "$r" 2); jv=$(row "$out" "$r" 1); pt=$(row "$py" "$r" 2); pa=$(row "$py" "$r" 1); ct=$(row "$c" "$r" 1)
  printf '%-20s Java platform %6s  virtual %6s (x%s)  Python threading %6s  asyncio %6s  C pthreads %6s\n' \
    "$r" "$jp" "$jv" "$(awk -v a="$jp" -v b="$jv" 'BEGIN { printf "%.3f", b / (a ? a : 1) }')" "$pt" "$pa" "$ct"
done
load after
# The last line, FIGURE ..., is what .ci/figures/chart.py reads to draw the front page's chart.
echo "FIGURE path=sleepers unit=ms better=lower java=$(row "$out" "time (ms)" 1) python=$(row "$py" "time (ms)" 1) limit=$(row "$c" "time (ms)" 1) limit_name=C_pthreads load=$load_before"
