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

    record Snapshot(RunHeader run, List<Row> rows) {}

    private final Workspace workspace;
    private final Map<Long, RunCounts> counts = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;

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

    /** The latest stored run (the greatest as-of date, of several the last stored). */
    Optional<RunHeader> latestRun() {
        return workspace.runs.runs().stream()
                .max(Comparator.comparing((RunHeader r) -> r.provenance().asOf())
                        .thenComparing(RunHeader::runId));
    }

    /** The latest run per as-of date, oldest date first. */
    List<RunHeader> monthEnds() {
        Map<LocalDate, RunHeader> byDate = new HashMap<>();
        for (RunHeader run : workspace.runs.runs()) {
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
        return new Snapshot(run, List.copyOf(rows));
    }

    /** The rows that pass {@code filter}, in customer id order. */
    List<Row> rows(Predicate<Row> filter) {
        return snapshot().map(s -> s.rows().stream().filter(filter).toList()).orElse(List.of());
    }
}
