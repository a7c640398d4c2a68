#!/usr/bin/env bash
# Child processes started and reaped per second, one after another, measured in one run:
# Java's relaunch (SpawnRate, on the default JDK and on JDK 25 when installed) beside Python's
# multiprocessing spawn, and C's fork + exec of /bin/true as the practical limit.
# Usage, from anywhere: forking/compare/compare.sh [COUNT]   (children per figure, default 30)
set -euo pipefail
# load before|after: prints the load average, and warns when it is too high to measure.
. "$(dirname "$0")/../../.ci/figures/load.sh"
cd "$(dirname "$0")/../.."
count=${1:-30}
# A second JDK to measure beside the default one: JDK25_HOME, or the first JDK 25 found
# among the system's JVMs.
jdk25=${JDK25_HOME:-}
if [ -z "$jdk25" ]; then
  for d in /usr/lib/jvm/*; do
    if "$d/bin/java" -version 2>&1 | grep -q 'version "25'; then jdk25=$d; break; fi
  done
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== building forking (mvn -q -pl forking compile)"
mvn -q -pl forking compile
gcc -O2 -o "$out/fork_exec" forking/compare/fork_exec.c
load before

spawn_rate() {   # JAVA_BINARY LABEL
  echo "== Java ($2): SpawnRate --count $count"
  "$1" -cp forking/target/classes org.parallelsystemtools.forking.beyond.SpawnRate --count "$count" | tee "$out/$2"
}
spawn_rate java "default JDK"
if [ -n "$jdk25" ] && [ -x "$jdk25/bin/java" ]; then
  spawn_rate "$jdk25/bin/java" "JDK 25"
fi
echo "== Python $(python3 -c 'import sys; print(sys.version.split()[0])'): forking/compare/spawn_rate.py --count $count"
python3 forking/compare/spawn_rate.py --count "$count" | tee "$out/python"
echo "== C: fork + exec /bin/true"
"$out/fork_exec" 1000 | tee "$out/c"
load after

python_spawn=$(sed -n 's/^python multiprocessing spawn: .*, \([0-9.]*\) children\/s$/\1/p' "$out/python")
echo "== ratios to Python's multiprocessing spawn ($python_spawn children/s)"
for label in "default JDK" "JDK 25"; do
  [ -f "$out/$label" ] || continue
  while IFS= read -r line; do
    way=${line%%:*}
    rate=$(sed -n 's/.*= *\([0-9.]*\) children\/s$/\1/p' <<<"$line")
    printf '%-12s %-30s %6s children/s  %5.2f x\n' "$label" "$way" "$rate" "$(echo "$rate / $python_spawn" | bc -l)"
  done < <(grep ' children in ' "$out/$label")
done
# The last line, FIGURE ..., is what .ci/figures/chart.py reads to draw the front page's chart.
java_best=$(sed -n 's/^spawn: \([0-9.]*\) children\/s$/\1/p' "$out/default JDK" | tail -1)
c_rate=$(sed -n 's/.*, \([0-9.]*\) children\/s$/\1/p' "$out/c")
echo "FIGURE path=spawn unit=children/s better=higher java=$java_best python=$python_spawn limit=$c_rate limit_name=C_fork+exec load=$load_before"
