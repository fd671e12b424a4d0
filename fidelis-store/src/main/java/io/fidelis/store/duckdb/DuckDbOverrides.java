package io.fidelis.store.duckdb;

import io.fidelis.store.StoreException;
import io.fidelis.store.sql.SqlOverrides;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/**
 * Manual overrides in the workspace's DuckDB database, in an append-only table (see {@link io.fidelis.store.Overrides}
 * for its semantics; the SQL is {@link SqlOverrides}').
 */
public final class DuckDbOverrides extends SqlOverrides {

    private DuckDbOverrides(DuckDBConnection database) {
        super(database::duplicate);
    }

    /** The overrides kept in {@code book}'s database, creating their table if needed. */
    public static DuckDbOverrides of(DuckDbBookStore book) {
        DuckDBConnection connection = book.connection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE SEQUENCE IF NOT EXISTS override_ids START 1");
            sql.execute("CREATE TABLE IF NOT EXISTS overrides (override_id BIGINT NOT NULL PRIMARY KEY,"
                    + " customer_id VARCHAR NOT NULL, tier VARCHAR, stage VARCHAR, reason VARCHAR NOT NULL,"
                    + " author VARCHAR NOT NULL, effective_from DATE, expires_on DATE NOT NULL,"
                    + " recorded_at TIMESTAMP NOT NULL)");
        } catch (SQLException e) {
            throw new StoreException("cannot prepare the overrides table: " + e.getMessage(), e);
        }
        return new DuckDbOverrides(connection);
    }
}
