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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBSingleValueAppender;

/**
 * A series of runs in the workspace's DuckDB database, in {@link DuckDbRuns}' tables.
 *
 * <p>The rows come customer by customer, every run at once; they are gathered for {@value #BLOCK} customers and then
 * written run by run. They are handed to DuckDB as Arrow record batches that one {@code INSERT} per writer reads
 * ({@link ArrowResults}), which DuckDB spreads over its own threads (insertion order is not kept, see there): one
 * writer thread, with a connection and a transaction of its own, stores the whole series ({@value #ARROW_WRITERS}
 * writer: a second one, splitting the runs, was measured at about 1.3 s slower over 36 runs of 100,000 customers,
 * the two competing for the same two cores). Where Arrow is not available, the rows go through DuckDB's
 * single-value Appender, as in {@link DuckDbRuns}, which works on the calling thread only, so the runs are split
 * between {@value #APPENDER_WRITERS} writers, the first taking the first half of the runs; the Appender is
 * deprecated but measured at about half the CPU time per row of the chunk Appender (which hands DuckDB every 2,048
 * rows, a cost that a series of 36 runs of 100,000 customers pays 1,800 times) and is flushed every {@value
 * #FLUSH_ROWS} rows (a DuckDB row group), which bounds the native memory.
 *
 * <p>A run's rows and its header are in its writer's transaction, so each run is stored whole or not at all; the
 * transactions are committed one after the other only once every writer has written all its runs, so that a failure
 * while classifying or writing leaves no run of the series. (With two Appender writers, only a failing commit, such
 * as a full disk between the two commits, could leave the first half of the series without the second.)
 *
 * <p>Use it from one thread at a time (the rows iterator may be fed by other threads) and not after the book store is
 * closed.
 */
public final class DuckDbRunSeries implements RunSeries {

    /** Writer threads through Arrow, each with its own connection and transaction. */
    static final int ARROW_WRITERS = 1;

    /** Writer threads through the Appender, each with its own connection and transaction. */
    static final int APPENDER_WRITERS = 2;

    /**
     * Customers gathered before their results are written run by run. Small, because the blocks in flight are what
     * the garbage collector copies at each young collection: with 1,024 customers (of 36 runs) those pauses added up
     * to 9.4 s in a series of 100,000 customers, with 256 to 3.4 s.
     */
    static final int BLOCK = 256;

    /** Rows an Appender gathers before it hands them to the table: one DuckDB row group. */
    static final int FLUSH_ROWS = DuckDbRuns.FLUSH_ROWS;

    private final DuckDBConnection database;
    private final boolean arrow;

    private DuckDbRunSeries(DuckDBConnection database, boolean arrow) {
        this.database = database;
        this.arrow = arrow;
    }

    /** The runs kept in {@code book}'s database, creating their tables if needed. */
    public static DuckDbRunSeries of(DuckDbBookStore book) {
        DuckDbRuns.of(book);
        return new DuckDbRunSeries(book.connection(), ArrowResults.available());
    }

    /** The runs kept in {@code book}'s database, always written through the Appender (to compare the two ways). */
    static DuckDbRunSeries throughAppender(DuckDbBookStore book) {
        DuckDbRuns.of(book);
        return new DuckDbRunSeries(book.connection(), false);
    }

    @Override
    public List<RunHeader> save(List<RunProvenance> provenances, Iterator<List<Row>> rows) {
        if (provenances.isEmpty()) {
            throw new IllegalArgumentException("a series of runs needs at least one provenance");
        }
        int runs = provenances.size();
        List<Writer> writers = new ArrayList<>(APPENDER_WRITERS);
        try {
            long[] runIds = new long[runs];
            List<String> columns;
            try (DuckDBConnection connection = database.duplicate()) {
                columns = DuckDbRuns.tableColumns(connection);
                for (int k = 0; k < runs; k++) {
                    runIds[k] = DuckDbRuns.nextRunId(connection);
                }
            }
            int count = Math.min(arrow ? ARROW_WRITERS : APPENDER_WRITERS, runs);
            for (int w = 0; w < count; w++) {
                int first = w * runs / count;
                int end = (w + 1) * runs / count;
                writers.add(new Writer(database.duplicate(), columns, runIds, first, end, w + 1, arrow));
            }
            writers.forEach(Writer::start);
            long customers = append(provenances, rows, writers);
            List<RunHeader> headers = new ArrayList<>(runs);
            for (int k = 0; k < runs; k++) {
                headers.add(new RunHeader(runIds[k], provenances.get(k), customers));
            }
            for (Writer writer : writers) {
                writer.finish(headers);
            }
            for (Writer writer : writers) {
                writer.connection.commit();
            }
            return List.copyOf(headers);
        } catch (SQLException e) {
            abort(writers, e);
            throw new StoreException("cannot store the runs: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            abort(writers, e);
            throw e;
        } finally {
            for (Writer writer : writers) {
                try {
                    writer.connection.close();
                } catch (SQLException ignored) {
                    // closing after a commit or a rollback: nothing left to lose
                }
            }
        }
    }

    private static void abort(List<Writer> writers, Throwable cause) {
        for (Writer writer : writers) {
            writer.stop();
        }
        for (Writer writer : writers) {
            try {
                writer.join();
                writer.connection.rollback();
            } catch (SQLException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** Checks the rows and hands them to the writers block by block; returns the number of customers. */
    private static long append(List<RunProvenance> provenances, Iterator<List<Row>> rows, List<Writer> writers) {
        int runs = provenances.size();
        List<List<RunResult>> block = newBlock(runs);
        long count = 0;
        String previous = null;
        while (rows.hasNext()) {
            List<Row> customer = rows.next();
            String id = DuckDbRuns.checkSeries(customer, provenances, previous);
            for (int k = 0; k < runs; k++) {
                block.get(k).add(customer.get(k).result());
            }
            previous = id;
            count++;
            if (block.get(0).size() == BLOCK) {
                for (Writer writer : writers) {
                    writer.hand(block);
                }
                block = newBlock(runs);
            }
        }
        for (Writer writer : writers) {
            writer.hand(block);
        }
        return count;
    }

    private static List<List<RunResult>> newBlock(int runs) {
        List<List<RunResult>> block = new ArrayList<>(runs);
        for (int k = 0; k < runs; k++) {
            block.add(new ArrayList<>(BLOCK));
        }
        return block;
    }

    /** Writes runs {@code first} (included) to {@code end} (excluded) of the series on a thread and connection. */
    private static final class Writer {
        private static final List<List<RunResult>> END = List.of();

        private final DuckDBConnection connection;
        private final List<List<DuckDbRuns.ColumnWriter>> columnWriters;
        private final int first;
        private final int end;
        private final int number;
        private final boolean arrow;
        private final BlockingQueue<List<List<RunResult>>> blocks = new ArrayBlockingQueue<>(1);
        private final Thread thread;
        private volatile boolean stopped;
        private volatile Throwable failure;

        Writer(
                DuckDBConnection connection,
                List<String> columns,
                long[] runIds,
                int first,
                int end,
                int number,
                boolean arrow)
                throws SQLException {
            this.connection = connection;
            this.first = first;
            this.end = end;
            this.number = number;
            this.arrow = arrow;
            connection.setAutoCommit(false);
            this.columnWriters = new ArrayList<>(end - first);
            for (int k = first; k < end; k++) {
                List<DuckDbRuns.ColumnWriter> run = new ArrayList<>(columns.size());
                for (String column : columns) {
                    run.add(DuckDbRuns.writer(column, runIds[k]));
                }
                columnWriters.add(run);
            }
            this.thread = new Thread(this::write, "fidelis-write-runs-" + number);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        /** Hands this writer its runs' part of a block, waiting while it is busy. */
        void hand(List<List<RunResult>> block) {
            put(block.subList(first, end));
        }

        /** Waits for the writer to write everything handed to it, then inserts its runs' headers. */
        void finish(List<RunHeader> headers) throws SQLException {
            put(END);
            join();
            rethrowFailure();
            for (int k = first; k < end; k++) {
                DuckDbRuns.insertHeader(connection, headers.get(k));
            }
        }

        void stop() {
            stopped = true;
            thread.interrupt();
        }

        void join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing the runs", e);
            }
        }

        private void put(List<List<RunResult>> part) {
            try {
                while (!blocks.offer(part, 100, TimeUnit.MILLISECONDS)) {
                    rethrowFailure();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing the runs", e);
            }
        }

        private void rethrowFailure() {
            Throwable cause = failure;
            if (cause != null) {
                throw new StoreException("cannot store the runs: " + cause.getMessage(), cause);
            }
        }

        private void write() {
            try {
                if (arrow) {
                    ArrowResults.insert(
                            connection, "fidelis_series_rows_" + number, columnWriters, blocks, END, () -> stopped);
                } else {
                    append();
                }
            } catch (SQLException | RuntimeException | Error e) {
                failure = e;
            }
        }

        @SuppressWarnings("deprecation") // DuckDBSingleValueAppender: see the class comment
        private void append() throws SQLException {
            try (DuckDBSingleValueAppender appender =
                    connection.createSingleValueAppender(DuckDBConnection.DEFAULT_SCHEMA, "run_results")) {
                DuckDbRuns.Cells cells = DuckDbRuns.cells(appender);
                long written = 0;
                while (!stopped) {
                    List<List<RunResult>> part = blocks.take();
                    if (part == END) {
                        break;
                    }
                    for (int k = 0; k < part.size(); k++) {
                        List<DuckDbRuns.ColumnWriter> run = columnWriters.get(k);
                        for (RunResult result : part.get(k)) {
                            appender.beginRow();
                            for (DuckDbRuns.ColumnWriter writer : run) {
                                writer.write(cells, result);
                            }
                            appender.endRow();
                            if (++written % FLUSH_ROWS == 0) {
                                appender.flush();
                            }
                        }
                    }
                }
            } catch (InterruptedException e) {
                // stopped: the series is being rolled back
            }
        }
    }
}
