package io.fidelis.store.duckdb;

import io.fidelis.core.classification.Classification;
import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.RunResult;
import io.fidelis.store.RunSeries;
import io.fidelis.store.StoreException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A series of runs in the workspace's DuckDB database, in {@link DuckDbRuns}' tables: one transaction, one Appender
 * per run on the same connection. Each Appender hands DuckDB its rows in chunks of 2,048, so a run's rows lie in
 * blocks of its own and a scan of one run skips the others' blocks. Use it from one thread at a time (the results
 * iterator may be fed by other threads) and not after the book store is closed.
 */
public final class DuckDbRunSeries implements RunSeries {

    private final DuckDBConnection database;

    private DuckDbRunSeries(DuckDBConnection database) {
        this.database = database;
    }

    /** The runs kept in {@code book}'s database, creating their tables if needed. */
    public static DuckDbRunSeries of(DuckDbBookStore book) {
        DuckDbRuns.of(book);
        return new DuckDbRunSeries(book.connection());
    }

    @Override
    public List<RunHeader> save(List<RunProvenance> provenances, Iterator<List<Classification>> results) {
        if (provenances.isEmpty()) {
            throw new IllegalArgumentException("a series of runs needs at least one provenance");
        }
        int runs = provenances.size();
        try (DuckDBConnection connection = database.duplicate()) {
            connection.setAutoCommit(false);
            try {
                long[] runIds = new long[runs];
                List<List<DuckDbRuns.ColumnWriter>> writers = new ArrayList<>(runs);
                List<String> columns = DuckDbRuns.tableColumns(connection);
                for (int k = 0; k < runs; k++) {
                    runIds[k] = DuckDbRuns.nextRunId(connection);
                    List<DuckDbRuns.ColumnWriter> run = new ArrayList<>(columns.size());
                    for (String column : columns) {
                        run.add(DuckDbRuns.writer(column, runIds[k]));
                    }
                    writers.add(run);
                }
                long customers = append(connection, provenances, writers, results);
                List<RunHeader> headers = new ArrayList<>(runs);
                for (int k = 0; k < runs; k++) {
                    RunHeader header = new RunHeader(runIds[k], provenances.get(k), customers);
                    DuckDbRuns.insertHeader(connection, header);
                    headers.add(header);
                }
                connection.commit();
                return List.copyOf(headers);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store the runs: " + e.getMessage(), e);
        }
    }

    private static long append(
            DuckDBConnection connection,
            List<RunProvenance> provenances,
            List<List<DuckDbRuns.ColumnWriter>> writers,
            Iterator<List<Classification>> results)
            throws SQLException {
        int runs = provenances.size();
        List<DuckDBAppender> appenders = new ArrayList<>(runs);
        try {
            for (int k = 0; k < runs; k++) {
                appenders.add(connection.createAppender("run_results"));
            }
            long count = 0;
            String previous = null;
            while (results.hasNext()) {
                List<Classification> customer = results.next();
                if (customer.size() != runs) {
                    throw new IllegalArgumentException(
                            customer.size() + " results for a customer, not one for each of the " + runs + " runs");
                }
                String id = customer.get(0).customerId();
                for (int k = 0; k < runs; k++) {
                    Classification classification = customer.get(k);
                    if (!classification.customerId().equals(id)) {
                        throw new IllegalArgumentException(
                                "the results of " + id + " include one of " + classification.customerId());
                    }
                    DuckDbRuns.check(classification, provenances.get(k), previous);
                    RunResult result = RunResult.of(classification);
                    DuckDBAppender appender = appenders.get(k);
                    appender.beginRow();
                    for (DuckDbRuns.ColumnWriter writer : writers.get(k)) {
                        writer.write(appender, result);
                    }
                    appender.endRow();
                }
                previous = id;
                count++;
            }
            for (DuckDBAppender appender : appenders) {
                appender.close();
            }
            return count;
        } catch (SQLException | RuntimeException e) {
            for (DuckDBAppender appender : appenders) {
                try {
                    appender.close();
                } catch (SQLException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }
}
