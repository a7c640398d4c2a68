#!/usr/bin/env bash
# FindPythonFiles (book tier, plain java -cp) and FindFilesFast (beyond tier, with
# the JVM flags it needs) beside GNU find and the Python listing, on one tree,
# warm cache, in one run.
#   usage: filewalk/compare/compare.sh [TREE]   (default /tmp/filewalk-tree: made once, 200,000 files)
# Needs python3 and, for the table, hyperfine (apt-get install hyperfine); without
# it each program is timed with 10 plain runs.
set -eu
# A figure measured on a busy machine is off by several times: print the load beside every
# figure, and warn when it is above 0.5 on two cores (0.25 a core).
# The load after a run includes the run's own work; the one before is the one that counts.
load() {
  local one; one=$(cut -d' ' -f1 /proc/loadavg)
  if [ "$1" = after ]; then
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (this run's own work included)"
    return
  fi
  load_before=$one
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
  if awk -v l="$one" -v n="$(nproc)" 'BEGIN { exit !(l > 0.25 * n) }'; then
    echo "WARNING: load $one is above $(awk -v n="$(nproc)" 'BEGIN { print 0.25 * n }') on $(nproc) cores: other work shares the cores, and these figures can be several times off" >&2
  fi
}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
tree=${1:-/tmp/filewalk-tree}
if [ ! -d "$tree" ]; then
  echo "making $tree (200,000 files, once; about 20 s)..."
  python3 "$here/make_tree.py" "$tree" 200000
fi
(cd "$repo" && mvn -q -pl filewalk compile)
classes=$repo/filewalk/target/classes
fast="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn32m"
book="java -cp $classes org.parallelsystemtools.filewalk.FindPythonFiles $tree"
beyond="java $fast -cp $classes org.parallelsystemtools.filewalk.beyond.FindFilesFast $tree"
python="python3 $here/find_python_files.py $tree"
find="find $tree -name *.py -printf %s\t%p\n"

set -f   # *.py is for find, not for this shell
echo "the same answer from all three:"
$python | md5sum; $book | md5sum; $beyond | md5sum

load before
echo "timing on $(nproc) cores, $(java -version 2>&1 | head -1)..."
if command -v hyperfine >/dev/null; then
  json=$(mktemp)
  hyperfine -N --warmup 2 --runs 10 --export-json "$json" -n find "$find" -n python "$python" \
    -n "FindPythonFiles (java -cp)" "$book" -n "FindFilesFast (tuned flags)" "$beyond"
  mean() { python3 -c "import json,sys; r=[x for x in json.load(open(sys.argv[1]))['results'] if x['command']==sys.argv[2]]; print(round(r[0]['mean']*1000))" "$json" "$1"; }
  ms_find=$(mean find); ms_python=$(mean python); ms_beyond=$(mean "FindFilesFast (tuned flags)")
  rm -f "$json"
else
  for name in find python book beyond; do
    eval "command=\$$name"
    start=$(date +%s%N)
    for _ in 1 2 3 4 5 6 7 8 9 10; do $command > /dev/null; done
    ms=$(( ($(date +%s%N) - start) / 10000000 ))
    echo "$name: $ms ms a run"
    eval "ms_$name=$ms"
  done
fi
load after
# The last line, FIGURE ..., is what .ci/figures/chart.py reads to draw the front page's chart.
echo "FIGURE path=walk unit=ms better=lower java=$ms_beyond python=$ms_python limit=$ms_find limit_name=find load=$load_before"
