#!/usr/bin/env bash
# The embedded engine, the Spark job in local[2] and the hand-written DuckDB baseline, side by side on one book.
#
# Usage: bench/compare-bench.sh CUSTOMERS [SEED]      (e.g. bench/compare-bench.sh 100000 42)
#
# Generates the book under .bench/ (git-ignored) once, imports it into its own workspace once and writes it as Parquet
# (fidelis export-book) once, then times, each under /usr/bin/time -v:
#   1. fidelis classify --as-of END (the embedded engine: DuckDB store, every core, run stored), -Xmx2g,
#   2. the Spark job (io.fidelis.spark.ClassifyBook) in local[2] on the same book as Parquet, results written as
#      Parquet, started as a plain java program with Spark's jars on the class path (what spark-submit does), -Xmx4g,
#   3. FeatureQueryBaseline: one DuckDB query computing the core features, -Xmx2g,
# then checks that the embedded run (fidelis export --format csv) and the Spark results are identical, customer by
# customer and column by column (bench/CompareResults.java), and appends a section to docs/benchmarks.md.
# SPARK_CSV=1 also times the Spark job reading the CSV files.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
customers="${1:?usage: bench/compare-bench.sh CUSTOMERS [SEED]}"
seed="${2:-42}"
as_of="2026-09-30"
partitions="${SPARK_PARTITIONS:-16}"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
commit="$(commit_line)"

"$root/fidelis" --version >/dev/null   # builds the CLI jar when the sources changed
spark_jar="$root/fidelis-spark/target/fidelis-spark.jar"
spark_classpath="$scratch/spark-classpath.txt"
(cd "$root" && mvn -B -q -o -pl fidelis-spark -am package -DskipTests >&2 \
  && mvn -B -q -o -pl fidelis-spark dependency:build-classpath -Dmdep.includeScope=compile \
       -Dmdep.outputFile="$spark_classpath.all" >&2)
# fidelis itself comes from the job's jar, built just now, never from the local repository's older snapshots
tr ':' '\n' < "$spark_classpath.all" | grep -v '/io/fidelis/' | paste -sd: - > "$spark_classpath"
spark_opens="-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
export SPARK_LOCAL_IP=127.0.0.1

ensure_book "$customers" "$seed"
workspace="$scratch/compare-workspace-$customers-$seed"
if [ ! -f "$workspace/fidelis.duckdb" ]; then
  java -Xmx4g -jar "$jar" import "$book" --workspace "$workspace" > "$scratch/compare-import.log"
fi
parquet="$scratch/book-$customers-$seed-parquet"
if [ ! -f "$parquet/customers.parquet" ]; then
  java -Xmx2g -jar "$jar" export-book --format parquet --workspace "$workspace" --out "$parquet" >&2
fi

timed embedded java -Xmx2g -jar "$jar" classify --as-of "$as_of" --workspace "$workspace"
embedded_wall=$wall embedded_rss=$rss
embedded_cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.1f", s}' "$scratch/embedded.time")

spark() { # NAME INPUT FORMAT
  local out="$scratch/spark-out-$customers-$seed-$3"
  # shellcheck disable=SC2086
  timed "$1" java -Xmx4g $spark_opens -Dspark.master='local[2]' -Dspark.ui.enabled=false \
    -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
    -Dlog4j2.configurationFile="$root/bench/spark-log4j2.properties" \
    -cp "$spark_jar:$(cat "$spark_classpath")" io.fidelis.spark.ClassifyBook \
    --input "$2" --format "$3" --as-of "$as_of" --out "$out" --partitions "$partitions"
  spark_out=$out
}
spark spark_parquet "$parquet" parquet
spark_wall=$wall spark_rss=$rss
spark_cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.1f", s}' "$scratch/spark_parquet.time")
spark_line="$(cat "$log")"
csv_row=""
if [ "${SPARK_CSV:-0}" = 1 ]; then
  spark spark_csv "$book" csv
  csv_row="| Spark job, local[2], reading the CSV files | $wall | $(per_second "$customers" "$wall") | $rss |"
fi

timed feature_query java -Xmx2g -cp "$jar" io.fidelis.store.duckdb.FeatureQueryBaseline "$workspace" "$as_of"
query_wall=$wall query_rss=$rss
query_line="$(cat "$log")"

java -Xmx2g -jar "$jar" export --as-of "$as_of" --format csv --workspace "$workspace" \
  --out "$scratch/embedded-$customers-$seed.csv" >&2
equivalence="$(java -Xmx2g -cp "$jar" "$root/bench/CompareResults.java" "$scratch/embedded-$customers-$seed.csv" "$spark_out/results" || true)"
echo "equivalence: $equivalence" >&2

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
per_core=$(awk -v c="$customers" -v s="$spark_wall" 'BEGIN { printf "%d", c / s / 2 }')
per_core_cpu=$(awk -v c="$customers" -v s="$spark_cpu" 'BEGIN { printf "%d", c / s }')
{
  echo
  echo "## Embedded, Spark local[2] and DuckDB SQL side by side, $customers customers ($(date -u +%Y-%m-%d\ %H:%M) UTC)"
  echo
  echo "\`bench/compare-bench.sh $customers $seed\`, commit $commit, as of $as_of, policy default."
  machine_line
  echo "Load average when it started (1, 5, 15 min): $load_before."
  echo "Book: $(printf "%'d" "$rows") rows, $megabytes MB of CSV (fidelis generate --customers $customers --seed $seed),"
  echo "imported once into a workspace and written once as Parquet (\`fidelis export-book\`) for Spark."
  echo
  echo "| engine | wall s | customers/s | peak RSS MiB | CPU s |"
  echo "|---|---:|---:|---:|---:|"
  echo "| embedded: fidelis classify (DuckDB store, both cores, run stored), -Xmx2g | $embedded_wall | $(per_second "$customers" "$embedded_wall") | $embedded_rss | $embedded_cpu |"
  echo "| Spark job, local[2], Parquet in, results + reasons + provenance Parquet out, $partitions partitions, -Xmx4g | $spark_wall | $(per_second "$customers" "$spark_wall") | $spark_rss | $spark_cpu |"
  [ -n "$csv_row" ] && echo "$csv_row"
  echo "| baseline: hand-written DuckDB feature query into a table, -Xmx2g | $query_wall | $(per_second "$customers" "$query_wall") | $query_rss | |"
  echo
  echo "- embedded / DuckDB query = $(ratio "$embedded_wall" "$query_wall") (goal: at most 1.5);"
  echo "  Spark local[2] / embedded = $(ratio "$spark_wall" "$embedded_wall") (goal: at least 3)."
  echo "- Spark throughput per core: $(printf "%'d" "$per_core") customers/s per core of wall time (2 cores),"
  echo "  $(printf "%'d" "$per_core_cpu") customers per CPU second."
  echo "- Equivalence, embedded run (fidelis export --format csv) against Spark's results/: $equivalence"
  echo "- Every wall time includes its JVM start (Spark's session start is a few seconds of it). Spark: $spark_line"
  echo "  Baseline: $query_line"
} >> "$report"
echo "appended to $report" >&2
