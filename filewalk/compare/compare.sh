#!/usr/bin/env bash
# FindPythonFiles (book tier, plain java -cp) and FindFilesFast (beyond tier, with
# the JVM flags it needs) beside GNU find and the Python listing, on one tree,
# warm cache, in one run.
#   usage: filewalk/compare/compare.sh [TREE]   (default /tmp/filewalk-tree: made once, 200,000 files)
# Needs python3 and, for the table, hyperfine (apt-get install hyperfine); without
# it each program is timed with 10 plain runs.
set -eu
# load before|after: prints the load average, and warns when it is too high to measure.
. "$(dirname "$0")/../../.ci/figures/load.sh"
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
