package io.fidelis.store.duckdb;

import io.fidelis.core.classification.Classification;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.RunResult;
import io.fidelis.store.RunsSql;
import io.fidelis.store.StoreException;
import io.fidelis.store.sql.SqlRuns;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBSingleValueAppender;

/**
 * Runs in the workspace's DuckDB database, beside the book: results are appended with DuckDB's Appender inside one
 * transaction (the rest is {@link SqlRuns}'). Shares the book store's database; use it from one thread at a time (the
 * results iterator given to {@link #save} may be fed by other threads) and not after the book store is closed.
 */
public final class DuckDbRuns extends SqlRuns {

    private DuckDbRuns(DuckDBConnection database) {
        super(database::duplicate);
    }

    /** The runs kept in {@code book}'s database, creating their tables if needed. */
    public static DuckDbRuns of(DuckDbBookStore book) {
        DuckDBConnection connection = book.connection();
        try (Statement sql = connection.createStatement()) {
            sql.execute(RunsSql.CREATE_SEQUENCE);
            sql.execute(RunsSql.CREATE_RUNS);
            sql.execute(RunsSql.CREATE_RESULTS);
            addFeatureColumns(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot prepare the runs tables: " + e.getMessage(), e);
        }
        return new DuckDbRuns(connection);
    }

    @Override
    @SuppressWarnings("deprecation") // DuckDBSingleValueAppender: see cells(DuckDBSingleValueAppender)
    protected long appendResults(
            Connection connection, long runId, RunProvenance provenance, Iterator<Classification> results)
            throws SQLException {
        List<ColumnWriter> writers = new ArrayList<>();
        for (String column : tableColumns(connection)) {
            writers.add(writer(column, runId));
        }
        long count = 0;
        String previous = null;
        // the single-value Appender, flushed once per row group: DuckDBAppender flushes into the table every 2,048
        // rows, which cost about as much as classifying (see DuckDbRunSeries)
        try (DuckDBSingleValueAppender appender = ((DuckDBConnection) connection)
                .createSingleValueAppender(DuckDBConnection.DEFAULT_SCHEMA, "run_results")) {
            Cells cells = cells(appender);
            while (results.hasNext()) {
                Classification classification = results.next();
                check(classification, provenance, previous);
                previous = classification.customerId();
                RunResult result = RunResult.of(classification);
                appender.beginRow();
                for (ColumnWriter writer : writers) {
                    writer.write(cells, result);
                }
                appender.endRow();
                if (++count % FLUSH_ROWS == 0) {
                    appender.flush();
                }
            }
        }
        return count;
    }

    /** Rows an Appender gathers before it hands them to the table: one DuckDB row group. */
    static final int FLUSH_ROWS = 122_880;

    /**
     * The cells of the single-value {@code appender}'s current row. DuckDBSingleValueAppender is deprecated, but
     * appends a row in about half the CPU time of the chunk {@link DuckDBAppender}, which hands DuckDB every 2,048
     * rows; should DuckDB drop it, an adapter like this one over DuckDBAppender works in its place, at that cost.
     */
    @SuppressWarnings("deprecation")
    static Cells cells(DuckDBSingleValueAppender appender) {
        return new Cells() {
            @Override
            public void append(long value) throws SQLException {
                appender.append(value);
            }

            @Override
            public void append(int value) throws SQLException {
                appender.append(value);
            }

            @Override
            public void append(double value) throws SQLException {
                appender.append(value);
            }

            @Override
            public void append(boolean value) throws SQLException {
                appender.append(value);
            }

            @Override
            public void append(String value) throws SQLException {
                appender.append(value);
            }

            @Override
            public void appendNull() throws SQLException {
                appender.append((String) null);
            }
        };
    }
}
