package io.fidelis.store.duckdb;

import io.fidelis.store.ArmAssignment;
import io.fidelis.store.StoreException;
import io.fidelis.store.sql.SqlStrategyAssignments;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Strategies' assignments in the workspace's DuckDB database, beside the book (SQL in {@link
 * io.fidelis.store.StrategyAssignments}). Rows are appended with DuckDB's Appender inside one transaction. Shares the
 * book store's database; use it from one thread at a time and not after the book store is closed.
 */
public final class DuckDbStrategyAssignments extends SqlStrategyAssignments {

    private DuckDbStrategyAssignments(DuckDBConnection database) {
        super(database::duplicate);
    }

    /** The assignments kept in {@code book}'s database, creating their tables if needed. */
    public static DuckDbStrategyAssignments of(DuckDbBookStore book) {
        DuckDBConnection connection = book.connection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE SEQUENCE IF NOT EXISTS assignment_set_ids START 1");
            sql.execute("CREATE TABLE IF NOT EXISTS assignment_sets (set_id BIGINT NOT NULL PRIMARY KEY,"
                    + " strategy_id VARCHAR NOT NULL, source VARCHAR NOT NULL, run_id BIGINT, assigned_on DATE,"
                    + " seed BIGINT, treatment_share DOUBLE PRECISION, file_name VARCHAR, file_sha256 VARCHAR,"
                    + " input_fingerprint VARCHAR NOT NULL, code_version VARCHAR NOT NULL, treatment BIGINT NOT NULL,"
                    + " control BIGINT NOT NULL, replaces BIGINT, created_at TIMESTAMP NOT NULL)");
            sql.execute("CREATE TABLE IF NOT EXISTS assignments (set_id BIGINT NOT NULL, customer_id VARCHAR NOT NULL,"
                    + " arm VARCHAR NOT NULL, assigned_on DATE, stratum VARCHAR)");
        } catch (SQLException e) {
            throw new StoreException("cannot prepare the assignments tables: " + e.getMessage(), e);
        }
        return new DuckDbStrategyAssignments(connection);
    }

    @Override
    protected void append(Connection connection, long setId, List<ArmAssignment> assignments) throws SQLException {
        try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender("assignments")) {
            for (ArmAssignment assignment : assignments) {
                appender.beginRow();
                appender.append(setId);
                appender.append(assignment.customerId());
                appender.append(assignment.arm().code());
                if (assignment.assignedOn() == null) {
                    appender.appendNull();
                } else {
                    appender.append(assignment.assignedOn());
                }
                if (assignment.stratum() == null) {
                    appender.appendNull();
                } else {
                    appender.append(assignment.stratum());
                }
                appender.endRow();
            }
        }
    }
}
