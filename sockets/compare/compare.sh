#!/usr/bin/env bash
# SocketThroughput beside its Python counterpart and the C limit, in one run:
# the book's protocol (a connection per message), 5 client threads, over TCP
# on loopback and over a Unix-domain socket; with JDK 21+ also EchoServer
# --virtual. Rounds alternate Java, C and Python; medians and ratios come last,
# for messages per second and for CPU time per message (all threads, kernel
# included), which changes far less than msg/s when other work shares the cores.
#   bash sockets/compare/compare.sh [MESSAGES-PER-CLIENT (4000)] [ROUNDS (3)]
# Java: $JAVA_HOME/bin/java, else the java on the PATH; with JDK 21+ it adds the
# virtual-thread row.
set -euo pipefail
# load before|after: prints the load average, and warns when it is too high to measure.
. "$(dirname "$0")/../../.ci/figures/load.sh"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
messages=${1:-4000}
rounds=${2:-3}
cd "$root"

java=java
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; fi
# Built with the JDK that measures: on JDK 21+ that compiles the --virtual part too.
JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")") mvn -q -pl sockets compile
classes=sockets/target/classes
gcc -O2 -pthread -o /tmp/socket_bench "$here/socket_bench.c"

w=$(( messages < 2000 ? messages : 2000 ))
echo "SocketThroughput vs C vs Python: 5 clients x $messages messages, $rounds rounds; Java is $("$java" -version 2>&1 | head -1)"
# per round: Java 3 runs with warm-ups at ~5,000/s, C ~15,000/s, Python ~4,000/s, twice each
echo "about $(( rounds * (3 * (5 * messages + 2 * w) / 5000 + 2 * 5 * messages / 15000 + 2 * 5 * messages / 4000 + 2) )) s on an idle 2-core machine"
results=$(mktemp)
# each figure line becomes "NAME MSG/S CPU" in $results, and is shown as it comes
record() { # record LANGUAGE ROUND
  while IFS= read -r line; do
    echo "round $2: $1 $line"
    case $line in *msg/s*)
      name=${line%%[ :]*}
      rate=$(sed -E 's/.*: ([0-9]+) msg\/s.*/\1/' <<<"$line")
      cpu=$(sed -E 's/.*cpu ([0-9]+) us\/msg.*/\1/' <<<"$line")
      echo "$1-$name $rate $cpu" >> "$results";;
    esac
  done
}
load before
for round in $(seq "$rounds"); do
  "$java" -cp "$classes" org.parallelsystemtools.sockets.beyond.SocketThroughput --messages "$messages" | record java "$round"
  for transport in tcp unix; do
    /tmp/socket_bench 5 "$messages" $transport | record c "$round"
    python3 "$here/socket_bench.py" 5 "$messages" $transport | record python "$round"
  done
done

median() { { grep "^$1 " "$results" || true; } | awk -v f="$2" '{print $f}' | sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }
for what in "msg/s:2" "cpu us/msg:3"; do
  title=${what%:*}; field=${what#*:}
  echo
  # for CPU, less is better: the ratios are C/Java and Python/Java, so above 1 is Java ahead again
  if [ "$field" = 2 ]; then r1=Java/C r2=Java/Py; else r1=C/Java r2=Py/Java; fi
  printf '%-28s %8s %8s %8s %8s %8s\n' "median $title" Java C Python $r1 $r2
  for row in tcp unix virtual; do
    j=$(median "java-$row" "$field"); [ -z "$j" ] && continue
    t=$row; [ $row = virtual ] && t=tcp
    c=$(median "c-$t" "$field"); p=$(median "python-$t" "$field")
    case $row in tcp) label="tcp, EchoServer";; unix) label="unix, EchoServer";; *) label="tcp, EchoServer --virtual";; esac
    if [ "$field" = 2 ]; then a=$(echo "$j / $c" | bc -l) b=$(echo "$j / $p" | bc -l); else a=$(echo "$c / $j" | bc -l) b=$(echo "$p / $j" | bc -l); fi
    printf '%-28s %8s %8s %8s %8.2f %8.2f\n' "$label" "$j" "$c" "$p" "$a" "$b"
  done
done
load after
# The last line, FIGURE ..., is what .ci/figures/chart.py reads to draw the front page's chart.
for t in tcp unix; do
  echo "FIGURE path=sockets_$t unit=msg/s better=higher java=$(median "java-$t" 2) python=$(median "python-$t" 2) limit=$(median "c-$t" 2) limit_name=C load=$load_before"
done
rm -f "$results"
