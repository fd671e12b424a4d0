package io.fidelis.store.postgres;

import io.fidelis.core.classification.Classification;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.RunResult;
import io.fidelis.store.sql.SqlRuns;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs in PostgreSQL: a run's results stream into {@code run_results} with COPY inside the run's transaction (the rest
 * is {@link SqlRuns}'). Run ids come from a sequence, so several users may classify at once.
 */
final class PostgresRuns extends SqlRuns {

    private final DataSource pool;

    PostgresRuns(DataSource pool) {
        super(pool::getConnection);
        this.pool = pool;
    }

    @Override
    protected long appendResults(
            Connection connection, long runId, RunProvenance provenance, Iterator<Classification> results)
            throws SQLException {
        List<String> columns = tableColumns(connection);
        List<ColumnWriter> writers = new ArrayList<>();
        for (String column : columns) {
            writers.add(writer(column, runId));
        }
        long count = 0;
        String previous = null;
        try (CopyRows copy = new CopyRows(connection, "run_results", String.join(", ", columns))) {
            Cells cells = cells(copy);
            while (results.hasNext()) {
                Classification classification = results.next();
                check(classification, provenance, previous);
                previous = classification.customerId();
                RunResult result = RunResult.of(classification);
                for (ColumnWriter writer : writers) {
                    writer.write(cells, result);
                }
                copy.endRow();
                count++;
            }
        }
        return count;
    }

    @Override
    protected Connection openForStreaming() throws SQLException {
        Connection connection = pool.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    /** The cells of the COPY's current row. */
    static Cells cells(CopyRows copy) {
        return new Cells() {
            @Override
            public void append(long value) throws SQLException {
                copy.plain(value);
            }

            @Override
            public void append(int value) throws SQLException {
                copy.plain(value);
            }

            @Override
            public void append(double value) throws SQLException {
                copy.plain(value);
            }

            @Override
            public void append(boolean value) throws SQLException {
                copy.plain(value);
            }

            @Override
            public void append(String value) throws SQLException {
                copy.text(value);
            }

            @Override
            public void appendNull() throws SQLException {
                copy.plain(null);
            }
        };
    }
}
