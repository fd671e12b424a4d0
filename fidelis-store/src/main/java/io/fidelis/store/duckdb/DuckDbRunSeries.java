package io.fidelis.store.duckdb;

import io.fidelis.store.RunHeader;
import io.fidelis.store.RunProvenance;
import io.fidelis.store.RunResult;
import io.fidelis.store.RunSeries;
import io.fidelis.store.RunSeries.Row;
import io.fidelis.store.StoreException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBSingleValueAppender;

/**
 * A series of runs in the workspace's DuckDB database, in {@link DuckDbRuns}' tables, in one transaction.
 *
 * <p>The rows come customer by customer, every run at once; they are gathered for {@value #BLOCK} customers and
 * then written run by run, so that each run's rows lie in blocks of their own and reading one run skips most of the
 * others' rows. They go through DuckDB's single-value Appender, deprecated but measured at about half the CPU time
 * per row of the chunk Appender that {@link DuckDbRuns} uses (which hands DuckDB every 2,048 rows, a cost that a
 * series of 36 runs of 100,000 customers pays 1,800 times); it is flushed every {@value #FLUSH_ROWS} rows (a DuckDB
 * row group), which bounds the native memory. Should DuckDB drop it, {@link DuckDbRuns#cells} works here unchanged,
 * at that cost.
 *
 * <p>Use it from one thread at a time (the results iterator may be fed by other threads) and not after the book
 * store is closed.
 */
public final class DuckDbRunSeries implements RunSeries {

    /** Customers gathered before their results are written run by run. */
    static final int BLOCK = 1024;

    /** Rows the Appender gathers before it hands them to the table: one DuckDB row group. */
    static final int FLUSH_ROWS = 122_880;

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
    public List<RunHeader> save(List<RunProvenance> provenances, Iterator<List<Row>> rows) {
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
                long customers;
                try (Appending appending = new Appending(connection, writers)) {
                    customers = append(provenances, rows, appending);
                }
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

    private static long append(List<RunProvenance> provenances, Iterator<List<Row>> rows, Appending appending)
            throws SQLException {
        int runs = provenances.size();
        List<List<RunResult>> block = new ArrayList<>(runs);
        for (int k = 0; k < runs; k++) {
            block.add(new ArrayList<>(BLOCK));
        }
        long count = 0;
        String previous = null;
        while (rows.hasNext()) {
            List<Row> customer = rows.next();
            if (customer.size() != runs) {
                throw new IllegalArgumentException(
                        customer.size() + " results for a customer, not one for each of the " + runs + " runs");
            }
            String id = customer.get(0).customerId();
            for (int k = 0; k < runs; k++) {
                Row row = customer.get(k);
                if (!row.customerId().equals(id)) {
                    throw new IllegalArgumentException("the results of " + id + " include one of " + row.customerId());
                }
                DuckDbRuns.check(id, row.asOf(), row.policyId(), row.policyVersion(), provenances.get(k), previous);
                block.get(k).add(row.result());
            }
            previous = id;
            count++;
            if (block.get(0).size() == BLOCK) {
                appending.write(block);
            }
        }
        appending.write(block);
        return count;
    }

    /** The single Appender of a series and where its cells go; writes blocks run by run. */
    @SuppressWarnings("deprecation") // DuckDBSingleValueAppender: see the class comment
    private static final class Appending implements AutoCloseable {
        private final DuckDBSingleValueAppender appender;
        private final DuckDbRuns.Cells cells;
        private final List<List<DuckDbRuns.ColumnWriter>> writers;
        private long written;

        Appending(DuckDBConnection connection, List<List<DuckDbRuns.ColumnWriter>> writers) throws SQLException {
            this.appender = connection.createSingleValueAppender(DuckDBConnection.DEFAULT_SCHEMA, "run_results");
            this.cells = cells(appender);
            this.writers = writers;
        }

        /** Writes and empties each run's part of the block, run after run. */
        void write(List<List<RunResult>> block) throws SQLException {
            for (int k = 0; k < block.size(); k++) {
                List<DuckDbRuns.ColumnWriter> run = writers.get(k);
                for (RunResult result : block.get(k)) {
                    appender.beginRow();
                    for (DuckDbRuns.ColumnWriter writer : run) {
                        writer.write(cells, result);
                    }
                    appender.endRow();
                    if (++written % FLUSH_ROWS == 0) {
                        appender.flush();
                    }
                }
                block.get(k).clear();
            }
        }

        @Override
        public void close() throws SQLException {
            appender.close();
        }

        private static DuckDbRuns.Cells cells(DuckDBSingleValueAppender appender) {
            return new DuckDbRuns.Cells() {
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
}
