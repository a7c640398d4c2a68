#!/usr/bin/env bash
# SocketThroughput beside its Python counterpart and the C limit, in one run:
# the book's protocol (a connection per message), 5 client threads, over TCP
# on loopback and over a Unix-domain socket; with JDK 21+ also EchoServer
# --virtual. Rounds alternate Java, C and Python; the medians and ratios come last.
#   bash sockets/compare/compare.sh [MESSAGES-PER-CLIENT (4000)] [ROUNDS (3)]
# Java: $JAVA_HOME/bin/java, else /usr/lib/jvm/temurin-25-jdk-amd64 if installed
# (for the virtual-thread row), else the java on the PATH.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
messages=${1:-4000}
rounds=${2:-3}
cd "$root"

mvn -q -pl sockets compile
java=java
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java
elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; fi
classes=sockets/target/classes
feature=$("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if [ "${feature%%.*}" -ge 21 ] && [ ! -f $classes/org/parallelsystemtools/sockets/beyond/VirtualConnections.class ]; then
  # built by an older JDK: compile the JDK 21 part beside it, outside target/
  extra=$(mktemp -d)
  "$(dirname "$java")/javac" --release 21 -nowarn -cp $classes -d "$extra" sockets/src/main/java21/org/parallelsystemtools/sockets/beyond/*.java
  classes=$classes:$extra
fi
gcc -O2 -pthread -o /tmp/socket_bench "$here/socket_bench.c"

echo "SocketThroughput vs C vs Python: 5 clients x $messages messages, $rounds rounds; Java is $("$java" -version 2>&1 | head -1)"
# per round: Java 3 runs with warm-ups at ~5,000/s, C ~15,000/s, Python ~4,000/s, twice each
w=$(( messages < 2000 ? messages : 2000 ))
echo "about $(( rounds * (3 * (5 * messages + 2 * w) / 5000 + 2 * 5 * messages / 15000 + 2 * 5 * messages / 4000 + 2) )) s on an idle 2-core machine"
results=$(mktemp)
for round in $(seq "$rounds"); do
  "$java" -cp "$classes" org.parallelsystemtools.sockets.beyond.SocketThroughput --messages "$messages" |
    awk -v r="$round" '/msg\/s/ {print "round " r ": java " $0 > "/dev/stderr"; sub(/ \(.*\): /, " "); print "java-" $1, $2}' >> "$results"
  for transport in tcp unix; do
    /tmp/socket_bench 5 "$messages" $transport | awk -v r="$round" '{print "c-" $1 $2; print "round " r ": c " $0 > "/dev/stderr"}' | sed 's/:/ /' >> "$results"
    python3 "$here/socket_bench.py" 5 "$messages" $transport | awk -v r="$round" '{print "python-" $1 $2; print "round " r ": python " $0 > "/dev/stderr"}' | sed 's/:/ /' >> "$results"
  done
done 2>&1

median() { grep "^$1 " "$results" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print ""}'; }
echo
printf '%-26s %10s %10s %10s %9s %9s\n' "median msg/s" Java C Python "Java/C" "Java/Py"
for row in tcp unix virtual; do
  j=$(median "java-$row"); [ -z "$j" ] && continue
  t=$row; [ $row = virtual ] && t=tcp
  c=$(median "c-$t"); p=$(median "python-$t")
  label=$row; [ $row = virtual ] && label="tcp, EchoServer --virtual"; [ $row = tcp ] && label="tcp, EchoServer pool"; [ $row = unix ] && label="unix, EchoServer pool"
  printf '%-26s %10s %10s %10s %9.2f %9.2f\n' "$label" "$j" "$c" "$p" "$(echo "$j / $c" | bc -l)" "$(echo "$j / $p" | bc -l)"
done
rm -f "$results"
