# Sourced by every module's compare/compare.sh.
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
