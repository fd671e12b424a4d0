#!/usr/bin/env bash
# Benchmark of `fidelis import` beside DuckDB's own read_csv, on a generated book of N customers.
#
# Usage: bench/import-bench.sh CUSTOMERS [SEED]      (e.g. bench/import-bench.sh 100000)
#
# Generates the book under .bench/ (git-ignored) once with `fidelis generate`, then, each timed with
# /usr/bin/time -v (wall time, peak RSS):
#   1. fidelis import into an empty workspace,
#   2. the same import again (a no-op: every row is already there),
#   3. streaming every customer history out of the book (forEachHistory, what classification reads),
#   4. DuckDB read_csv loading the same files into plain tables (no checks, no rejects: the floor).
# Appends the results, with the machine, to docs/benchmarks.md. Java options: FIDELIS_JAVA_OPTS (default -Xmx4g).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
customers="${1:?usage: bench/import-bench.sh CUSTOMERS [SEED]}"
seed="${2:-42}"
workspace="$scratch/workspace-$customers-$seed"
baseline="$scratch/read_csv-$customers-$seed.duckdb"
java_opts="${FIDELIS_JAVA_OPTS:--Xmx4g}"

"$root/fidelis" --version >/dev/null   # builds the jar when the sources changed
ensure_book "$customers" "$seed"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$workspace"
timed import java $java_opts -jar "$jar" import "$book" --workspace "$workspace"
import_wall=$wall import_rss=$rss
timed reimport java $java_opts -jar "$jar" import "$book" --workspace "$workspace"
reimport_wall=$wall reimport_rss=$rss
# --add-opens as the jar's manifest gives `java -jar`: histories are then read as Arrow batches, as classify reads them
timed histories java $java_opts --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$jar" \
  io.fidelis.store.duckdb.HistoryScanTiming "$workspace"
histories_wall=$wall histories_rss=$rss
histories_line="$(cat "$log")"
timed read_csv java $java_opts -cp "$jar" io.fidelis.store.duckdb.ReadCsvBaseline "$book" "$baseline"
baseline_wall=$wall baseline_rss=$rss
rm -f "$baseline" "$baseline.wal"

{
  echo
  echo "## fidelis import, $customers customers ($(date -u "+%Y-%m-%d %H:%M") UTC)"
  echo
  echo "\`bench/import-bench.sh $customers $seed\`, commit $(git -C "$root" rev-parse --short HEAD), Java options $java_opts"
  echo "(DuckDB memory limit: min(8GB, half the memory) unless -Dfidelis.duckdb.memoryLimit is among them)."
  machine_line
  echo "Load average when it started (1, 5, 15 min): $load_before; the machine is shared, so other work slows these."
  echo "Book: $customers customers, $(printf "%'d" "$rows") rows, $megabytes MB of CSV, made by fidelis generate --customers $customers --seed $seed."
  echo
  echo "| step | wall s | rows/s | peak RSS MiB |"
  echo "|---|---:|---:|---:|"
  echo "| fidelis import, empty workspace | $import_wall | $(per_second "$rows" "$import_wall") | $import_rss |"
  echo "| fidelis import again (no-op) | $reimport_wall | $(per_second "$rows" "$reimport_wall") | $reimport_rss |"
  echo "| forEachHistory over the book | $histories_wall | $(per_second "$rows" "$histories_wall") | $histories_rss |"
  echo "| baseline: DuckDB read_csv into tables (no checks) | $baseline_wall | $(per_second "$rows" "$baseline_wall") | $baseline_rss |"
  echo
  echo "Wall times include the JVM start and DuckDB's native library unpacking (about 1 s). $histories_line"
} >> "$report"
echo "appended to $report" >&2
