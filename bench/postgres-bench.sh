#!/usr/bin/env bash
# bench/postgres-bench.sh CUSTOMERS SEED: import and classify one generated book on PostgreSQL and, side by side, in a
# DuckDB workspace; appends a section to docs/benchmarks.md. The database: FIDELIS_BENCH_PG_URL (a server URL whose
# database is replaced by fidelis_bench, dropped and made anew), else FIDELIS_TEST_PG_URL; user and password from
# FIDELIS_TEST_PG_USER and FIDELIS_TEST_PG_PASSWORD (eval "$(scripts/postgres-test.sh start)" sets all three).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
customers="${1:-100000}"; seed="${2:-42}"; as_of=2026-09-30
server="${FIDELIS_BENCH_PG_URL:-${FIDELIS_TEST_PG_URL:?start a cluster: eval \"\$(scripts/postgres-test.sh start)\"}}"
base="${server%/*}"; url="$base/fidelis_bench"
psql="$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -1)"
host_port="${base#jdbc:postgresql://}"
export PGPASSWORD="${FIDELIS_TEST_PG_PASSWORD:-}" FIDELIS_DB_PASSWORD="${FIDELIS_TEST_PG_PASSWORD:-}"
"$psql" -q -h "${host_port%:*}" -p "${host_port##*:}" -U "${FIDELIS_TEST_PG_USER:-postgres}" -d postgres \
  -c "DROP DATABASE IF EXISTS fidelis_bench" -c "CREATE DATABASE fidelis_bench"
ensure_book "$customers" "$seed"
"$root/fidelis" --version > /dev/null
db=(--db "$url" --db-user "${FIDELIS_TEST_PG_USER:-postgres}" --workspace "$scratch/pg-rejects")
workspace="$scratch/pg-bench-duckdb-$customers-$seed"; rm -rf "$workspace"
java_opts=(${FIDELIS_JAVA_OPTS:--Xmx4g})

timed pg-import java "${java_opts[@]}" -jar "$jar" import "$book" "${db[@]}"; pg_import=$wall; pg_import_rss=$rss
timed pg-classify java "${java_opts[@]}" -jar "$jar" classify --as-of "$as_of" "${db[@]}"; pg_classify=$wall; pg_classify_rss=$rss
timed duck-import java "${java_opts[@]}" -jar "$jar" import "$book" --workspace "$workspace"; duck_import=$wall; duck_import_rss=$rss
timed duck-classify java "${java_opts[@]}" -jar "$jar" classify --as-of "$as_of" --workspace "$workspace"; duck_classify=$wall; duck_classify_rss=$rss
db_size=$("$psql" -At -h "${host_port%:*}" -p "${host_port##*:}" -U "${FIDELIS_TEST_PG_USER:-postgres}" -d fidelis_bench \
  -c "SELECT pg_size_pretty(pg_database_size('fidelis_bench'))")

{
  echo
  echo "## PostgreSQL store vs DuckDB workspace: import and classify, $customers customers ($(date -u '+%Y-%m-%d %H:%M') UTC)"
  echo
  echo "\`bench/postgres-bench.sh $customers $seed\`, commit $(git -C "$root" rev-parse --short HEAD), Java options ${java_opts[*]},"
  echo "PostgreSQL $("$psql" --version | awk '{print $3}') (the private test cluster of scripts/postgres-test.sh, default settings, same machine)."
  machine_line
  echo "Book: $customers customers, $rows rows, $megabytes MB of CSV, made by fidelis generate --customers $customers --seed $seed."
  echo
  echo "| step | PostgreSQL wall s | PostgreSQL rows/s | DuckDB wall s | DuckDB rows/s | PostgreSQL / DuckDB |"
  echo "|---|---:|---:|---:|---:|---:|"
  echo "| fidelis import, empty store | $pg_import | $(per_second "$rows" "$pg_import") | $duck_import | $(per_second "$rows" "$duck_import") | $(awk -v a="$pg_import" -v b="$duck_import" 'BEGIN{printf "%.2f", a/b}') |"
  echo "| fidelis classify --as-of $as_of (run stored) | $pg_classify | $(per_second "$customers" "$pg_classify") customers/s | $duck_classify | $(per_second "$customers" "$duck_classify") customers/s | $(awk -v a="$pg_classify" -v b="$duck_classify" 'BEGIN{printf "%.2f", a/b}') |"
  echo
  echo "Peak RSS of the fidelis process (MiB): import $pg_import_rss on PostgreSQL, $duck_import_rss on DuckDB; classify"
  echo "$pg_classify_rss on PostgreSQL, $duck_classify_rss on DuckDB (PostgreSQL's own memory is not counted). Database"
  echo "size after both: $db_size. Wall times include the JVM start (and, for DuckDB, unpacking its native library)."
} >> "$report"
echo "appended to $report" >&2
