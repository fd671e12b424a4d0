package io.fidelis.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Table;
import io.fidelis.core.features.FeatureId;
import io.fidelis.store.Cohorts;
import io.fidelis.store.ImportLogEntry;
import io.fidelis.store.ImportRequest;
import io.fidelis.store.ImportResult;
import io.fidelis.store.Overrides;
import io.fidelis.store.RunClasses;
import io.fidelis.store.RunSeries;
import io.fidelis.store.Runs;
import io.fidelis.store.RunsSql;
import io.fidelis.store.ServiceStores;
import io.fidelis.store.Store;
import io.fidelis.store.StoreException;
import io.fidelis.store.StrategyAssignments;
import io.fidelis.store.jdbc.JdbcServiceStores;
import io.fidelis.store.sql.Histories;
import io.fidelis.store.sql.ImportLog;
import io.fidelis.store.sql.ImportRun;
import io.fidelis.store.sql.SqlCohorts;
import io.fidelis.store.sql.SqlOverrides;
import io.fidelis.store.sql.SqlRunClasses;
import io.fidelis.store.sql.SqlRuns;
import io.fidelis.store.sql.StoredTable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The book, runs and overrides in a PostgreSQL database, which many users (command-line runs and the service's
 * threads) may use at once. Opening a store migrates the schema to the version this code needs (Flyway, scripts in
 * {@code db/postgresql}) and keeps a pool of connections until it is closed.
 *
 * <p>Concurrency: imports run one at a time (a session advisory lock held for the whole import: the cross-row rules
 * and the merge read the book as the import leaves it), each on its own connection with its staging tables private
 * to its session; runs and overrides take their ids from sequences and are written in their own transactions,
 * alongside imports; a history scan reads one snapshot, so an import committing meanwhile is either wholly in it or
 * not at all.
 */
public final class PostgresStore implements Store {

    /**
     * Memory an import's session may use for its staging tables and for each sort or hash of the cross-row rules and
     * the merge (PostgreSQL's defaults, 8MB and 4MB, sent millions of rows through temporary files). The system
     * property {@code fidelis.postgres.importMemory} (e.g. {@code 64MB}) changes it.
     */
    private final String importMemory;

    /** The advisory lock key that serialises imports: "fidelis" in ASCII. */
    static final long IMPORT_LOCK = 0x666964656c6973L;

    private final HikariDataSource pool;
    private final PostgresSettings settings;
    private final Clock clock;
    private final PostgresRuns runs;
    private final ServiceStores serviceStores;

    private PostgresStore(HikariDataSource pool, PostgresSettings settings, Clock clock, String importMemory) {
        this.pool = pool;
        this.importMemory = importMemory;
        this.settings = settings;
        this.clock = clock;
        this.runs = new PostgresRuns(pool);
        this.serviceStores = JdbcServiceStores.migrated(pool::getConnection);
    }

    /** Opens the store, migrating its schema if needed. */
    public static PostgresStore open(PostgresSettings settings) {
        return open(settings, Clock.systemUTC());
    }

    /** Opens the store; {@code clock} dates the import log. */
    public static PostgresStore open(PostgresSettings settings, Clock clock) {
        String importMemory = importMemory();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setPoolName("fidelis");
        // rows stream in chunks of this many inside a transaction (history scans, run exports)
        config.addDataSourceProperty("defaultRowFetchSize", "10000");
        config.addDataSourceProperty("ApplicationName", "fidelis");
        // an import's staging tables are temporary, so they live in the session's temp buffers (8MB by default); this
        // is memory taken only by sessions that use temporary tables, and only as they fill them
        config.setConnectionInitSql("SET temp_buffers = '" + importMemory + "'");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StoreException(
                    "cannot connect to PostgreSQL at " + settings.location() + ": " + cause.getMessage()
                            + "; check the URL, the user (--db-user) and the password (FIDELIS_DB_PASSWORD)",
                    e);
        }
        try {
            migrate(pool);
            addFeatureColumns(pool);
        } catch (FlywayException | SQLException e) {
            pool.close();
            throw new StoreException("cannot prepare the database " + settings.location() + ": " + e.getMessage(), e);
        }
        return new PostgresStore(pool, settings, clock, importMemory);
    }

    private static void migrate(HikariDataSource pool) {
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/postgresql")
                .table("fidelis_schema_history")
                .loggers("slf4j")
                .baselineOnMigrate(false)
                .load()
                .migrate();
    }

    /**
     * Adds the columns of features added to the code after the schema's last migration. Only the missing ones:
     * ALTER TABLE waits for every reader of run_results, even when the column exists.
     */
    private static void addFeatureColumns(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            Set<String> present = new HashSet<>(SqlRuns.tableColumns(connection));
            try (Statement sql = connection.createStatement()) {
                for (FeatureId feature : FeatureId.values()) {
                    if (!present.contains(feature.code())) {
                        sql.execute(RunsSql.addFeatureColumn(feature));
                    }
                }
            }
        }
    }

    @Override
    public ImportResult importBook(ImportRequest request) throws IOException {
        try (Connection connection = pool.getConnection()) {
            execute(connection, "SELECT pg_advisory_lock(" + IMPORT_LOCK + ")");
            try {
                execute(connection, "SET work_mem = '" + importMemory + "'");
                return new ImportRun(connection, new PostgresStaging(), settings.rejectsDirectory(), request, clock)
                        .run();
            } finally {
                release(connection);
            }
        } catch (SQLException e) {
            throw new StoreException("the import failed in the database: " + e.getMessage(), e);
        }
    }

    /** Gives the import's connection back as it was; a session that cannot be reset is closed, which unlocks it. */
    private void release(Connection connection) {
        try {
            execute(connection, "RESET work_mem");
            execute(connection, "SELECT pg_advisory_unlock(" + IMPORT_LOCK + ")");
        } catch (SQLException e) {
            pool.evictConnection(connection);
        }
    }

    private static void execute(Connection connection, String statement) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static String importMemory() {
        String memory =
                System.getProperty("fidelis.postgres.importMemory", "256MB").strip();
        if (!memory.matches("[0-9]+(kB|MB|GB)")) {
            throw new StoreException(
                    "fidelis.postgres.importMemory '" + memory + "' is not a size like 256MB (kB, MB or GB)", null);
        }
        return memory;
    }

    @Override
    public Map<Table, Long> counts() {
        try (Snapshot snapshot = new Snapshot(pool)) {
            return StoredTable.count(snapshot.open());
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
        try (Snapshot snapshot = new Snapshot(pool)) {
            Histories.forEach(snapshot, Histories.Reading.JDBC, batchSize, consumer);
        } catch (SQLException e) {
            throw new StoreException("cannot read the customer histories: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<CustomerHistory> history(String customerId) {
        try (Snapshot snapshot = new Snapshot(pool)) {
            return Histories.one(snapshot, customerId);
        } catch (SQLException e) {
            throw new StoreException("cannot read the history of customer " + customerId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void forEachCustomer(Consumer<Customer> consumer) {
        try (Snapshot snapshot = new Snapshot(pool)) {
            Histories.forEachCustomer(snapshot, consumer);
        } catch (SQLException e) {
            throw new StoreException("cannot read the customers: " + e.getMessage(), e);
        }
    }

    @Override
    public String inputFingerprint() {
        try (Connection connection = pool.getConnection()) {
            return ImportLog.latestFingerprint(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot read the import log: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ImportLogEntry> imports() {
        try (Connection connection = pool.getConnection()) {
            return ImportLog.entries(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot read the import log: " + e.getMessage(), e);
        }
    }

    @Override
    public Runs runs() {
        return runs;
    }

    @Override
    public RunSeries runSeries() {
        return new PostgresRunSeries(pool);
    }

    @Override
    public Overrides overrides() {
        return new SqlOverrides(pool::getConnection);
    }

    @Override
    public StrategyAssignments strategyAssignments() {
        return new PostgresStrategyAssignments(pool);
    }

    @Override
    public Cohorts cohorts() {
        return new SqlCohorts(pool::getConnection);
    }

    @Override
    public RunClasses runClasses() {
        return new SqlRunClasses(runs, pool::getConnection);
    }

    @Override
    public ServiceStores serviceStores() {
        return serviceStores;
    }

    @Override
    public Optional<javax.sql.DataSource> sharedDatabase() {
        return Optional.of(pool);
    }

    @Override
    public String location() {
        return settings.location();
    }

    @Override
    public void close() {
        pool.close();
    }
}
