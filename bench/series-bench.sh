#!/usr/bin/env bash
# Benchmark of `fidelis classify` over a series of 36 month-ends beside one snapshot, on a book of N customers.
#
# Usage: bench/series-bench.sh CUSTOMERS [SEED]      (e.g. bench/series-bench.sh 100000)
#
# Generates the book under .bench/ (git-ignored) once, imports it into its own workspace once, then times, each
# under /usr/bin/time -v with the heap capped at 2 GB, on the same workspace:
#   1. fidelis classify --as-of 2026-09-30: one snapshot, stored as one run;
#   2. fidelis classify --from 2023-10-31 --to 2026-09-30 --every month: 36 snapshots in one pass over the book,
#      stored as 36 runs in one transaction.
# The machine may be shared: the section records CPU seconds (user + sys) and the load average before each step.
# Appends the results to docs/benchmarks.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
customers="${1:?usage: bench/series-bench.sh CUSTOMERS [SEED]}"
seed="${2:-42}"
as_of="2026-09-30"
series_from="2023-10-31"
java_opts="-Xmx2g"

"$root/fidelis" --version >/dev/null   # builds the jar when the sources changed
ensure_book "$customers" "$seed"
workspace="$scratch/series-workspace-$customers-$seed"
if [ ! -f "$workspace/fidelis.duckdb" ]; then
  java -Xmx4g -jar "$jar" import "$book" --workspace "$workspace" > "$scratch/series-import.log"
fi

load() { uptime | sed 's/.*load average: //'; }

single_load="$(load)"
timed series_single java $java_opts -jar "$jar" classify --as-of "$as_of" --workspace "$workspace"
single_wall=$wall single_rss=$rss single_cpu=$(cpu_seconds series_single)
series_load="$(load)"
timed series_36 java $java_opts -jar "$jar" classify --from "$series_from" --to "$as_of" --every month \
  --workspace "$workspace"
series_wall=$wall series_rss=$rss series_cpu=$(cpu_seconds series_36)
after_load="$(load)"
runs=$(grep -c '^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] ' "$scratch/series_36.log" || true)
ratio=$(awk -v a="$series_wall" -v b="$single_wall" 'BEGIN { printf "%.2f", a / b }')
cpu_ratio=$(awk -v a="$series_cpu" -v b="$single_cpu" 'BEGIN { printf "%.2f", a / b }')
stored=$(( customers * runs ))

{
  echo
  echo "## fidelis classify: 36 month-ends in one pass beside one snapshot, $customers customers ($(date -u +%Y-%m-%d))"
  echo
  echo "\`bench/series-bench.sh $customers $seed\`, commit $(git -C "$root" rev-parse --short HEAD), policy default"
  echo "(hysteresis over 2 months), $java_opts, the same workspace for both steps."
  machine_line
  echo "Book: $(printf "%'d" "$rows") rows, $megabytes MB of CSV, made by fidelis generate --customers $customers --seed $seed."
  echo
  echo "| step | wall s | CPU s (user+sys) | runs stored | rows stored | peak RSS MiB | load average before |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  echo "| classify --as-of $as_of (one snapshot) | $single_wall | $single_cpu | 1 | $(printf "%'d" "$customers") | $single_rss | $single_load |"
  echo "| classify --from $series_from --to $as_of --every month | $series_wall | $series_cpu | $runs | $(printf "%'d" "$stored") | $series_rss | $series_load |"
  echo
  echo "Series / one snapshot: $ratio in wall time, $cpu_ratio in CPU time (goal: at most 3 in wall time)."
  echo "Load average after both: $after_load."
} >> "$report"
echo "appended to $report" >&2
