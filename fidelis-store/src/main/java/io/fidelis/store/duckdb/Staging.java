package io.fidelis.store.duckdb;

import io.fidelis.core.domain.Complaint;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.Survey;
import io.fidelis.store.Reject;
import io.fidelis.store.SourceFile;
import io.fidelis.store.StoreException;
import io.fidelis.store.csv.RowSink;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The staging tables of one import, filled through DuckDB appenders: every good row with its arrival number
 * ({@code seq}: the file's place in the import, then the row's place in the file, so rows sort in reading order
 * whichever thread read them) and source file and line, and every reject in {@code stg_rejects}. They live in an
 * in-memory database attached to the store's ({@value #DATABASE}): appending there is half again as fast as into
 * the database file, nothing of an import is written to the file before it commits, and DuckDB spills it to its
 * temporary folder beyond its memory limit, so the Java heap never holds a table. The tables are made anew at each
 * import and dropped after it. Several files may be staged at once, each through its own connection.
 */
final class Staging {

    /** The attached in-memory database holding the staging tables. */
    static final String DATABASE = "fidelis_stage";

    static final String REJECTS_TABLE = "stg_rejects";
    static final String REJECTS = DATABASE + ".main." + REJECTS_TABLE;
    private static final int PROGRESS_EVERY = 8192;
    private static final int MAX_WARNINGS = 100;
    /** Rows of one file fit below this; a file's seq numbers start at its index times this. */
    private static final long FILE_STRIDE = 1L << 40;

    private final List<String> warnings = new ArrayList<>();

    private Staging() {}

    /** Drops what an earlier (perhaps interrupted) import left and creates empty staging tables. */
    static Staging create(DuckDBConnection connection) throws SQLException {
        drop(connection);
        try (Statement sql = connection.createStatement()) {
            sql.execute("ATTACH ':memory:' AS " + DATABASE);
            for (StoredTable table : StoredTable.values()) {
                sql.execute(table.createStaging());
            }
            sql.execute("CREATE TABLE " + REJECTS + " (seq BIGINT, table_ord INTEGER NOT NULL, file VARCHAR NOT NULL,"
                    + " line BIGINT NOT NULL, col VARCHAR, value VARCHAR, rule VARCHAR NOT NULL,"
                    + " message VARCHAR NOT NULL, arrival BIGINT)");
        }
        return new Staging();
    }

    /** Detaches the staging database, which frees all it held. */
    static void drop(DuckDBConnection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("DETACH DATABASE IF EXISTS " + DATABASE);
        }
    }

    /**
     * A sink for the rows of the {@code index}-th file of the import, appending through {@code connection} (one per
     * thread); {@code linesRead} hears the line reached now and then. Close it to write what it staged.
     */
    FileSink sinkFor(DuckDBConnection connection, SourceFile file, int index, LongConsumer linesRead)
            throws SQLException {
        return new FileSink(connection, StoredTable.of(file.table()), file.name(), index, linesRead);
    }

    synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    synchronized void warn(String warning) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        }
    }

    /** Stages one file's rows; not thread-safe (one file, one thread). */
    final class FileSink implements RowSink, AutoCloseable {
        private final StoredTable table;
        private final String file;
        private final LongConsumer linesRead;
        private final DuckDBAppender rows;
        private final DuckDBAppender rejects;
        private long seq;
        private long arrival;
        private long count;
        private long staged;
        private long rowsRejected;

        FileSink(DuckDBConnection connection, StoredTable table, String file, int index, LongConsumer linesRead)
                throws SQLException {
            this.table = table;
            this.file = file;
            this.linesRead = linesRead;
            this.seq = index * FILE_STRIDE;
            this.arrival = index * FILE_STRIDE;
            this.rows = connection.createAppender(DATABASE, "main", table.stagingTable());
            try {
                this.rejects = connection.createAppender(DATABASE, "main", REJECTS_TABLE);
            } catch (SQLException e) {
                rows.close();
                throw e;
            }
        }

        /** Rows staged: passed to the cross-row rules. */
        long staged() {
            return staged;
        }

        /** Rows the store itself rejected while staging (values finer than it keeps); the reader counts its own. */
        long rowsRejected() {
            return rowsRejected;
        }

        /** Writes what was appended. */
        @Override
        public void close() throws SQLException {
            try (rows;
                    rejects) {
                // closing an appender flushes it
            }
        }

        @Override
        public void row(Record record, long line) {
            try {
                boolean kept = switch (table) {
                    case CUSTOMERS -> customer((Customer) record, line);
                    case LOANS -> loan((Loan) record, line);
                    case INSTALLMENTS -> installment((Installment) record, line);
                    case COMPLAINTS -> complaint((Complaint) record, line);
                    case SURVEYS -> survey((Survey) record, line);
                    case INTERACTIONS -> interaction((Interaction) record, line);
                };
                if (kept) {
                    staged++;
                }
            } catch (SQLException e) {
                throw new StoreException("could not stage " + file + ":" + line + ": " + e.getMessage(), e);
            }
            if (++count % PROGRESS_EVERY == 0) {
                linesRead.accept(line);
            }
        }

        @Override
        public void reject(Reject reject) {
            try {
                appendReject(reject);
            } catch (SQLException e) {
                throw new StoreException("could not record a reject of " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void warning(String warnedFile, String message) {
            warn(warnedFile + ": " + message);
        }

        private boolean customer(Customer c, long line) throws SQLException {
            begin();
            text(c.id());
            text(c.name());
            text(c.industry());
            text(c.region());
            text(c.size() == null ? null : c.size().code());
            text(c.groupId());
            date(c.onboardedOn());
            date(c.closedOn());
            text(c.closeReason() == null ? null : c.closeReason().code());
            end(line);
            return true;
        }

        private boolean loan(Loan l, long line) throws SQLException {
            BigDecimal amount = fit(l.amount(), StoredTable.AMOUNT_SCALE, "amount", line);
            BigDecimal rate = fit(l.annualRate(), StoredTable.RATE_SCALE, "annual_rate", line);
            if (amount == null || (rate == null && l.annualRate() != null)) {
                return false;
            }
            begin();
            text(l.id());
            text(l.customerId());
            text(l.product().code());
            rows.append(amount);
            text(l.currency());
            decimal(rate);
            date(l.startDate());
            date(l.maturityDate());
            text(l.status().code());
            date(l.statusDate());
            end(line);
            return true;
        }

        private boolean installment(Installment i, long line) throws SQLException {
            BigDecimal due = fit(i.dueAmount(), StoredTable.AMOUNT_SCALE, "due_amount", line);
            BigDecimal paid = fit(i.paidAmount(), StoredTable.AMOUNT_SCALE, "paid_amount", line);
            if (due == null || (paid == null && i.paidAmount() != null)) {
                return false;
            }
            begin();
            text(i.loanId());
            rows.append(i.number());
            date(i.dueDate());
            rows.append(due);
            date(i.paidDate());
            decimal(paid);
            end(line);
            return true;
        }

        private boolean complaint(Complaint c, long line) throws SQLException {
            begin();
            text(c.id());
            text(c.customerId());
            date(c.receivedOn());
            text(c.category() == null ? null : c.category().code());
            text(c.severity() == null ? null : c.severity().code());
            date(c.resolvedOn());
            if (c.escalated() == null) {
                rows.appendNull();
            } else {
                rows.append(c.escalated().booleanValue());
            }
            end(line);
            return true;
        }

        private boolean survey(Survey s, long line) throws SQLException {
            begin();
            text(s.customerId());
            date(s.surveyedOn());
            integer(s.satisfaction());
            integer(s.nps());
            end(line);
            return true;
        }

        private boolean interaction(Interaction i, long line) throws SQLException {
            begin();
            text(i.customerId());
            date(i.occurredOn());
            text(i.type().code());
            text(i.channel() == null ? null : i.channel().code());
            end(line);
            return true;
        }

        /**
         * The value at the stored scale, or null (and a reject) when it has finer digits than the store keeps: an
         * amount is never silently rounded.
         */
        private BigDecimal fit(BigDecimal value, int scale, String column, long line) throws SQLException {
            if (value == null) {
                return null;
            }
            try {
                BigDecimal fitted = value.setScale(scale, RoundingMode.UNNECESSARY);
                if (fitted.precision() <= StoredTable.PRECISION) {
                    return fitted;
                }
            } catch (ArithmeticException tooFine) {
                // reported below
            }
            rowsRejected++;
            appendReject(new Reject(
                    file,
                    line,
                    column,
                    value.toPlainString(),
                    "amount.precision",
                    "the store keeps at most " + scale + " decimal places and "
                            + (StoredTable.PRECISION - scale) + " digits before the point;"
                            + " round the value in the source"));
            return null;
        }

        private void begin() throws SQLException {
            rows.beginRow();
            rows.append(++seq);
        }

        private void end(long line) throws SQLException {
            rows.append(file);
            rows.append(line);
            rows.endRow();
        }

        private void text(String value) throws SQLException {
            if (value == null) {
                rows.appendNull();
            } else {
                rows.append(value);
            }
        }

        private void date(LocalDate value) throws SQLException {
            if (value == null) {
                rows.appendNull();
            } else {
                rows.append(value);
            }
        }

        private void decimal(BigDecimal value) throws SQLException {
            if (value == null) {
                rows.appendNull();
            } else {
                rows.append(value);
            }
        }

        private void integer(Integer value) throws SQLException {
            if (value == null) {
                rows.appendNull();
            } else {
                rows.append(value.intValue());
            }
        }

        /** A reject of a row that never reached its staging table, so it has no seq. */
        private void appendReject(Reject reject) throws SQLException {
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
            rejects.append(++arrival);
            rejects.endRow();
        }
    }
}
