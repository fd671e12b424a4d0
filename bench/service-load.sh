#!/usr/bin/env bash
# Load benchmark of `fidelis serve` on a workspace of N customers: 60 s at 200 requests per second, open loop,
# mixed 40% customer lists, 30% customer pages, 30% classify-now (bench/ServiceLoad.java), after a 15 s warm-up at
# 100 per second in the same load generator JVM. Reports p50/p90/p99/max latency and errors per kind, and the service's peak RSS.
#
# Usage: bench/service-load.sh CUSTOMERS [SEED] [RPS] [SECONDS] [HISTORIES]   (e.g. bench/service-load.sh 100000)
#   environment: FIDELIS_SERVICE_JAVA_OPTS (default -Xmx3g -XX:MaxGCPauseMillis=5), FIDELIS_LOAD_JAVA_OPTS (the generator's JVM),
#   FIDELIS_LOAD_CLIENT (sockets, the default: blocking kept-alive connections, ~0.1 ms of CPU per request; or
#   httpclient: the JDK's asynchronous HttpClient, ~1 ms of CPU per request, which competes with the service),
#   FIDELIS_LOAD_WARMUP (seconds, default 15), FIDELIS_LOAD_SAMPLES (a file for one line per measured request:
#   sequence|kind|scheduled start in epoch µs|latency µs|error; the requests carry the sequence as X-Load-Seq)
#   HISTORIES: memory (default; every history in the heap, read once at start) or store (DuckDB per request)
# Needs the classify benchmark's workspace (.bench/classify-workspace-N-SEED, made by bench/classify-bench.sh N):
# copies it, starts the service on a free port, makes an API token with the printed one-time secret, runs the load,
# stops the service and appends the results to docs/benchmarks.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
customers="${1:?usage: bench/service-load.sh CUSTOMERS [SEED] [RPS] [SECONDS] [HISTORIES]}"
seed="${2:-42}"
rps="${3:-200}"
seconds="${4:-60}"
histories="${5:-memory}"
warmup="${FIDELIS_LOAD_WARMUP:-15}"   # seconds at 100 requests/s before the measured load
java_opts="${FIDELIS_SERVICE_JAVA_OPTS:--Xmx3g -XX:MaxGCPauseMillis=5}"   # the pause goal as ./fidelis serve sets it
load_opts="${FIDELIS_LOAD_JAVA_OPTS:-}"   # the load generator's own JVM options
port=18081
service_jar="$root/fidelis-service/target/fidelis-service.jar"
source_workspace="$scratch/classify-workspace-$customers-$seed"
[ -f "$source_workspace/fidelis.duckdb" ] || { echo "no $source_workspace: run bench/classify-bench.sh $customers $seed first" >&2; exit 2; }
(cd "$root" && mvn -q -B -DskipTests -Dspotless.check.skip=true package -pl fidelis-service -am) >&2

run="$scratch/service-load-$customers"
rm -rf "$run" && mkdir -p "$run"
cp -r "$source_workspace" "$run/workspace"
cp "$service_jar" "$run/service.jar"   # the running service keeps its own copy: a rebuild cannot pull it away
java $java_opts -jar "$run/service.jar" serve --port "$port" --workspace "$run/workspace" \
  --fidelis.histories="$histories" > "$run/service.log" 2>&1 < /dev/null &
pid=$!
trap 'kill $pid 2>/dev/null; sleep 5; kill -9 $pid 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do curl -sf "$base/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
secret="$(grep -a -A2 'one-time secret' "$run/service.log" | tail -1 | tr -d ' ')"
token="$(curl -sf -u "admin:$secret" -H 'Content-Type: application/json' -d '{"user":"admin","label":"bench"}' \
  "$base/api/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')"
if [ "$histories" = memory ]; then
  for _ in $(seq 1 300); do grep -aq 'histories in memory' "$run/service.log" && break; sleep 1; done
fi
curl -sf -H "Authorization: Bearer $token" "$base/api/overview" > /dev/null   # the portfolio is built
# RSS and PSS (kB): ZGC on JDK 17 maps the heap three times, so its RSS counts a page up to three times; the
# proportional set size counts it once
( while kill -0 $pid 2>/dev/null; do
    echo "$(awk '/VmRSS/ {print $2}' /proc/$pid/status) $(awk '/^Pss:/ {print $2}' /proc/$pid/smaps_rollup)"
    sleep 1
  done ) > "$run/rss.txt" &
sampler=$!
# one JVM for warm-up and measurement (see ServiceLoad.java); the measured load's CPU counted from the end of the
# warm-up, which the generator marks by printing its line
java $load_opts "$root/bench/ServiceLoad.java" "$base" "$token" "$customers" "$rps" "$seconds" "$seed" 100 "$warmup" \
  > "$run/load.txt" &
generator=$!
for _ in $(seq 1 $((warmup * 10 + 600))); do grep -q '^warm-up:' "$run/load.txt" 2>/dev/null && break; sleep 0.1; done
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
cpu_before=$(awk '{print $14 + $15}' /proc/$pid/stat)
wait $generator
cpu_after=$(awk '{print $14 + $15}' /proc/$pid/stat)
kill $sampler 2>/dev/null || true
# the service's CPU time (user + system, all its threads) per request of the measured load: what the machine's load
# does not change much, unlike the latencies
cpu_per_request=$(awk -v d=$((cpu_after - cpu_before)) -v n=$((rps * seconds)) -v hz="$(getconf CLK_TCK)" \
  'BEGIN {printf "%.2f", d * 1000 / hz / n}')
peak=$(sort -n -k1,1 "$run/rss.txt" | tail -1 | awk '{printf "%d", $1/1024}')
peak_pss=$(sort -n -k2,2 "$run/rss.txt" | tail -1 | awk '{printf "%d", $2/1024}')
cat "$run/load.txt" >&2
{
  echo
  echo "## fidelis serve under load, $customers customers ($(date -u +%Y-%m-%d))"
  echo
  echo "\`bench/service-load.sh $customers $seed $rps $seconds $histories\`, commit $(git -C "$root" rev-parse --short HEAD),"
  echo "$rps requests/s for $seconds s (open loop: latency counted from each request's scheduled start), after $warmup s at 100/s;"
  echo "load generator client ${FIDELIS_LOAD_CLIENT:-sockets} on the same machine;"
  echo "JVM options $java_opts (load generator: ${load_opts:-defaults}), histories in $histories, API token (no bcrypt per request), every classify-now audited. Peak RSS $peak MiB (PSS $peak_pss MiB);"
  echo "service CPU $cpu_per_request ms per request (user + system, all threads, during the measured load)."
  machine_line
  echo "Load average when the measured load started (1, 5, 15 min): $load_before." 
  echo
  grep -v '^warm-up:' "$run/load.txt" | tail -n +2
} >> "$report"
echo "appended to $report" >&2
