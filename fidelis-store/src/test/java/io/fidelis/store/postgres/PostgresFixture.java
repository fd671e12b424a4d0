package io.fidelis.store.postgres;

import static org.junit.jupiter.api.Assertions.fail;

import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.store.Store;
import io.fidelis.store.StoreFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;

/**
 * Stores in the test PostgreSQL named by {@code FIDELIS_TEST_PG_URL} (with {@code FIDELIS_TEST_PG_USER} and {@code
 * FIDELIS_TEST_PG_PASSWORD}; {@code scripts/postgres-test.sh start} starts one and prints them), each workspace in a
 * schema of its own, dropped after the test. Without that variable a test is skipped, or fails when {@code CI=true}:
 * CI must check the PostgreSQL store.
 */
public final class PostgresFixture implements StoreFixture {

    private static final AtomicLong SCHEMAS = new AtomicLong();
    private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);

    private final Map<Path, String> schemaOf = new HashMap<>();
    private final Map<Store, String> storeSchema = new IdentityHashMap<>();
    private final List<String> created = new ArrayList<>();

    public PostgresFixture() {
        requireServer();
    }

    /** Skips the calling test without a test database, or fails it under CI. */
    public static void requireServer() {
        if (url() != null) {
            return;
        }
        String why = "FIDELIS_TEST_PG_URL is not set, so the PostgreSQL store is not tested;"
                + " start a test cluster with: eval \"$(scripts/postgres-test.sh start)\"";
        if ("true".equals(System.getenv("CI"))) {
            fail(why + " (CI must test it: .ci/run starts one)");
        }
        Assumptions.abort(why);
    }

    static String url() {
        String url = System.getenv("FIDELIS_TEST_PG_URL");
        return url == null || url.isBlank() ? null : url;
    }

    /** The settings of a store in {@code schema}, its rejects in {@code rejects}. */
    public static PostgresSettings settings(String schema, Path rejects) {
        String url = url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return PostgresSettings.of(
                url, System.getenv("FIDELIS_TEST_PG_USER"), System.getenv("FIDELIS_TEST_PG_PASSWORD"), rejects);
    }

    /** A new empty schema, dropped when the fixture closes. */
    public String newSchema() {
        String schema = "fidelis_test_" + RUN + "_" + SCHEMAS.incrementAndGet();
        run("CREATE SCHEMA " + schema);
        created.add(schema);
        return schema;
    }

    @Override
    public Store open(Path workspace) {
        String schema = schemaOf.computeIfAbsent(workspace, w -> newSchema());
        PostgresStore store = PostgresStore.open(settings(schema, workspace.resolve("rejects")));
        storeSchema.put(store, schema);
        return store;
    }

    @Override
    public long queryLong(Store store, String sql) {
        try (Connection connection = connect(storeSchema.get(store));
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void execute(Store store, String sql) {
        try (Connection connection = connect(storeSchema.get(store));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void forEachHistory(Store store, int batchSize, Consumer<CustomerHistory> consumer) {
        ((PostgresStore) store).forEachHistory(batchSize, consumer);
    }

    @Override
    public void close() {
        for (String schema : created) {
            run("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        created.clear();
    }

    private static Connection connect(String schema) throws SQLException {
        PostgresSettings settings = settings(schema == null ? "public" : schema, Path.of("."));
        return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
    }

    private static void run(String sql) {
        try (Connection connection = connect(null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("the test database refused " + sql + ": " + e.getMessage(), e);
        }
    }
}
