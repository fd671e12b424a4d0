package io.fidelis.service;

import io.fidelis.core.domain.CustomerHistory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Customers' histories for classify-now and customer pages. DuckDB answers one customer's history in tens of
 * milliseconds (six scans, one per table); with {@code fidelis.histories=memory} the service reads every history
 * once at start (in the background; until then it asks the store) and answers from memory. The book cannot change
 * while the service runs: DuckDB lets one process hold the workspace, so imports wait for the service to stop.
 * Memory: about 13 KB per customer (1.3 GB of heap for 100,000 customers), hence off by default.
 */
@Component
class Histories {

    private static final Logger log = LoggerFactory.getLogger(Histories.class);

    private final Workspace workspace;
    private final boolean inMemory;
    private final Map<String, CustomerHistory> loaded = new ConcurrentHashMap<>();
    private volatile boolean complete;

    Histories(Workspace workspace, @Value("${fidelis.histories:store}") String mode) {
        this.workspace = workspace;
        if (!mode.equals("store") && !mode.equals("memory")) {
            throw new IllegalArgumentException("fidelis.histories is 'store' or 'memory', not '" + mode + "'");
        }
        this.inMemory = mode.equals("memory");
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (!inMemory) {
            return;
        }
        Thread loader = new Thread(
                () -> {
                    long started = System.nanoTime();
                    workspace.book.forEachHistory(history -> loaded.put(history.customerId(), history));
                    complete = true;
                    log.info(
                            "{} customer histories in memory after {} s",
                            loaded.size(),
                            (System.nanoTime() - started) / 1_000_000_000L);
                },
                "histories-loader");
        loader.setDaemon(true);
        loader.start();
    }

    Optional<CustomerHistory> of(String customerId) {
        if (complete) {
            return Optional.ofNullable(loaded.get(customerId));
        }
        return workspace.query(() -> workspace.book.history(customerId));
    }
}
