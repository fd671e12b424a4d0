#!/usr/bin/env bash
# How close to the hand-written DuckDB query could classify come? Times, on the workspace of bench/compare-bench.sh,
# `fidelis classify` as a command, then (bench/ClassifyFloors.java, one JVM, the book already in DuckDB's memory) the
# query again beside the parts of classify's work, each alone: the same 8 features at the 3 dates classify needs, the
# records given out by DuckDB unsorted and sorted (Arrow batches drained unread), mapped into the core's histories,
# classified, and DuckDB copying a stored run. Appends a section to docs/benchmarks.md.
#
# Usage: bench/floor-bench.sh CUSTOMERS [SEED]      (e.g. bench/floor-bench.sh 1000000 42)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
customers="${1:?usage: bench/floor-bench.sh CUSTOMERS [SEED]}"
seed="${2:-42}"
as_of="2026-09-30"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
commit="$(commit_line)"

"$root/fidelis" --version >/dev/null   # builds the CLI jar when the sources changed
ensure_book "$customers" "$seed"
workspace="$scratch/compare-workspace-$customers-$seed"
if [ ! -f "$workspace/fidelis.duckdb" ]; then
  java -Xmx4g -jar "$jar" import "$book" --workspace "$workspace" > "$scratch/compare-import.log"
fi

timed floor_classify java -Xmx2g -jar "$jar" classify --as-of "$as_of" --workspace "$workspace"
classify_wall=$wall classify_cpu=$(cpu_seconds floor_classify)
timed floor_query java -Xmx2g -cp "$jar" io.fidelis.store.duckdb.FeatureQueryBaseline "$workspace" "$as_of"
query_wall=$wall query_cpu=$(cpu_seconds floor_query)
timed floors java -Xmx2g --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$jar" "$root/bench/ClassifyFloors.java" \
  "$workspace" "$as_of"
floors="$log"
warm_query=$(awk -F'\t' '$1 == "query" {print $2}' "$floors")

{
  echo
  echo "## How close classify could come to the DuckDB query: its parts alone, $customers customers ($(date -u +%Y-%m-%d\ %H:%M) UTC)"
  echo
  echo "\`bench/floor-bench.sh $customers $seed\`, commit $commit, as of $as_of, policy default, -Xmx2g."
  machine_line
  echo "Load average when it started (1, 5, 15 min): $load_before."
  echo "Book: $(printf "%'d" "$rows") rows, $megabytes MB of CSV (fidelis generate --customers $customers --seed $seed)."
  echo
  echo "As commands, each in its own JVM (as in bench/compare-bench.sh): \`fidelis classify\` $classify_wall s"
  echo "($classify_cpu s CPU), the query $query_wall s ($query_cpu s CPU): $(awk -v a="$classify_wall" -v b="$query_wall" 'BEGIN { printf "%.2f", a / b }') times."
  echo "Then in one JVM, the book already in DuckDB's memory (the query run once untimed first), each step alone:"
  echo
  echo "| step | wall s | CPU s | wall / the query's | what it is |"
  echo "|---|---:|---:|---:|---|"
  awk -F'\t' -v q="$warm_query" 'NF == 4 { printf "| %s | %s | %s | %.2f | %s |\n", $1, $2, $3, $2 / q, $4 }' "$floors"
  echo
  echo "CPU s counts the whole process (DuckDB's threads too). \`histories\` does records_out's work and maps it,"
  echo "\`classified\` does histories' work and classifies; \`store\` is DuckDB alone copying rows already made."
} >> "$report"
echo "appended to $report" >&2
