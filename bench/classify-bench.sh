#!/usr/bin/env bash
# Benchmark of `fidelis classify` beside a hand-written DuckDB query of the core features, on a book of N customers.
#
# Usage: bench/classify-bench.sh CUSTOMERS [SEED]      (e.g. bench/classify-bench.sh 1000000)
#
# Generates the book under .bench/ (git-ignored) once, imports it into its own workspace once, then times, each
# under /usr/bin/time -v with the heap capped at 2 GB:
#   1. fidelis classify --as-of END (features, score, tier, stage, reasons, actions of every customer, stored as a run),
#   2. FeatureQueryBaseline: one DuckDB query computing the core features (counts, on-time rate, maximum days late,
#      recency, complaints, mean satisfaction) from the same tables into a table.
# Appends the results, with the machine, to docs/benchmarks.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
customers="${1:?usage: bench/classify-bench.sh CUSTOMERS [SEED]}"
seed="${2:-42}"
as_of="2026-09-30"
java_opts="-Xmx2g"

"$root/fidelis" --version >/dev/null   # builds the jar when the sources changed
ensure_book "$customers" "$seed"
workspace="$scratch/classify-workspace-$customers-$seed"
if [ ! -f "$workspace/fidelis.duckdb" ]; then
  java -Xmx4g -jar "$jar" import "$book" --workspace "$workspace" > "$scratch/classify-import.log"
fi

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
timed classify java $java_opts -jar "$jar" classify --as-of "$as_of" --workspace "$workspace"
classify_wall=$wall classify_rss=$rss classify_cpu=$(cpu_seconds classify)
timed feature_query java $java_opts -cp "$jar" io.fidelis.store.duckdb.FeatureQueryBaseline "$workspace" "$as_of"
query_wall=$wall query_rss=$rss query_cpu=$(cpu_seconds feature_query)
query_line="$(cat "$log")"
ratio=$(awk -v a="$classify_wall" -v b="$query_wall" 'BEGIN { printf "%.2f", a / b }')

{
  echo
  echo "## fidelis classify, $customers customers ($(date -u +%Y-%m-%d))"
  echo
  echo "\`bench/classify-bench.sh $customers $seed\`, commit $(git -C "$root" rev-parse --short HEAD), as of $as_of, policy default, $java_opts."
  machine_line
  echo "Book: $(printf "%'d" "$rows") rows, $megabytes MB of CSV, made by fidelis generate --customers $customers --seed $seed."
  echo
  echo "Load average before (1, 5, 15 min): $load_before."
  echo
  echo "| step | wall s | CPU s (user+sys) | customers/s | peak RSS MiB |"
  echo "|---|---:|---:|---:|---:|"
  echo "| fidelis classify (features, score, tier, stage, reasons, actions; run stored) | $classify_wall | $classify_cpu | $(per_second "$customers" "$classify_wall") | $classify_rss |"
  echo "| baseline: hand-written DuckDB feature query into a table | $query_wall | $query_cpu | $(per_second "$customers" "$query_wall") | $query_rss |"
  echo
  echo "classify / baseline = $ratio (goal: at most 1.5). Wall times include the JVM start and DuckDB's native library"
  echo "unpacking (about 1 s) for both. Baseline: $query_line"
} >> "$report"
echo "appended to $report" >&2
