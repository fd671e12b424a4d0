package io.fidelis.store.duckdb;

import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Table;
import io.fidelis.store.Cohorts;
import io.fidelis.store.CustomerRange;
import io.fidelis.store.ImportLogEntry;
import io.fidelis.store.ImportRequest;
import io.fidelis.store.ImportResult;
import io.fidelis.store.Overrides;
import io.fidelis.store.RunClasses;
import io.fidelis.store.RunSeries;
import io.fidelis.store.Runs;
import io.fidelis.store.ServiceStores;
import io.fidelis.store.Store;
import io.fidelis.store.StoreException;
import io.fidelis.store.StrategyAssignments;
import io.fidelis.store.jdbc.JdbcServiceStores;
import io.fidelis.store.sql.Histories;
import io.fidelis.store.sql.ImportLog;
import io.fidelis.store.sql.ImportRun;
import io.fidelis.store.sql.Sql;
import io.fidelis.store.sql.StoredTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.duckdb.DuckDBConnection;

/**
 * The book (and its runs, overrides and assignments) in an embedded DuckDB database: {@code <workspace>/fidelis.duckdb}, with each import's rejects in
 * {@code <workspace>/rejects/import-<id>.csv}. One process at a time may open a workspace (DuckDB locks the file).
 *
 * <p>DuckDB's memory limit (beyond it DuckDB spills to {@code fidelis.duckdb.tmp} beside the database) defaults to 8GB
 * or half the machine's memory, whichever is less: a 1M-customer import took twice as long under 4GB. The system
 * property {@code fidelis.duckdb.memoryLimit} (e.g. {@code 2GB}) changes it.
 */
public final class DuckDbBookStore implements Store {

    /** The database file's name in the workspace. */
    public static final String DATABASE_FILE = "fidelis.duckdb";
    /** The folder of rejects files in the workspace. */
    public static final String REJECTS_FOLDER = "rejects";

    private final DuckDBConnection connection;
    private final Path workspace;
    private final Path rejectsDirectory;
    private final Clock clock;
    private ServiceStores serviceStores;

    private DuckDbBookStore(DuckDBConnection connection, Path workspace, Clock clock) {
        this.connection = connection;
        this.workspace = workspace;
        this.rejectsDirectory = workspace.resolve(REJECTS_FOLDER);
        this.clock = clock;
    }

    /** Opens (creating if needed) the store of a workspace folder. */
    public static DuckDbBookStore open(Path workspace) {
        return open(workspace, Clock.systemUTC());
    }

    /** Opens the store; {@code clock} dates the import log. */
    public static DuckDbBookStore open(Path workspace, Clock clock) {
        Path database = workspace.resolve(DATABASE_FILE);
        try {
            Files.createDirectories(workspace);
        } catch (IOException e) {
            throw new StoreException("cannot create the workspace " + workspace + ": " + e.getMessage(), e);
        }
        DuckDBConnection connection;
        try {
            connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
        } catch (SQLException e) {
            String why = e.getMessage() != null && e.getMessage().contains("lock")
                    ? "it is in use by another process (close it and try again)"
                    : e.getMessage();
            throw new StoreException("cannot open the database " + database + ": " + why, e);
        }
        try {
            configure(connection);
            createSchema(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException("cannot prepare the database " + database + ": " + e.getMessage(), e);
        }
        return new DuckDbBookStore(connection, workspace, clock);
    }

    private static void configure(DuckDBConnection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            // preserve_insertion_order stays on (the default): with it off, DuckDB 2.0.0.1 returned a window query's
            // rows out of its ORDER BY order (see Histories)
            String memoryLimit = System.getProperty("fidelis.duckdb.memoryLimit", defaultMemoryLimit());
            if (!memoryLimit.matches("[0-9]+(\\.[0-9]+)?\\s*[KMGT]?i?B")) {
                throw new SQLException("fidelis.duckdb.memoryLimit '" + memoryLimit + "' is not a size like 4GB");
            }
            sql.execute("SET memory_limit = '" + memoryLimit + "'");
        }
    }

    /** 8GB or half the machine's memory, whichever is less. */
    static String defaultMemoryLimit() {
        long physical = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        long megabytes = Math.min(8L << 10, Math.max(physical >> 21, 256));
        return megabytes + "MB";
    }

    private static void createSchema(DuckDBConnection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            for (StoredTable table : StoredTable.values()) {
                sql.execute(table.createTable());
            }
            ImportLog.createTables(sql);
        }
        BookOrder.prepare(connection);
    }

    @Override
    public ImportResult importBook(ImportRequest request) throws IOException {
        try {
            return new ImportRun(connection, new Staging(), rejectsDirectory, request, clock).run();
        } catch (SQLException e) {
            throw new StoreException("the import failed in the database: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<Table, Long> counts() {
        try {
            return StoredTable.count(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot count the book's rows: " + e.getMessage(), e);
        }
    }

    @Override
    public void forEachHistory(Consumer<CustomerHistory> consumer) {
        forEachHistory(Histories.BATCH, consumer);
    }

    /** The same, reading {@code batchSize} customers' records at a time (tests cross batch edges with small ones). */
    void forEachHistory(int batchSize, Consumer<CustomerHistory> consumer) {
        forEachHistory(fastestReading(), batchSize, consumer);
    }

    /** The same, reading the rows in the given way (tests compare the ways). */
    void forEachHistory(Histories.Reading reading, int batchSize, Consumer<CustomerHistory> consumer) {
        try {
            Histories.forEach(connection::duplicate, reading, batchSize, consumer);
        } catch (SQLException e) {
            throw new StoreException("cannot read the customer histories: " + e.getMessage(), e);
        }
    }

    @Override
    public List<CustomerRange> customerRanges(int customers) {
        try {
            return ranges(connection, customers);
        } catch (SQLException e) {
            throw new StoreException("cannot split the customers into ranges: " + e.getMessage(), e);
        }
    }

    @Override
    public void forEachHistory(CustomerRange range, Consumer<CustomerHistory> consumer) {
        try {
            Histories.forEachInRange(connection::duplicate, fastestReading(), range.first(), range.last(), consumer);
        } catch (SQLException e) {
            throw new StoreException("cannot read the customer histories: " + e.getMessage(), e);
        }
    }

    /**
     * Consecutive ranges of about {@code customers} customers each (the last may hold fewer), in id order, together
     * holding every customer once: parts of the book to read on several threads at once.
     */
    private static List<CustomerRange> ranges(DuckDBConnection connection, int customers) throws SQLException {
        if (customers < 1) {
            throw new IllegalArgumentException("a range holds 1 customer or more, not " + customers);
        }
        List<CustomerRange> ranges = new ArrayList<>();
        try (DuckDBConnection own = connection.duplicate();
                Statement sql = own.createStatement();
                ResultSet rows = sql.executeQuery("SELECT MIN(customer_id), MAX(customer_id) FROM (SELECT customer_id,"
                        + " (ROW_NUMBER() OVER (ORDER BY customer_id) - 1) // " + customers
                        + " AS part FROM customers) GROUP BY part ORDER BY part")) {
            while (rows.next()) {
                CustomerRange range = new CustomerRange(rows.getString(1), rows.getString(2));
                if (!ranges.isEmpty()
                        && Histories.compareIds(ranges.get(ranges.size() - 1).last(), range.first()) >= 0) {
                    throw new IllegalStateException("the store returned the ranges of customers out of order");
                }
                ranges.add(range);
            }
        }
        return ranges;
    }

    /** Arrow when this JVM can use it (it needs java.nio opened), else JDBC. */
    static Histories.Reading fastestReading() {
        return ArrowRows.available() ? ArrowRows.READING : Histories.Reading.JDBC;
    }

    @Override
    public Optional<CustomerHistory> history(String customerId) {
        try {
            return Histories.one(connection::duplicate, customerId);
        } catch (SQLException e) {
            throw new StoreException("cannot read the history of customer " + customerId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void forEachCustomer(Consumer<Customer> consumer) {
        try {
            Histories.forEachCustomer(connection::duplicate, consumer);
        } catch (SQLException e) {
            throw new StoreException("cannot read the customers: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the stored tables as Parquet files, one per table ({@code customers.parquet} ...), with the contract's
     * columns and types (dates as DATE, amounts as DECIMAL), ordered by their keys: a folder that {@code fidelis
     * import} (a {@link ParquetBookFolder}) and the Spark job read back as the same book. Existing files of those
     * names are replaced.
     *
     * @return the rows written per table
     */
    public Map<Table, Long> exportParquet(Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<Table, Long> written = new EnumMap<>(Table.class);
        try (Statement sql = connection.createStatement()) {
            for (StoredTable table : StoredTable.values()) {
                Path file = folder.resolve(table.tableName() + ".parquet").toAbsolutePath();
                String order = table.keyed() ? String.join(", ", table.key) : String.join(", ", table.columnNames());
                written.put(
                        table.table,
                        sql.executeLargeUpdate("COPY (SELECT " + String.join(", ", table.columnNames()) + " FROM "
                                + table.tableName() + " ORDER BY " + order + ") TO " + Sql.literal(file.toString())
                                + " (FORMAT parquet)"));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot write the book as Parquet to " + folder + ": " + e.getMessage(), e);
        }
        return written;
    }

    @Override
    public String inputFingerprint() {
        try {
            return ImportLog.latestFingerprint(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot read the import log: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ImportLogEntry> imports() {
        try {
            return ImportLog.entries(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot read the import log: " + e.getMessage(), e);
        }
    }

    @Override
    public Runs runs() {
        return DuckDbRuns.of(this);
    }

    @Override
    public RunSeries runSeries() {
        return DuckDbRunSeries.of(this);
    }

    @Override
    public Overrides overrides() {
        return DuckDbOverrides.of(this);
    }

    @Override
    public StrategyAssignments strategyAssignments() {
        return DuckDbStrategyAssignments.of(this);
    }

    @Override
    public Cohorts cohorts() {
        return DuckDbCohorts.of(this);
    }

    @Override
    public RunClasses runClasses() {
        return DuckDbRunClasses.of(this);
    }

    @Override
    public synchronized ServiceStores serviceStores() {
        if (serviceStores == null) {
            serviceStores = JdbcServiceStores.creatingTables(this::newConnection);
        }
        return serviceStores;
    }

    @Override
    public String location() {
        return "the workspace " + workspace;
    }

    /**
     * A new connection to this store's database, for the portable {@code io.fidelis.store.jdbc} stores (users,
     * tokens, audit, policy versions); the caller closes it.
     */
    public Connection newConnection() {
        try {
            return connection.duplicate();
        } catch (SQLException e) {
            throw new StoreException("cannot open a connection to the database: " + e.getMessage(), e);
        }
    }

    /** The connection that {@link DuckDbRuns} and {@link DuckDbOverrides} share with the book. */
    DuckDBConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the database: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(DuckDBConnection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing: the first error is the one to report
        }
    }
}
