#!/bin/sh
# FindPythonFiles side by side with GNU find and the Python seed, on one tree, warm cache.
#   usage: filewalk/bench.sh [TREE]        (default /tmp/tree200k, made once: 200,000 files)
#   VARIANTS=1 filewalk/bench.sh           also times the JVM settings the README compares
# Needs hyperfine (apt-get install hyperfine), python3, and the anchors in ../shared/anchors.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
anchors=${ANCHORS:-$here/../../shared/anchors}
tree=${1:-/tmp/tree200k}
[ -d "$tree" ] || python3 "$anchors/make_tree.py" "$tree" 200000
mvn -B -q -f "$here/pom.xml" compile
java="java -cp $here/target/classes"
main="org.parallelsystemtools.filewalk.FindPythonFiles $tree"
# C1 only (C2 would spend a core compiling code that runs once), the simplest GC, and a 32 MB
# young heap: the default one (1/3 of RAM/64) is touched page by page, a page fault each.
fast="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn32m"
c1serial="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

hyperfine -N --warmup 3 --runs 20 \
  -n find "find $tree -name '*.py' -printf '%s %p\n'" \
  -n python "python3 $anchors/filewalk.py $tree" \
  -n java "$java $fast $main"

if [ "${VARIANTS:-}" ]; then
  # Application class-data sharing needs a jar: archive the classes a run loads, then reuse them.
  jar cf "$here/target/filewalk.jar" -C "$here/target/classes" .
  java -XX:ArchiveClassesAtExit="$here/target/filewalk.jsa" $fast \
       -cp "$here/target/filewalk.jar" $main > /dev/null
  hyperfine -N --warmup 3 --runs 10 \
    -n "java, default JIT and GC" "$java $main" \
    -n "java, C1 only" "$java -XX:TieredStopAtLevel=1 $main" \
    -n "java, C1 + SerialGC, default young heap" "$java $c1serial $main" \
    -n "java, C1 + SerialGC + 32 MB young heap" "$java $fast $main" \
    -n "java, same, 1 thread" "$java $fast $main --threads 1" \
    -n "java, same, transparent huge pages" "$java $fast -XX:+UseTransparentHugePages $main" \
    -n "java, same + AppCDS" \
       "java -XX:SharedArchiveFile=$here/target/filewalk.jsa $fast -cp $here/target/filewalk.jar $main" \
    -n "java, same, no CDS" "$java -Xshare:off $fast $main" \
    -n "java, start-up only (empty folder)" "$java $fast org.parallelsystemtools.filewalk.FindPythonFiles $(mktemp -d)"
fi
