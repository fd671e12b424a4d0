import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load on the service: requests start on a fixed schedule (RPS per second), whatever the answers' speed,
 * so a slow answer cannot hide the ones queued behind it; latency is counted from each request's scheduled start.
 * The mix: 40% customer lists (a filter and a page), 30% customer pages, 30% classify-now.
 *
 * <p>Usage: java bench/ServiceLoad.java BASE_URL TOKEN CUSTOMERS RPS SECONDS SEED
 */
public class ServiceLoad {

    record Sample(int seq, String kind, long dueEpochMicros, long micros, boolean error) {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int customers = Integer.parseInt(args[2]);
        int rps = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        long seed = Long.parseLong(args[5]);
        int warmupRps = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        int warmupSeconds = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(32))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        Load load = new Load(base, token, customers, http, clock);
        if (warmupRps > 0 && warmupSeconds > 0) {
            // The warm-up runs in this JVM, not in one of its own: a fresh generator spends its first seconds
            // compiling its HTTP client and opening connections, which would be counted as the service's latency
            // (measured: every request of the first 3 s over 10 ms, answers reaching the client up to 1.2 s after
            // the service's access log had them done).
            Phase warmup = load.run(warmupRps, warmupSeconds, seed + 1);
            System.out.printf(
                    Locale.ROOT,
                    "warm-up: %d requests at %d/s, %d errors (not counted below)%n",
                    warmup.samples().size(),
                    warmupRps,
                    warmup.samples().stream().filter(Sample::error).count());
        }
        Phase measured = load.run(rps, seconds, seed);
        clock.shutdownNow();
        List<Sample> samples = measured.samples();
        Map<String, AtomicLong> failures = measured.failures();
        double wall = measured.wallSeconds();
        Map<String, List<Sample>> byKind = new TreeMap<>();
        for (Sample s : samples) {
            byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
            byKind.computeIfAbsent("all", k -> new ArrayList<>()).add(s);
        }
        System.out.printf(Locale.ROOT, "%d requests in %.1f s (%.0f/s scheduled)%n", samples.size(), wall, (double) rps);
        System.out.println("| request | count | p50 ms | p90 ms | p99 ms | max ms | errors |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (var entry : byKind.entrySet()) {
            long[] micros = entry.getValue().stream().mapToLong(Sample::micros).sorted().toArray();
            long errors = entry.getValue().stream().filter(Sample::error).count();
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %.1f | %.1f | %.1f | %d |%n",
                    entry.getKey(),
                    micros.length,
                    at(micros, 0.50),
                    at(micros, 0.90),
                    at(micros, 0.99),
                    micros[micros.length - 1] / 1000.0,
                    errors);
        }
        failures.forEach((why, count) -> System.out.println("failures: " + why + " x" + count));
        String samplesFile = System.getenv("FIDELIS_LOAD_SAMPLES");
        if (samplesFile != null) {
            // one line per request (sequence, kind, scheduled start in epoch microseconds, latency in microseconds,
            // error), for finding where slow requests spent their time
            List<String> lines = new ArrayList<>();
            samples.stream()
                    .sorted(java.util.Comparator.comparingInt(Sample::seq))
                    .forEach(s -> lines.add(s.seq() + "|" + s.kind() + "|" + s.dueEpochMicros() + "|" + s.micros()
                            + "|" + s.error()));
            java.nio.file.Files.write(java.nio.file.Path.of(samplesFile), lines);
        }
        System.exit(0);
    }

    record Phase(List<Sample> samples, Map<String, AtomicLong> failures, double wallSeconds) {}

    /** Open-loop requests on a fixed schedule through one HTTP client. */
    record Load(String base, String token, int customers, HttpClient http, ScheduledExecutorService clock) {

        Phase run(int rps, int seconds, long seed) throws InterruptedException {
            SplittableRandom random = new SplittableRandom(seed);
            String[] tiers = {"high", "medium", "low"};
            String[] stages = {"new", "active", "dormant", "churned"};
            int total = rps * seconds;
            List<Sample> samples = Collections.synchronizedList(new ArrayList<>(total));
            Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
            CountDownLatch done = new CountDownLatch(total);
            List<String> kinds = new ArrayList<>(total);
            List<HttpRequest> requests = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                double pick = random.nextDouble();
                String id = String.format(Locale.ROOT, "C%07d", 1 + random.nextInt(customers));
                HttpRequest.Builder request;
                String kind;
                if (pick < 0.4) {
                    kind = "list";
                    String filter = random.nextBoolean()
                            ? "tier=" + tiers[random.nextInt(3)]
                            : "stage=" + stages[random.nextInt(4)];
                    request = HttpRequest.newBuilder(URI.create(
                            base + "/api/customers?" + filter + "&page=" + random.nextInt(20) + "&size=50"));
                } else if (pick < 0.7) {
                    kind = "customer";
                    request = HttpRequest.newBuilder(URI.create(base + "/api/customers/" + id));
                } else {
                    kind = "classify";
                    request = HttpRequest.newBuilder(URI.create(base + "/api/classify"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"customerId\":\"" + id + "\",\"asOf\":\"2026-09-30\"}"));
                }
                int seq = i;
                HttpRequest built = request.header("Authorization", "Bearer " + token)
                        .header("X-Load-Seq", Integer.toString(seq))
                        .timeout(Duration.ofSeconds(10))
                        .build();
                kinds.add(kind);
                requests.add(built);
            }
            // every request is built before the first is due, so that building them does not delay the first ones
            long start = System.nanoTime() + 200_000_000L;
            // the wall-clock time of `start`, to match requests with the service's access log by sequence
            long startEpochMicros = System.currentTimeMillis() * 1000 + 200_000L;
            for (int i = 0; i < total; i++) {
                int seq = i;
                String kind = kinds.get(i);
                HttpRequest built = requests.get(i);
                long due = start + i * 1_000_000_000L / rps;
                clock.schedule(
                        () -> http.sendAsync(built, HttpResponse.BodyHandlers.ofString())
                                .whenComplete((answer, e) -> {
                                    long micros = (System.nanoTime() - due) / 1000;
                                    boolean error = e != null || answer.statusCode() / 100 != 2;
                                    if (error) {
                                        String why = e != null
                                                ? e.getClass().getSimpleName()
                                                : "HTTP " + answer.statusCode();
                                        failures.computeIfAbsent(kind + " " + why, k -> new AtomicLong())
                                                .incrementAndGet();
                                    }
                                    long dueEpochMicros = startEpochMicros + (due - start) / 1000;
                                    samples.add(new Sample(seq, kind, dueEpochMicros, micros, error));
                                    done.countDown();
                                }),
                        due - System.nanoTime(),
                        TimeUnit.NANOSECONDS);
            }
            done.await(seconds + 60L, TimeUnit.SECONDS);
            return new Phase(new ArrayList<>(samples), failures, (System.nanoTime() - start) / 1e9);
        }
    }

    private static double at(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
}
