package io.fidelis.service;

import io.fidelis.core.domain.CustomerHistory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Customers' histories for classify-now and customer pages. DuckDB answers one customer's history in tens of
 * milliseconds (six scans, one per table), too slow for a loan application waiting on classify-now; so by default
 * ({@code fidelis.histories=memory}) the service reads every history once at start, in the background (until then
 * it asks the store), and keeps each in its {@link CompactHistory} form: about 3.1 KB per customer (312 MB of heap
 * for 100,000 customers) instead of 13 KB as records. {@code fidelis.histories=store} asks the store each time. On
 * DuckDB the book cannot change while the service runs (one process holds the workspace, so imports wait for the
 * service to stop); on PostgreSQL another process may import it, and {@link StoreChanges} then has them read again.
 */
@Component
class Histories {

    private static final Logger log = LoggerFactory.getLogger(Histories.class);

    private final Workspace workspace;
    private final boolean inMemory;
    private volatile Map<String, byte[]> loaded;
    private final java.util.concurrent.ExecutorService loader =
            java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "histories-loader");
                thread.setDaemon(true);
                return thread;
            });

    Histories(Workspace workspace, @Value("${fidelis.histories:memory}") String mode) {
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
        loadInBackground();
    }

    /**
     * Reads every history again after another process imported the book (PostgreSQL): the histories held so far
     * answer until the new ones are read, then are replaced at once.
     */
    void reload() {
        if (inMemory) {
            loadInBackground();
        }
    }

    private void loadInBackground() {
        // one loader thread, so that two reloads in a row finish in their order and the newer book is kept
        loader.execute(() -> {
            try {
                readAll();
            } catch (RuntimeException e) {
                // requests keep the histories held so far, or ask the store until a later read succeeds
                log.error("could not read the customers' histories into memory: {}", e.getMessage(), e);
            }
        });
    }

    private void readAll() {
        long started = System.nanoTime();
        Map<String, byte[]> histories = new HashMap<>();
        long[] bytes = {0};
        workspace.book.forEachHistory(history -> {
            byte[] compact = CompactHistory.encode(history);
            bytes[0] += compact.length;
            histories.put(history.customerId(), compact);
        });
        loaded = histories;
        log.info(
                "{} customer histories in memory after {} s ({} MB in compact form)",
                histories.size(),
                (System.nanoTime() - started) / 1_000_000_000L,
                bytes[0] / 1_000_000);
    }

    /** Whether every history is in memory (always false with {@code fidelis.histories=store}). */
    boolean inMemory() {
        return loaded != null;
    }

    Optional<CustomerHistory> of(String customerId) {
        Map<String, byte[]> histories = loaded;
        if (histories != null) {
            byte[] compact = histories.get(customerId);
            return compact == null ? Optional.empty() : Optional.of(CompactHistory.decode(compact));
        }
        return workspace.query(() -> workspace.book.history(customerId));
    }
}
