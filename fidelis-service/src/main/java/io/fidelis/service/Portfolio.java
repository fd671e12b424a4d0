package io.fidelis.service;

import io.fidelis.core.domain.Customer;
import io.fidelis.core.policy.Stage;
import io.fidelis.core.policy.Tier;
import io.fidelis.store.RunCounts;
import io.fidelis.store.RunHeader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The latest run's customers held in memory for lists and filters (a hundred thousand rows filter in milliseconds),
 * rebuilt when a newer run appears; and the per-run counts, computed once per run (runs never change).
 */
@Component
class Portfolio {

    /** One customer as the list shows it. */
    record Row(
            String customerId,
            String name,
            String industry,
            String region,
            String size,
            Tier tier,
            Stage stage,
            Double score,
            boolean overridden) {}

    /**
     * The latest run's rows, and each month-end run's tier and stage of every customer, one byte each (tier ordinal
     * times 16 plus stage ordinal; -1 when absent), by the customer's position in {@code rows}.
     */
    record Snapshot(
            RunHeader run, List<Row> rows, Map<String, Integer> positions, List<RunHeader> monthEnds, byte[][] placed) {

        /** The customer's tier and stage in each month-end run that holds it, oldest first. */
        List<Placement> timeline(String customerId) {
            Integer position = positions.get(customerId);
            List<Placement> timeline = new ArrayList<>();
            if (position == null) {
                return timeline;
            }
            for (int r = 0; r < monthEnds.size(); r++) {
                byte code = placed[r][position];
                if (code >= 0) {
                    timeline.add(new Placement(monthEnds.get(r), Tier.values()[code >> 4], Stage.values()[code & 15]));
                }
            }
            return timeline;
        }
    }

    record Placement(RunHeader run, Tier tier, Stage stage) {}

    private final Workspace workspace;
    private final Map<Long, RunCounts> counts = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;
    private volatile List<RunHeader> runs;

    Portfolio(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Builds the latest run's rows in the background at start, so that the first list is not slow. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warmUp() {
        Thread warm = new Thread(this::snapshot, "portfolio-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /**
     * The stored runs, read once: while the service holds the workspace only the service stores runs, and it calls
     * {@link #runsChanged()} when it does.
     */
    List<RunHeader> runs() {
        List<RunHeader> known = runs;
        if (known == null) {
            known = List.copyOf(workspace.runs.runs());
            runs = known;
        }
        return known;
    }

    void runsChanged() {
        runs = null;
    }

    /** Forgets the latest run's rows, which carry the book's customers (the book was imported again). */
    synchronized void bookChanged() {
        snapshot = null;
        runs = null;
    }

    /** The latest stored run (the greatest as-of date, of several the last stored). */
    Optional<RunHeader> latestRun() {
        return runs().stream()
                .max(Comparator.comparing((RunHeader r) -> r.provenance().asOf())
                        .thenComparing(RunHeader::runId));
    }

    /** The latest run per as-of date, oldest date first. */
    List<RunHeader> monthEnds() {
        Map<LocalDate, RunHeader> byDate = new HashMap<>();
        for (RunHeader run : runs()) {
            byDate.merge(run.provenance().asOf(), run, (a, b) -> a.runId() > b.runId() ? a : b);
        }
        List<RunHeader> runs = new ArrayList<>(byDate.values());
        runs.sort(Comparator.comparing(r -> r.provenance().asOf()));
        return runs;
    }

    RunCounts counts(long runId) {
        return counts.computeIfAbsent(runId, workspace.runs::counts);
    }

    /** The rows of the latest run, rebuilt when a newer run is stored. */
    Optional<Snapshot> snapshot() {
        Optional<RunHeader> latest = latestRun();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Snapshot current = snapshot;
        if (current == null || current.run().runId() != latest.get().runId()) {
            synchronized (this) {
                current = snapshot;
                if (current == null || current.run().runId() != latest.get().runId()) {
                    current = build(latest.get());
                    snapshot = current;
                }
            }
        }
        return Optional.of(current);
    }

    private Snapshot build(RunHeader run) {
        Map<String, Customer> customers = new HashMap<>();
        workspace.book.forEachCustomer(c -> customers.put(c.id(), c));
        List<Row> rows = new ArrayList<>((int) run.customers());
        workspace.runs.forEachResult(run.runId(), result -> {
            Customer customer = customers.getOrDefault(result.customerId(), Customer.withId(result.customerId()));
            rows.add(new Row(
                    result.customerId(),
                    customer.name(),
                    customer.industry(),
                    customer.region(),
                    customer.size() == null ? null : customer.size().name().toLowerCase(java.util.Locale.ROOT),
                    result.tier(),
                    result.stage(),
                    result.score().isPresent() ? result.score().getAsDouble() : null,
                    result.overridden()));
        });
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            positions.put(rows.get(i).customerId(), i);
        }
        List<RunHeader> monthEnds = monthEnds();
        monthEnds = monthEnds.subList(Math.max(0, monthEnds.size() - 36), monthEnds.size());
        byte[][] placed = new byte[monthEnds.size()][];
        for (int r = 0; r < monthEnds.size(); r++) {
            byte[] codes = new byte[rows.size()];
            java.util.Arrays.fill(codes, (byte) -1);
            workspace.runClasses.forEachPlaced(monthEnds.get(r).runId(), p -> {
                Integer position = positions.get(p.customerId());
                if (position != null) {
                    codes[position] =
                            (byte) (p.tier().ordinal() * 16 + p.stage().ordinal());
                }
            });
            placed[r] = codes;
        }
        return new Snapshot(run, List.copyOf(rows), positions, List.copyOf(monthEnds), placed);
    }

    private final Map<String, List<Row>> filtered = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The rows that pass {@code filter}, named by {@code key} (the same key, the same filter), kept for the next
     * request: lists by tier or stage are most of a busy service's requests, and filtering every row each time was
     * most of its CPU. At most 64 filters are kept (about 400 KB each at 100,000 rows).
     */
    List<Row> rows(String key, Predicate<Row> filter) {
        Optional<Snapshot> current = snapshot();
        if (current.isEmpty()) {
            return List.of();
        }
        String named = current.get().run().runId() + "\u0000" + key;
        List<Row> rows = filtered.get(named);
        if (rows == null) {
            rows = current.get().rows().stream().filter(filter).toList();
            if (filtered.size() >= 64) {
                filtered.clear();
            }
            filtered.put(named, rows);
        }
        return rows;
    }

    /** The rows that pass {@code filter}, in customer id order. */
    List<Row> rows(Predicate<Row> filter) {
        return snapshot().map(s -> s.rows().stream().filter(filter).toList()).orElse(List.of());
    }
}
