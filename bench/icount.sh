#!/usr/bin/env bash
# Exact instructions per iteration of a Go benchmark, for A/B decisions
# below this machine's 10-30% wall-clock drift (perf has no hardware
# counters on this virtual machine). Needs valgrind (Debian: valgrind).
#
#   go test -c -o /tmp/b.test ./rules/builtin
#   cd rules/builtin && bash ../../bench/icount.sh /tmp/b.test 'Rules/fr/all$'
#
# It runs the benchmark under callgrind for N1 and N2 iterations and
# prints (Ir(N2) - Ir(N1)) / (N2 - N1), so that set-up (pack loading,
# parsing the seeds) cancels out. GOGC=off (the default here) leaves the
# collector's work out, which steadies small A/B differences; GOGC=100
# counts it, as go test -bench does. Async preemption is off: its signals
# crash callgrind now and then.
set -euo pipefail
bin=$1 re=$2 n1=${3:-300} n2=${4:-1300}
count() {
  local v=""
  for _ in 1 2 3; do
    v=$(GOGC=${GOGC:-off} GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
      "$bin" -test.run XXX -test.bench "$re" -test.benchtime "${1}x" -test.count 1 -test.cpu 1 2>&1 >/dev/null |
      sed -n 's/.*Collected : *\([0-9]*\).*/\1/p')
    [ -n "$v" ] && break
  done
  [ -n "$v" ] || { echo "icount: callgrind gave no count for $re" >&2; exit 2; }
  echo "$v"
}
a=$(count "$n1")
b=$(count "$n2")
echo "$re: $(((b - a) / (n2 - n1))) instructions/op"
