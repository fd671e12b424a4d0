import io.fidelis.core.classification.DatedClassifier;
import io.fidelis.core.classification.MonthlyPriors;
import io.fidelis.core.domain.Table;
import io.fidelis.core.policy.Policy;
import io.fidelis.store.CustomerRange;
import io.fidelis.store.duckdb.DuckDbBookStore;
import io.fidelis.store.duckdb.FeatureQueryBaseline;
import io.fidelis.store.policy.PolicyYaml;
import io.fidelis.store.sql.Histories;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

/**
 * Floors under `fidelis classify` beside the hand-written DuckDB query (bench/floor-bench.sh): each step is a part of
 * what classify must do, timed alone on the same workspace, so that their sum says how close to the query any design
 * could come. Usage: java -Xmx2g --add-opens=java.base/java.nio=ALL-UNNAMED -cp fidelis.jar bench/ClassifyFloors.java
 * WORKSPACE AS_OF. Prints one tab-separated line per step: name, wall s, CPU s (the whole process, DuckDB's
 * threads included), and a note.
 */
public class ClassifyFloors {

    private static final int WORKERS = Runtime.getRuntime().availableProcessors();

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]);
        LocalDate asOf = LocalDate.parse(args[1]);
        Policy policy = PolicyYaml.shipped("default");
        List<LocalDate> dates = new ArrayList<>(MonthlyPriors.dates(policy.tiers().hysteresis(), asOf));
        dates.add(asOf);
        Path database = workspace.resolve(DuckDbBookStore.DATABASE_FILE).toAbsolutePath();

        List<CustomerRange> ranges;
        try (DuckDbBookStore store = DuckDbBookStore.open(workspace)) {
            // as classify splits the book: ranges of 10,000 or more customers, 16 at most
            ranges = store.customerRanges(
                    (int) Math.max(10_000, (store.counts().get(Table.CUSTOMERS) + 15) / 16));
        }
        long customers;
        AtomicLong drained = new AtomicLong();
        try (DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement sql = connection.createStatement()) {
            sql.execute("SET memory_limit = '4GB'");
            customers = count(sql, "SELECT COUNT(*) FROM customers");
            sql.execute(FeatureQueryBaseline.query(asOf)); // once untimed: every step below finds the book in memory
            time("query", "the baseline: 8 features at " + asOf, () -> sql.execute(FeatureQueryBaseline.query(asOf)));
            time("query_dates", "the same 8 features at " + dates + " in one pass",
                    () -> sql.execute(FeatureQueryBaseline.queryAtDates(dates)));
            long run = count(sql, "SELECT MAX(run_id) FROM runs");
            long rows = count(sql, "SELECT COUNT(*) FROM run_results WHERE run_id = " + run);
            time("store", "DuckDB copying run " + run + "'s " + rows + " stored rows into a temporary table",
                    () -> sql.execute("CREATE TEMP TABLE stored_copy AS SELECT * FROM run_results WHERE run_id = " + run));
            try (BufferAllocator allocator = new RootAllocator()) {
                time("records_out_unsorted", "the six history queries on the whole book without their ORDER BY,"
                                + " one after the other (DuckDB scans on every core), Arrow batches drained unread",
                        () -> drain(connection, allocator, List.of(), false, drained));
                time("records_out", "the six history queries as classify runs them (sorted, " + ranges.size()
                        + " ranges, " + WORKERS + " threads), Arrow batches drained unread",
                        () -> drain(connection, allocator, ranges, true, drained));
            }
        }

        try (DuckDbBookStore store = DuckDbBookStore.open(workspace)) {
        System.err.printf("records drained (both ways): %,d%n", drained.get());

            AtomicLong histories = new AtomicLong();
            time("histories", "the same records mapped into the core's CustomerHistory objects, kept nowhere",
                    () -> onEachRange(ranges, range -> store.forEachHistory(range, history -> histories.incrementAndGet())));

            DatedClassifier classifier = new DatedClassifier(policy, asOf, Map.of());
            time("classified", "the same histories classified as of " + asOf + " (hysteresis: 3 dates), results dropped",
                    () -> onEachRange(ranges, range -> store.forEachHistory(range, classifier::classify)));
        }
    }

    /** Runs the six history queries on every range, reading their Arrow batches and nothing in them. */
    private static void drain(
            DuckDBConnection connection,
            BufferAllocator allocator,
            List<CustomerRange> ranges,
            boolean sorted,
            AtomicLong drained)
            throws Exception {
        // no ranges: the whole book at once
        List<CustomerRange> parts = ranges.isEmpty() ? java.util.Collections.singletonList(null) : ranges;
        onEachRange(parts, range -> {
            try (DuckDBConnection own = connection.duplicate();
                    Statement each = own.createStatement()) {
                for (Histories.Query query : Histories.QUERIES) {
                    String sql = query.arrow()
                            .replace(
                                    "{where}",
                                    range == null
                                            ? ""
                                            : "WHERE customer_id BETWEEN '" + range.first() + "' AND '" + range.last()
                                                    + "'");
                    if (!sorted) {
                        sql = sql.substring(0, sql.lastIndexOf(" ORDER BY "));
                    }
                    try (ResultSet result = each.executeQuery(sql);
                            ArrowReader reader =
                                    (ArrowReader) ((DuckDBResultSet) result).arrowExportStream(allocator, 4096)) {
                        while (reader.loadNextBatch()) {
                            drained.addAndGet(reader.getVectorSchemaRoot().getRowCount());
                        }
                    }
                }
            }
        });
    }

    interface Step {
        void run() throws Exception;
    }

    interface RangeStep {
        void run(CustomerRange range) throws Exception;
    }

    /** Runs {@code step} on every range, {@link #WORKERS} at a time. */
    private static void onEachRange(List<CustomerRange> ranges, RangeStep step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (CustomerRange range : ranges) {
                done.add(pool.submit(() -> {
                    step.run(range);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Runs and prints a step; gives back its wall and CPU seconds. */
    private static double[] time(String name, String note, Step step) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long started = System.nanoTime();
        step.run();
        double wall = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        System.out.printf("%s\t%.2f\t%.1f\t%s%n", name, wall, cpuSeconds, note);
        return new double[] {wall, cpuSeconds};
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
