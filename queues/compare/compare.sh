#!/usr/bin/env bash
# QueueThroughput beside Python's queue.Queue and a C mutex/condvar ring (the practical limit),
# in one run: P producer threads hand ITEMS items each to C consumer threads.
# Usage, from anywhere:  bash queues/compare/compare.sh [ITEMS_PER_PRODUCER]   (default 200000)
set -euo pipefail
# load before|after: prints the load average, and warns when it is too high to measure.
. "$(dirname "$0")/../../.ci/figures/load.sh"
cd "$(dirname "$0")/../.."
items=${1:-200000}
case $items in ''|*[!0-9]*) echo "compare.sh: ITEMS must be a whole number from 1 to 1000000, not '$items'" >&2; exit 2;; esac
if [ "$items" -lt 1 ] || [ "$items" -gt 1000000 ]; then
  echo "compare.sh: ITEMS must be a whole number from 1 to 1000000, not '$items'" >&2; exit 2
fi
echo "4 producers x $items items -> 2 consumers; Java and C best of 3 rounds, Python 1 (about a minute on two cores)"
[ -d queues/target/classes/org/parallelsystemtools/queues/beyond ] || mvn -q -pl queues compile
gcc -O2 -pthread -o /tmp/queue_bench queues/compare/queue_bench.c

load before
java_out=$(java -cp queues/target/classes org.parallelsystemtools.queues.beyond.QueueThroughput \
  --items "$items" --rounds 3 --producers 4 --consumers 2)
echo "$java_out"
python_out=$(python3 queues/compare/queue_bench.py "$items" 1 4 2)
echo "$python_out"
c_out=$(/tmp/queue_bench "$items" 3 4 2)
echo "$c_out"

figure() { sed -n "s/^$1.*: \([0-9]*\) items\/s$/\1/p"; }
java_like=$(echo "$java_out" | figure 'java queue (LinkedBlockingQueue')
java_best=$(echo "$java_out" | figure 'java queue (ArrayBlockingQueue')
java_abq_take=$(echo "$java_out" | sed -n 's/^ArrayBlockingQueue(8192) *take *\([0-9,]*\) items\/s$/\1/p' | tr -d ,)
python=$(echo "$python_out" | figure 'python queue')
c=$(echo "$c_out" | figure 'c queue')
awk -v jl="$java_like" -v jb="$java_best" -v jt="$java_abq_take" -v p="$python" -v c="$c" 'BEGIN {
  printf "Java LinkedBlockingQueue take / Python queue.Queue get: %.1fx\n", jl / p
  printf "Java ArrayBlockingQueue drainTo / Python queue.Queue get: %.1fx\n", jb / p
  printf "Java ArrayBlockingQueue take (one lock round per item, as the C ring) / C mutex ring: %.2fx\n", jt / c
}'
load after
# The last line, FIGURE ..., is what .ci/figures/chart.py reads to draw the front page's chart.
echo "FIGURE path=queue unit=items/s better=higher java=$java_like python=$python limit=$c limit_name=C_mutex_ring load=$load_before"
