import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load on the service: requests start on a fixed schedule (RPS per second), whatever the answers' speed,
 * so a slow answer cannot hide the ones queued behind it; latency is counted from each request's scheduled start.
 * The mix: 40% customer lists (a filter and a page), 30% customer pages, 30% classify-now.
 *
 * <p>Two clients send the same requests on the same schedule (environment FIDELIS_LOAD_CLIENT):
 * <ul>
 *   <li>{@code sockets} (default): 64 threads, each with one kept-alive HTTP/1.1 connection; a thread takes the next
 *       request, waits for its due time, writes its prebuilt bytes and reads the answer (Content-Length or chunked).
 *       About a tenth of a millisecond of CPU per request: on a machine shared with the service, the generator's own
 *       CPU competes with the service's for the cores, so the lighter the client the closer the measure is to what a
 *       client on another machine sees. A request due while all 64 connections are busy waits, counted.
 *   <li>{@code httpclient}: the JDK's {@link HttpClient}, asynchronous, about 1 ms of CPU per request (measured).
 * </ul>
 *
 * <p>Usage: java bench/ServiceLoad.java BASE_URL TOKEN CUSTOMERS RPS SECONDS SEED [WARMUP_RPS WARMUP_SECONDS]
 */
public class ServiceLoad {

    record Sample(int seq, String kind, long dueEpochMicros, long micros, boolean error) {}

    /** One request of the mix, as both clients send it. */
    record Request(int seq, String kind, String method, String pathAndQuery, String body) {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int customers = Integer.parseInt(args[2]);
        int rps = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        long seed = Long.parseLong(args[5]);
        int warmupRps = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        int warmupSeconds = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        String clientName = System.getenv().getOrDefault("FIDELIS_LOAD_CLIENT", "sockets");
        Client client =
                switch (clientName) {
                    case "sockets" -> new Sockets(URI.create(base), token, 64);
                    case "httpclient" -> new JdkClient(base, token);
                    default -> throw new IllegalArgumentException(
                            "FIDELIS_LOAD_CLIENT is sockets or httpclient, not " + clientName);
                };
        if (warmupRps > 0 && warmupSeconds > 0) {
            // The warm-up runs in this JVM, not in one of its own: a fresh generator spends its first seconds
            // compiling its HTTP client and opening connections, which would be counted as the service's latency
            // (measured: every request of the first 3 s over 10 ms, answers reaching the client up to 1.2 s after
            // the service's access log had them done).
            Phase warmup = client.run(mix(customers, warmupRps * warmupSeconds, seed + 1), warmupRps, warmupSeconds);
            System.out.printf(
                    Locale.ROOT,
                    "warm-up: %d requests at %d/s, %d errors (not counted below)%n",
                    warmup.samples().size(),
                    warmupRps,
                    warmup.samples().stream().filter(Sample::error).count());
        }
        List<Request> requests = mix(customers, rps * seconds, seed);
        // the generator's own CPU during the measured load: on one machine it competes with the service for the cores
        long cpuBefore = cpuNanos();
        Phase measured = client.run(requests, rps, seconds);
        long cpuAfter = cpuNanos();
        List<Sample> samples = measured.samples();
        Map<String, AtomicLong> failures = measured.failures();
        double wall = measured.wallSeconds();
        Map<String, List<Sample>> byKind = new TreeMap<>();
        for (Sample s : samples) {
            byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
            byKind.computeIfAbsent("all", k -> new ArrayList<>()).add(s);
        }
        System.out.printf(
                Locale.ROOT,
                "%d requests in %.1f s (%.0f/s scheduled), client %s%n",
                samples.size(),
                wall,
                (double) rps,
                clientName);
        System.out.println("| request | count | p50 ms | p90 ms | p99 ms | max ms | errors |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (var entry : byKind.entrySet()) {
            long[] micros =
                    entry.getValue().stream().mapToLong(Sample::micros).sorted().toArray();
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
        System.out.println();
        if (samples.size() < requests.size()) {
            System.out.println("failures: " + (requests.size() - samples.size()) + " requests never answered");
        }
        failures.forEach((why, count) -> System.out.println("failures: " + why + " x" + count));
        System.out.printf(
                Locale.ROOT,
                "load generator (%s) CPU: %.2f ms per request (user + system, all its threads)%n",
                clientName,
                (cpuAfter - cpuBefore) / 1e6 / requests.size());
        System.out.printf(
                Locale.ROOT,
                "answers' bodies: %.0f bytes on average (warm-up included)%n",
                (double) Clock.BODY_BYTES.get() / (requests.size() + warmupRps * warmupSeconds));
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

    /** The mix, drawn from {@code seed}: the same requests whichever client sends them. */
    static List<Request> mix(int customers, int total, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] tiers = {"high", "medium", "low"};
        String[] stages = {"new", "active", "dormant", "churned"};
        List<Request> requests = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            double pick = random.nextDouble();
            String id = String.format(Locale.ROOT, "C%07d", 1 + random.nextInt(customers));
            if (pick < 0.4) {
                String filter = random.nextBoolean()
                        ? "tier=" + tiers[random.nextInt(3)]
                        : "stage=" + stages[random.nextInt(4)];
                requests.add(new Request(
                        i, "list", "GET", "/api/customers?" + filter + "&page=" + random.nextInt(20) + "&size=50", null));
            } else if (pick < 0.7) {
                requests.add(new Request(i, "customer", "GET", "/api/customers/" + id, null));
            } else {
                requests.add(new Request(
                        i, "classify", "POST", "/api/classify", "{\"customerId\":\"" + id + "\",\"asOf\":\"2026-09-30\"}"));
            }
        }
        return requests;
    }

    record Phase(List<Sample> samples, Map<String, AtomicLong> failures, double wallSeconds) {}

    /** Sends a list of requests open loop, request i due i/RPS seconds after the start. */
    interface Client {
        Phase run(List<Request> requests, int rps, int seconds) throws Exception;
    }

    /** The timing shared by both clients: when request i is due, and its sample once answered. */
    static final class Clock {
        final long start = System.nanoTime() + 200_000_000L;
        // the wall-clock time of `start`, to match requests with the service's access log by sequence
        final long startEpochMicros = System.currentTimeMillis() * 1000 + 200_000L;
        final int rps;
        final List<Sample> samples;
        final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        final CountDownLatch done;
        /** Body bytes of every answer, a check that both clients read the same answers whole. */
        static final AtomicLong BODY_BYTES = new AtomicLong();

        Clock(int rps, int total) {
            this.rps = rps;
            this.samples = Collections.synchronizedList(new ArrayList<>(total));
            this.done = new CountDownLatch(total);
        }

        long due(int i) {
            return start + i * 1_000_000_000L / rps;
        }

        void answered(Request request, long bodyBytes, long due, String failure) {
            long micros = (System.nanoTime() - due) / 1000;
            BODY_BYTES.addAndGet(bodyBytes);
            if (failure != null) {
                failures.computeIfAbsent(request.kind() + " " + failure, k -> new AtomicLong())
                        .incrementAndGet();
            }
            long dueEpochMicros = startEpochMicros + (due - start) / 1000;
            samples.add(new Sample(request.seq(), request.kind(), dueEpochMicros, micros, failure != null));
            done.countDown();
        }

        Phase await(int seconds) throws InterruptedException {
            done.await(seconds + 60L, TimeUnit.SECONDS);
            return new Phase(new ArrayList<>(samples), failures, (System.nanoTime() - start) / 1e9);
        }
    }

    /** The JDK's asynchronous HTTP client, requests scheduled on a timer. */
    static final class JdkClient implements Client {
        private final String base;
        private final String token;
        private final HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(32))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);

        JdkClient(String base, String token) {
            this.base = base;
            this.token = token;
        }

        @Override
        public Phase run(List<Request> requests, int rps, int seconds) throws InterruptedException {
            List<HttpRequest> built = new ArrayList<>(requests.size());
            for (Request r : requests) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r.pathAndQuery()));
                if (r.body() != null) {
                    b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(r.body()));
                }
                built.add(b.header("Authorization", "Bearer " + token)
                        .header("X-Load-Seq", Integer.toString(r.seq()))
                        .timeout(Duration.ofSeconds(10))
                        .build());
            }
            // every request is built before the first is due, so that building them does not delay the first ones
            Clock clock = new Clock(rps, requests.size());
            for (int i = 0; i < requests.size(); i++) {
                Request request = requests.get(i);
                long due = clock.due(i);
                HttpRequest one = built.get(i);
                timer.schedule(
                        () -> http.sendAsync(one, HttpResponse.BodyHandlers.ofByteArray())
                                .whenComplete((answer, e) -> clock.answered(
                                        request,
                                        answer == null ? 0 : answer.body().length,
                                        due,
                                        e != null
                                                ? e.getClass().getSimpleName()
                                                : answer.statusCode() / 100 != 2 ? "HTTP " + answer.statusCode() : null)),
                        due - System.nanoTime(),
                        TimeUnit.NANOSECONDS);
            }
            return clock.await(seconds);
        }
    }

    /**
     * Blocking HTTP/1.1 over kept-alive sockets: each thread takes the next request in order, parks until it is due,
     * writes its bytes and reads the whole answer. No handing over between threads, no per-request objects beyond
     * the sample.
     */
    static final class Sockets implements Client {
        private final URI base;
        private final String token;
        private final int connections;

        Sockets(URI base, String token, int connections) {
            this.base = base;
            this.token = token;
            this.connections = connections;
        }

        @Override
        public Phase run(List<Request> requests, int rps, int seconds) throws Exception {
            String host = base.getHost() + ":" + base.getPort();
            byte[][] bytes = new byte[requests.size()][];
            for (int i = 0; i < bytes.length; i++) {
                Request r = requests.get(i);
                byte[] body = r.body() == null ? new byte[0] : r.body().getBytes(StandardCharsets.UTF_8);
                String head = r.method() + " " + r.pathAndQuery() + " HTTP/1.1\r\nHost: " + host
                        + "\r\nAuthorization: Bearer " + token + "\r\nX-Load-Seq: " + r.seq()
                        + "\r\nAccept: application/json"
                        + (r.body() == null
                                ? ""
                                : "\r\nContent-Type: application/json\r\nContent-Length: " + body.length)
                        + "\r\n\r\n";
                byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
                byte[] all = new byte[headBytes.length + body.length];
                System.arraycopy(headBytes, 0, all, 0, headBytes.length);
                System.arraycopy(body, 0, all, headBytes.length, body.length);
                bytes[i] = all;
            }
            Clock clock = new Clock(rps, requests.size());
            AtomicInteger next = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < connections; t++) {
                Thread thread = new Thread(
                        () -> {
                            Connection connection = null;
                            for (int i = next.getAndIncrement(); i < bytes.length; i = next.getAndIncrement()) {
                                long due = clock.due(i);
                                for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                                    LockSupport.parkNanos(left);
                                }
                                String failure;
                                long body = 0;
                                try {
                                    if (connection == null) {
                                        connection = new Connection(base.getHost(), base.getPort());
                                    }
                                    long before = connection.bodyBytes;
                                    int status = connection.exchange(bytes[i]);
                                    body = connection.bodyBytes - before;
                                    failure = status / 100 == 2 ? null : "HTTP " + status;
                                } catch (IOException e) {
                                    failure = e.getClass().getSimpleName();
                                    if (connection != null) {
                                        connection.close();
                                    }
                                    connection = null;
                                }
                                clock.answered(requests.get(i), body, due, failure);
                            }
                            if (connection != null) {
                                connection.close();
                            }
                        },
                        "load-" + t);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            Phase phase = clock.await(seconds);
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
            return phase;
        }
    }

    /** One kept-alive connection: writes a request, reads its answer's status and whole body. */
    static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final StringBuilder line = new StringBuilder();
        /** Body bytes read on this connection. */
        long bodyBytes;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = readLine();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(chunkSize(readLine()), 16); size > 0;
                        size = Long.parseLong(chunkSize(readLine()), 16)) {
                    skip(size);
                    readLine();
                }
                for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                    // trailers are not used by the service; read past them
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                throw new IOException("an answer with neither Content-Length nor chunks");
            }
            if (close) {
                throw new IOException("the service closed the connection");
            }
            return status;
        }

        private static String chunkSize(String line) {
            int semicolon = line.indexOf(';');
            return (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        }

        private void skip(long bytes) throws IOException {
            bodyBytes += bytes;
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("the answer ended early");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private String readLine() throws IOException {
            line.setLength(0);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("the connection closed mid-answer");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken connection: nothing to keep
            }
        }
    }

    private static long cpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
    }

    private static double at(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
}
