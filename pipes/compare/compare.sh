#!/usr/bin/env bash
# Pipe throughput in one run: dd | dd (the practical limit), pipe_throughput.py and
# PipeThroughput, the same 64 KiB blocks and the same total, ROUNDS times in turn.
# Usage: bash pipes/compare/compare.sh [MIB] [ROUNDS]     (defaults: 2048 MiB, 3 rounds)
set -euo pipefail
# load before|after: prints the load average, and warns when it is too high to measure.
. "$(dirname "$0")/../../.ci/figures/load.sh"
cd "$(dirname "$0")/../.."
mib=${1:-2048}
rounds=${2:-3}
export LC_ALL=C   # dd's figures with a decimal point

if [ ! -f pipes/target/classes/org/parallelsystemtools/pipes/beyond/PipeThroughput.class ]; then
  echo "building pipes ..."
  mvn -q -pl pipes compile
fi

load before
echo "moving $mib MiB through a pipe, 64 KiB per call; $rounds rounds of dd, Python, Java (about $((rounds * mib * 4 / 3000 + rounds * 2)) s)"
ddfig() {   # the reading dd's count and time, as MB/s (10^6 bytes)
  dd if=/dev/zero bs=64k count=$((mib * 16)) 2>/dev/null | dd of=/dev/null bs=64k 2>&1 |
    awk '/copied/ { printf "%.0f\n", $1 / $(NF-3) / 1e6 }'
}
lastnum() { awk '{ v = $(NF-1) } END { print v }'; }   # "...: N MB/s" -> N

sum_dd=0; sum_py=0; sum_java=0
printf '%-6s %12s %12s %12s\n' round 'dd MB/s' 'Python MB/s' 'Java MB/s'
for r in $(seq "$rounds"); do
  d=$(ddfig)
  p=$(python3 pipes/compare/pipe_throughput.py "$mib" | lastnum)
  j=$(java -cp pipes/target/classes org.parallelsystemtools.pipes.beyond.PipeThroughput --mb "$mib" | lastnum)
  printf '%-6s %12s %12s %12s\n' "$r" "$d" "$p" "$j"
  sum_dd=$((sum_dd + d)); sum_py=$((sum_py + p)); sum_java=$((sum_java + j))
done
awk -v d="$sum_dd" -v p="$sum_py" -v j="$sum_java" -v n="$rounds" 'BEGIN {
  printf "%-6s %12.0f %12.0f %12.0f\n", "mean", d / n, p / n, j / n
  printf "Java / Python: %.2f x   Java / dd: %.2f x   Python / dd: %.2f x\n", j / p, j / d, p / d
  printf "FIGURE path=pipe unit=MB/s better=higher java=%.0f python=%.0f limit=%.0f limit_name=dd|dd", j / n, p / n, d / n
}'
echo " load=$load_before"
load after
