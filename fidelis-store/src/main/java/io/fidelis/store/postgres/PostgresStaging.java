package io.fidelis.store.postgres;

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
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The staging tables of one import in PostgreSQL: temporary tables of the import's session ({@code pg_temp}), so
 * several users importing at once never see each other's, loaded with COPY. A session's temporary tables live on one
 * connection, so files are staged one after the other. A file's rejects are kept in memory while its rows stream and
 * copied after them (one COPY at a time per connection).
 */
final class PostgresStaging extends StagingArea {

    /** Text in the book sorts and compares in code point order; staging must match it. */
    static final String COLLATE = " COLLATE \"C\"";

    private static final String REJECT_COLUMNS = "seq, table_ord, file, line, col, value, rule, message, arrival";

    PostgresStaging() {
        super("pg_temp.");
    }

    @Override
    public void create(Connection connection) throws SQLException {
        drop(connection);
        try (Statement sql = connection.createStatement()) {
            for (String ddl : createTables(COLLATE)) {
                sql.execute(ddl);
            }
        }
    }

    @Override
    public void drop(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            for (StoredTable table : StoredTable.values()) {
                tables.add(of(table));
                tables.add(table("diff_" + table.tableName()));
            }
            tables.add(rejects());
            sql.execute("DROP TABLE IF EXISTS " + String.join(", ", tables));
        }
    }

    /** Temporary tables are never analysed by autovacuum: without statistics the rules' joins were planned blind. */
    @Override
    public void staged(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        for (StoredTable table : StoredTable.values()) {
            tables.add(of(table));
        }
        tables.add(rejects());
        try (Statement sql = connection.createStatement()) {
            sql.execute("ANALYZE " + String.join(", ", tables));
        }
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public Connection connectionForThread(Connection importConnection) {
        return importConnection;
    }

    @Override
    public StagingSink sinkFor(Connection connection, SourceFile file, int index, LongConsumer linesRead)
            throws SQLException {
        return new CopySink(connection, StoredTable.of(file.table()), file.name(), index, linesRead);
    }

    /** Streams one file's rows into its staging table with COPY. */
    private final class CopySink extends StagingSink {
        private final Connection connection;
        private final CopyRows rows;
        private final List<Object[]> rejected = new ArrayList<>();

        CopySink(Connection connection, StoredTable table, String file, int index, LongConsumer linesRead)
                throws SQLException {
            super(PostgresStaging.this, table, file, index, linesRead);
            this.connection = connection;
            this.rows = new CopyRows(
                    connection, of(table), "seq, " + String.join(", ", table.columnNames()) + ", src_file, src_line");
        }

        @Override
        public void close() throws SQLException {
            rows.close();
            if (rejected.isEmpty()) {
                return;
            }
            try (CopyRows copy = new CopyRows(connection, rejects(), REJECT_COLUMNS)) {
                for (Object[] reject : rejected) {
                    copy.plain(null);
                    copy.plain(table.order());
                    copy.text((String) reject[0]);
                    copy.plain(reject[1]);
                    copy.text((String) reject[2]);
                    copy.text((String) reject[3]);
                    copy.text((String) reject[4]);
                    copy.text((String) reject[5]);
                    copy.plain(reject[6]);
                    copy.endRow();
                }
            }
        }

        @Override
        protected void beginRow() {
            // CopyRows starts a row with its first cell
        }

        @Override
        protected void appendLong(long value) throws SQLException {
            rows.plain(value);
        }

        @Override
        protected void appendInt(int value) throws SQLException {
            rows.plain(value);
        }

        @Override
        protected void appendText(String value) throws SQLException {
            rows.text(value);
        }

        @Override
        protected void appendDate(LocalDate value) throws SQLException {
            rows.plain(value);
        }

        @Override
        protected void appendDecimal(BigDecimal value) throws SQLException {
            rows.plain(value == null ? null : value.toPlainString());
        }

        @Override
        protected void appendBoolean(Boolean value) throws SQLException {
            rows.plain(value);
        }

        @Override
        protected void endRow() throws SQLException {
            rows.endRow();
        }

        @Override
        protected void appendReject(Reject reject, long arrival) {
            rejected.add(new Object[] {
                reject.file(), reject.line(), reject.column(), reject.value(), reject.rule(), reject.message(), arrival
            });
        }
    }

    /**
     * No: PostgreSQL reads a customer's rows through its indexes by customer (V1__book.sql), so the heap's order buys
     * classify nothing, and sorting every import cost 5% of its time (100k customers: 42.6 s against 40.6 s).
     */
    @Override
    public boolean writesInHistoryOrder() {
        return false;
    }
}
