package io.fidelis.store.duckdb;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times {@link DuckDbBookStore#forEachHistory} over a workspace's whole book, for bench/import-bench.sh. Usage:
 * {@code java -cp fidelis.jar io.fidelis.store.duckdb.HistoryScanTiming WORKSPACE}.
 */
public final class HistoryScanTiming {

    private HistoryScanTiming() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: HistoryScanTiming WORKSPACE");
            System.exit(2);
        }
        AtomicLong customers = new AtomicLong();
        AtomicLong records = new AtomicLong();
        long started = System.nanoTime();
        try (DuckDbBookStore store = DuckDbBookStore.open(Path.of(args[0]))) {
            store.forEachHistory(history -> {
                customers.incrementAndGet();
                records.addAndGet(1
                        + history.loans().size()
                        + history.installments().size()
                        + history.complaints().size()
                        + history.surveys().size()
                        + history.interactions().size());
            });
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "forEachHistory: %,d customers, %,d records in %.2f s (%,.0f records/s)%n",
                customers.get(), records.get(), seconds, records.get() / seconds);
    }
}
