package io.fidelis.store.duckdb;

import io.fidelis.store.ImportListener;
import io.fidelis.store.Reject;
import io.fidelis.store.SourceFile;
import io.fidelis.store.sql.StagingArea;
import io.fidelis.store.sql.StagingSink;
import io.fidelis.store.sql.StoredTable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.function.LongConsumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The staging tables of one import in DuckDB, filled through appenders. They live in an in-memory database attached
 * to the store's ({@value #DATABASE}): appending there is half again as fast as into the database file, nothing of an
 * import is written to the file before it commits, and DuckDB spills it to its temporary folder beyond its memory
 * limit, so the Java heap never holds a table. Several files are staged at once, each through its own connection.
 */
final class Staging extends StagingArea {

    /** The attached in-memory database holding the staging tables. */
    static final String DATABASE = "fidelis_stage";

    Staging() {
        super(DATABASE + ".main.");
    }

    @Override
    public void create(Connection connection) throws SQLException {
        drop(connection);
        try (Statement sql = connection.createStatement()) {
            sql.execute("ATTACH ':memory:' AS " + DATABASE);
            for (String ddl : createTables("")) {
                sql.execute(ddl);
            }
        }
    }

    /** Detaches the staging database, which frees all it held. */
    @Override
    public void drop(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("DETACH DATABASE IF EXISTS " + DATABASE);
        }
    }

    /** A book imported before 2026-11-29 is rewritten once in history order ({@link BookOrder}). */
    @Override
    public void merged(Connection connection, ImportListener listener) throws SQLException {
        if (!BookOrder.inOrder(connection)) {
            listener.step("storing the book customer by customer (once, for a workspace imported before 2026-11-29)");
            BookOrder.restore(connection);
        }
    }

    /** Threads reading files: the cores, at most 4; the system property fidelis.import.threads overrides it. */
    @Override
    public int threads() {
        String configured = System.getProperty("fidelis.import.threads");
        if (configured != null) {
            return Integer.parseInt(configured.strip());
        }
        return Math.min(4, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public Connection connectionForThread(Connection importConnection) throws SQLException {
        return ((DuckDBConnection) importConnection).duplicate();
    }

    @Override
    public StagingSink sinkFor(Connection connection, SourceFile file, int index, LongConsumer linesRead)
            throws SQLException {
        return new FileSink((DuckDBConnection) connection, StoredTable.of(file.table()), file.name(), index, linesRead);
    }

    /** Stages one file's rows through two appenders. */
    private final class FileSink extends StagingSink {
        private final DuckDBAppender rows;
        private final DuckDBAppender rejects;

        FileSink(DuckDBConnection connection, StoredTable table, String file, int index, LongConsumer linesRead)
                throws SQLException {
            super(Staging.this, table, file, index, linesRead);
            this.rows = connection.createAppender(DATABASE, "main", table.stagingTable());
            try {
                this.rejects = connection.createAppender(DATABASE, "main", REJECTS_TABLE);
            } catch (SQLException e) {
                rows.close();
                throw e;
            }
        }

        @Override
        public void close() throws SQLException {
            try (rows;
                    rejects) {
                // closing an appender flushes it
            }
        }

        @Override
        protected void beginRow() throws SQLException {
            rows.beginRow();
        }

        @Override
        protected void appendLong(long value) throws SQLException {
            rows.append(value);
        }

        @Override
        protected void appendInt(int value) throws SQLException {
            rows.append(value);
        }

        @Override
        protected void appendText(String value) throws SQLException {
            if (value == null) {
                rows.appendNull();
            } else {
                rows.append(value);
            }
        }

        @Override
        protected void appendDate(LocalDate value) throws SQLException {
            if (value == null) {
                rows.appendNull();
            } else {
                rows.append(value);
            }
        }

        @Override
        protected void appendDecimal(BigDecimal value) throws SQLException {
            if (value == null) {
                rows.appendNull();
            } else {
                rows.append(value);
            }
        }

        @Override
        protected void appendBoolean(Boolean value) throws SQLException {
            if (value == null) {
                rows.appendNull();
            } else {
                rows.append(value.booleanValue());
            }
        }

        @Override
        protected void endRow() throws SQLException {
            rows.endRow();
        }

        @Override
        protected void appendReject(Reject reject, long arrival) throws SQLException {
            rejects.beginRow();
            rejects.appendNull();
            rejects.append(table.order());
            rejects.append(reject.file());
            rejects.append(reject.line());
            if (reject.column() == null) {
                rejects.appendNull();
            } else {
                rejects.append(reject.column());
            }
            if (reject.value() == null) {
                rejects.appendNull();
            } else {
                rejects.append(reject.value());
            }
            rejects.append(reject.rule());
            rejects.append(reject.message());
            rejects.append(arrival);
            rejects.endRow();
        }
    }
}
