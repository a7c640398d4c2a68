#!/usr/bin/env bash
# Child processes started and reaped per second, one after another, measured in one run:
# Java's relaunch (SpawnRate, on the default JDK and on JDK 25 when installed) beside Python's
# multiprocessing spawn, and C's fork + exec of /bin/true as the practical limit.
# Usage, from anywhere: forking/compare/compare.sh [COUNT]   (children per figure, default 30)
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-30}
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== building forking (mvn -q -pl forking compile)"
mvn -q -pl forking compile
gcc -O2 -o "$out/fork_exec" forking/compare/fork_exec.c
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

spawn_rate() {   # JAVA_BINARY LABEL
  echo "== Java ($2): SpawnRate --count $count"
  "$1" -cp forking/target/classes org.parallelsystemtools.forking.beyond.SpawnRate --count "$count" | tee "$out/$2"
}
spawn_rate java "default JDK"
if [ -x "$jdk25/bin/java" ]; then
  spawn_rate "$jdk25/bin/java" "JDK 25"
fi
echo "== Python $(python3 -c 'import sys; print(sys.version.split()[0])'): forking/compare/spawn_rate.py --count $count"
python3 forking/compare/spawn_rate.py --count "$count" | tee "$out/python"
echo "== C: fork + exec /bin/true"
"$out/fork_exec" 1000 | tee "$out/c"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

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
