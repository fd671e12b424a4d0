# Shared by the bench/*.sh scripts: paths, the book and workspace of N customers, and timing.
# shellcheck shell=bash
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="$root/.bench"
jar="$root/fidelis-cli/target/fidelis.jar"
report="$root/docs/benchmarks.md"
mkdir -p "$scratch"

# ensure_book CUSTOMERS SEED: sets $book (generated once under .bench/, reused after), $rows, $megabytes
ensure_book() {
  book="$scratch/book-$1-$2"
  if [ ! -f "$book/truth.csv" ]; then
    rm -rf "$book"
    "$root/fidelis" generate --customers "$1" --seed "$2" --out "$book" >&2
  fi
  rows=0
  for f in "$book"/{customers,loans,installments,complaints,surveys,interactions}*.csv; do
    [ -f "$f" ] || continue
    rows=$(( rows + $(wc -l < "$f") - 1 ))
  done
  megabytes=$(du -cm "$book"/*.csv | tail -1 | cut -f1)
}

# timed NAME COMMAND...: runs it under /usr/bin/time -v; sets $wall (s) and $rss (MiB); output in $log
timed() {
  local name="$1"; shift
  log="$scratch/$name.log"
  /usr/bin/time -v -o "$scratch/$name.time" "$@" > "$log" 2> "$scratch/$name.err" || {
    echo "$name failed (exit $?), see $log and $scratch/$name.err" >&2; tail -20 "$scratch/$name.err" >&2; return 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$scratch/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2/1024}' "$scratch/$name.time")
  echo "$name: ${wall}s, peak RSS ${rss} MiB" >&2
}

# cpu_seconds NAME: user + sys CPU seconds of the last `timed NAME`
cpu_seconds() {
  awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$scratch/$1.time"
}

# commit_line: the short commit of the sources measured, saying so when they hold uncommitted changes
commit_line() {
  echo "$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" status --porcelain --untracked-files=no | grep -q . && echo ' with uncommitted changes' || true)"
}

per_second() { awk -v r="$1" -v s="$2" 'BEGIN { printf "%\047d", (s > 0 ? r / s : 0) }'; }

machine_line() {
  echo "Machine: nproc $(nproc), $(free -g | awk '/^Mem:/ {print $2 " GiB memory"}'), $(java -version 2>&1 | head -1);"
  echo "load average at the end (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: other work slows these)."
}
