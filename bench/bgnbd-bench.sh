#!/usr/bin/env bash
# Benchmark of the BG/NBD maximum-likelihood fit on N customers drawn from the BG/NBD process (day-resolution
# dates, windows up to three years), as the population step of P(alive) needs it for a whole book.
#
# Usage: bench/bgnbd-bench.sh CUSTOMERS [SEED]      (e.g. bench/bgnbd-bench.sh 1000000)
#
# Times io.fidelis.predict.BgNbdFitTiming (the fit alone, measured inside the JVM, and the whole JVM under
# /usr/bin/time -v) and appends the result, with the machine and `uptime`, to docs/benchmarks.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
customers="${1:?usage: bench/bgnbd-bench.sh CUSTOMERS [SEED]}"
seed="${2:-42}"

"$root/fidelis" --version >/dev/null   # builds the jar when the sources changed
before="$(uptime)"
timed bgnbd java -Xmx2g -cp "$jar" io.fidelis.predict.BgNbdFitTiming "$customers" "$seed"
line="$(cat "$log")"

{
  echo
  echo "## BG/NBD fit, $customers customers ($(date -u +%Y-%m-%d\ %H:%M) UTC)"
  echo
  echo "\`bench/bgnbd-bench.sh $customers $seed\`: the maximum-likelihood fit (BOBYQA then Nelder-Mead on the logs of"
  echo "r, alpha, a, b; customers with equal (x, t_x, T) evaluated once) on customers drawn from the BG/NBD process"
  echo "with r=0.25, alpha=4, a=0.8, b=2.5. Goal: under 30 s for 1M customers."
  echo
  echo "- $line"
  echo "- whole JVM (drawing the customers included): ${wall} s wall, peak RSS ${rss} MiB"
  echo "- uptime before: \`$before\`"
  echo
  machine_line
} >> "$report"
echo "$line"
