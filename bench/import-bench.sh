#!/usr/bin/env bash
# Benchmark of `fidelis import` beside DuckDB's own read_csv, on a book of N customers.
#
# Usage: bench/import-bench.sh CUSTOMERS [SEED]      (e.g. bench/import-bench.sh 100000)
#        bench/import-bench.sh --book DIR             (a book folder made elsewhere, e.g. by fidelis generate)
#
# Makes the book under .bench/ (git-ignored) with `fidelis generate` when that command exists, else with
# bench/make-book.py (or takes DIR); then, each timed with /usr/bin/time -v (wall time, peak RSS):
#   1. fidelis import into an empty workspace,
#   2. the same import again (a no-op: every row is already there),
#   3. streaming every customer history out of the book (forEachHistory, what classification reads),
#   4. DuckDB read_csv loading the same files into plain tables (no checks, no rejects: the floor).
# Appends the results, with the machine, to docs/benchmarks.md. Java options: FIDELIS_JAVA_OPTS (default -Xmx4g).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage="usage: bench/import-bench.sh CUSTOMERS [SEED] | --book DIR"
scratch="$root/.bench"
if [ "${1:-}" = "--book" ]; then
  book="$(cd "${2:?$usage}" && pwd)"
  customers=$(( $(cat "$book"/customers*.csv | wc -l) - $(ls "$book"/customers*.csv | wc -l) ))
  seed="$(basename "$book")"
  made_by="$(cat "$book/.made-by" 2>/dev/null || echo "the folder $book")"
else
  customers="${1:?$usage}"
  seed="${2:-42}"
  book="$scratch/book-$customers-$seed"
fi
workspace="$scratch/workspace-$customers-$seed"
baseline="$scratch/read_csv-$customers-$seed.duckdb"
jar="$root/fidelis-cli/target/fidelis.jar"
java_opts="${FIDELIS_JAVA_OPTS:--Xmx4g}"
mkdir -p "$scratch"

"$root/fidelis" --version >/dev/null   # builds the jar when the sources changed

if [ -n "${made_by:-}" ]; then
  :
elif [ -d "$book" ]; then
  made_by="$(cat "$book/.made-by" 2>/dev/null || echo 'an earlier run')"
elif "$root/fidelis" --help 2>/dev/null | grep -qE '^ +generate( |$)'; then
  "$root/fidelis" generate --customers "$customers" --seed "$seed" --out "$book"
  made_by="fidelis generate --customers $customers --seed $seed"
  echo "$made_by" > "$book/.made-by"
else
  python3 "$root/bench/make-book.py" --customers "$customers" --seed "$seed" --out "$book"
  made_by="bench/make-book.py --customers $customers --seed $seed (fidelis generate did not exist yet)"
  echo "$made_by" > "$book/.made-by"
fi

# the contract's files only (a generated book also holds truth.csv and generation.json)
contract_files=$(ls "$book" | grep -i -E '^(customers|loans|installments|complaints|surveys|interactions)([^a-z].*)?\.(csv|tsv|txt)$')
rows=0
bytes=0
for name in $contract_files; do
  rows=$(( rows + $(wc -l < "$book/$name") - 1 ))
  bytes=$(( bytes + $(stat -c %s "$book/$name") ))
done
megabytes=$(( bytes / 1000000 ))

# runs a command under /usr/bin/time -v; sets $wall (seconds) and $rss (MiB); keeps its output in $log
timed() {
  local name="$1"; shift
  log="$scratch/$name.log"
  /usr/bin/time -v -o "$scratch/$name.time" "$@" > "$log" 2> "$scratch/$name.err" || {
    echo "$name failed (exit $?), see $log and $scratch/$name.err" >&2; tail -20 "$log" >&2; return 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$scratch/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2/1024}' "$scratch/$name.time")
  echo "$name: ${wall}s, peak RSS ${rss} MiB" >&2
}
per_second() { awk -v r="$1" -v s="$2" 'BEGIN { printf "%\047d", (s > 0 ? r / s : 0) }'; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$workspace"
timed import java $java_opts -jar "$jar" import "$book" --workspace "$workspace"
import_wall=$wall import_rss=$rss
grep -E '^(Import|total)' "$log" >&2
timed reimport java $java_opts -jar "$jar" import "$book" --workspace "$workspace"
reimport_wall=$wall reimport_rss=$rss
timed histories java $java_opts -cp "$jar" io.fidelis.store.duckdb.HistoryScanTiming "$workspace"
histories_wall=$wall histories_rss=$rss
histories_line="$(cat "$log")"
timed read_csv java $java_opts -cp "$jar" io.fidelis.store.duckdb.ReadCsvBaseline "$book" "$baseline"
baseline_wall=$wall baseline_rss=$rss
rm -f "$baseline" "$baseline.wal"

report="$root/docs/benchmarks.md"
mkdir -p "$(dirname "$report")"
[ -f "$report" ] || printf '# Benchmarks\n\nEvery number here comes from a command in this repository, run on the machine named beside it.\n' > "$report"
{
  echo
  echo "## fidelis import, $customers customers ($(date -u "+%Y-%m-%d %H:%M") UTC)"
  echo
  echo "bench/import-bench.sh ${*}, commit $(git -C "$root" rev-parse --short HEAD)."
  echo "Machine: nproc $(nproc), $(free -g | awk '/^Mem:/ {print $2 " GiB memory (free -g: " $7 " GiB available)"}'),"
  echo "$(java -version 2>&1 | head -1), Java options $java_opts (DuckDB memory limit: min(8GB, half the memory) unless -Dfidelis.duckdb.memoryLimit is among them)."
  echo "Load average when it started (1, 5, 15 min): $load_before; the machine is shared, so other work slows these."
  echo "Book: $customers customers, $rows rows, $megabytes MB in $(echo "$contract_files" | wc -w) contract files, made by $made_by."
  echo
  echo "| step | wall s | rows/s | peak RSS MiB |"
  echo "|---|---:|---:|---:|"
  echo "| fidelis import, empty workspace | $import_wall | $(per_second "$rows" "$import_wall") | $import_rss |"
  echo "| fidelis import again (no-op) | $reimport_wall | $(per_second "$rows" "$reimport_wall") | $reimport_rss |"
  echo "| forEachHistory over the book | $histories_wall | $(per_second "$rows" "$histories_wall") | $histories_rss |"
  echo "| DuckDB read_csv into tables (no checks; baseline) | $baseline_wall | $(per_second "$rows" "$baseline_wall") | $baseline_rss |"
  echo
  echo "Wall times include the JVM start and DuckDB's native library unpacking (about 1 s). $histories_line"
} >> "$report"
echo "appended to $report" >&2
