package io.fidelis.store.duckdb;

import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Table;
import io.fidelis.store.BookStore;
import io.fidelis.store.CustomerRange;
import io.fidelis.store.ImportLogEntry;
import io.fidelis.store.ImportRequest;
import io.fidelis.store.ImportResult;
import io.fidelis.store.ImportStatus;
import io.fidelis.store.StoreException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.duckdb.DuckDBConnection;

/**
 * The book in an embedded DuckDB database: {@code <workspace>/fidelis.duckdb}, with each import's rejects in
 * {@code <workspace>/rejects/import-<id>.csv}. One process at a time may open a workspace (DuckDB locks the file).
 *
 * <p>DuckDB's memory limit (beyond it DuckDB spills to {@code fidelis.duckdb.tmp} beside the database) defaults to 8GB
 * or half the machine's memory, whichever is less: a 1M-customer import took twice as long under 4GB. The system
 * property {@code fidelis.duckdb.memoryLimit} (e.g. {@code 2GB}) changes it.
 */
public final class DuckDbBookStore implements BookStore {

    /** The database file's name in the workspace. */
    public static final String DATABASE_FILE = "fidelis.duckdb";
    /** The folder of rejects files in the workspace. */
    public static final String REJECTS_FOLDER = "rejects";

    private final DuckDBConnection connection;
    private final Path rejectsDirectory;
    private final Clock clock;

    private DuckDbBookStore(DuckDBConnection connection, Path rejectsDirectory, Clock clock) {
        this.connection = connection;
        this.rejectsDirectory = rejectsDirectory;
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
        return new DuckDbBookStore(connection, workspace.resolve(REJECTS_FOLDER), clock);
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
    }

    @Override
    public ImportResult importBook(ImportRequest request) throws IOException {
        try {
            return new ImportRun(connection, rejectsDirectory, request, clock).run();
        } catch (SQLException e) {
            throw new StoreException("the import failed in the database: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<Table, Long> counts() {
        Map<Table, Long> counts = new EnumMap<>(Table.class);
        try (Statement sql = connection.createStatement()) {
            for (StoredTable table : StoredTable.values()) {
                try (ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM " + table.tableName())) {
                    row.next();
                    counts.put(table.table, row.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count the book's rows: " + e.getMessage(), e);
        }
        return counts;
    }

    @Override
    public void forEachHistory(Consumer<CustomerHistory> consumer) {
        forEachHistory(Histories.BATCH, consumer);
    }

    /** The same, reading {@code batchSize} customers' records at a time (tests cross batch edges with small ones). */
    void forEachHistory(int batchSize, Consumer<CustomerHistory> consumer) {
        forEachHistory(Histories.Reading.fastest(), batchSize, consumer);
    }

    /** The same, reading the rows in the given way (tests compare the ways). */
    void forEachHistory(Histories.Reading reading, int batchSize, Consumer<CustomerHistory> consumer) {
        try {
            Histories.forEach(connection, reading, batchSize, consumer);
        } catch (SQLException e) {
            throw new StoreException("cannot read the customer histories: " + e.getMessage(), e);
        }
    }

    @Override
    public List<CustomerRange> customerRanges(int customers) {
        try {
            return Histories.ranges(connection, customers);
        } catch (SQLException e) {
            throw new StoreException("cannot split the customers into ranges: " + e.getMessage(), e);
        }
    }

    @Override
    public void forEachHistory(CustomerRange range, Consumer<CustomerHistory> consumer) {
        try {
            Histories.forEachInRange(connection, Histories.Reading.fastest(), range.first(), range.last(), consumer);
        } catch (SQLException e) {
            throw new StoreException("cannot read the customer histories: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<CustomerHistory> history(String customerId) {
        try {
            return Histories.one(connection, customerId);
        } catch (SQLException e) {
            throw new StoreException("cannot read the history of customer " + customerId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void forEachCustomer(Consumer<Customer> consumer) {
        try {
            Histories.forEachCustomer(connection, consumer);
        } catch (SQLException e) {
            throw new StoreException("cannot read the customers: " + e.getMessage(), e);
        }
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
        List<ImportLogEntry> entries = new ArrayList<>();
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(
                        "SELECT import_id, imported_at, source, status, rows_read, rows_rejected, rows_inserted,"
                                + " rows_updated, fingerprint FROM import_log ORDER BY import_id")) {
            while (rows.next()) {
                entries.add(new ImportLogEntry(
                        rows.getLong(1),
                        rows.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rows.getString(3),
                        ImportStatus.valueOf(rows.getString(4)),
                        rows.getLong(5),
                        rows.getLong(6),
                        rows.getLong(7),
                        rows.getLong(8),
                        rows.getString(9)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the import log: " + e.getMessage(), e);
        }
        return entries;
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
