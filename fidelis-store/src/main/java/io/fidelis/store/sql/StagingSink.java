package io.fidelis.store.sql;

import io.fidelis.core.domain.Complaint;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.Survey;
import io.fidelis.store.Reject;
import io.fidelis.store.StoreException;
import io.fidelis.store.csv.RowSink;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.LongConsumer;

/**
 * Stages one file's rows in its staging table's column order (see {@link StoredTable}), and its rejects; the store
 * says how a row's cells are written (DuckDB's Appender, PostgreSQL's COPY). Not thread-safe: one file, one thread.
 */
public abstract class StagingSink implements RowSink, AutoCloseable {

    private static final int PROGRESS_EVERY = 8192;

    private final StagingArea area;
    /** The table staged. */
    protected final StoredTable table;
    /** The file's name, as rejects give it. */
    protected final String file;

    private final LongConsumer linesRead;
    private long seq;
    private long arrival;
    private long count;
    private long staged;
    private long rowsRejected;

    protected StagingSink(StagingArea area, StoredTable table, String file, int index, LongConsumer linesRead) {
        this.area = area;
        this.table = table;
        this.file = file;
        this.linesRead = linesRead;
        this.seq = index * StagingArea.FILE_STRIDE;
        this.arrival = index * StagingArea.FILE_STRIDE;
    }

    /** Starts a row of the staging table. */
    protected abstract void beginRow() throws SQLException;

    protected abstract void appendLong(long value) throws SQLException;

    protected abstract void appendInt(int value) throws SQLException;

    /** Each of these takes null for a NULL cell. */
    protected abstract void appendText(String value) throws SQLException;

    protected abstract void appendDate(LocalDate value) throws SQLException;

    protected abstract void appendDecimal(BigDecimal value) throws SQLException;

    protected abstract void appendBoolean(Boolean value) throws SQLException;

    /** Ends the row. */
    protected abstract void endRow() throws SQLException;

    /**
     * Adds a reject of a row that never reached its staging table (so it has no seq) to {@code stg_rejects}:
     * {@code (NULL, table order, file, line, column, value, rule, message, arrival)}.
     */
    protected abstract void appendReject(Reject reject, long arrival) throws SQLException;

    /** Writes what was staged. */
    @Override
    public abstract void close() throws SQLException;

    /** Rows staged: passed to the cross-row rules. */
    public final long staged() {
        return staged;
    }

    /** Rows the store itself rejected while staging (values finer than it keeps); the reader counts its own. */
    public final long rowsRejected() {
        return rowsRejected;
    }

    @Override
    public final void row(Record record, long line) {
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
    public final void reject(Reject reject) {
        try {
            appendReject(reject, ++arrival);
        } catch (SQLException e) {
            throw new StoreException("could not record a reject of " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public final void warning(String warnedFile, String message) {
        area.warn(warnedFile + ": " + message);
    }

    private boolean customer(Customer c, long line) throws SQLException {
        begin();
        appendText(c.id());
        appendText(c.name());
        appendText(c.industry());
        appendText(c.region());
        appendText(c.size() == null ? null : c.size().code());
        appendText(c.groupId());
        appendDate(c.onboardedOn());
        appendDate(c.closedOn());
        appendText(c.closeReason() == null ? null : c.closeReason().code());
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
        appendText(l.id());
        appendText(l.customerId());
        appendText(l.product().code());
        appendDecimal(amount);
        appendText(l.currency());
        appendDecimal(rate);
        appendDate(l.startDate());
        appendDate(l.maturityDate());
        appendText(l.status().code());
        appendDate(l.statusDate());
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
        appendText(i.loanId());
        appendInt(i.number());
        appendDate(i.dueDate());
        appendDecimal(due);
        appendDate(i.paidDate());
        appendDecimal(paid);
        end(line);
        return true;
    }

    private boolean complaint(Complaint c, long line) throws SQLException {
        begin();
        appendText(c.id());
        appendText(c.customerId());
        appendDate(c.receivedOn());
        appendText(c.category() == null ? null : c.category().code());
        appendText(c.severity() == null ? null : c.severity().code());
        appendDate(c.resolvedOn());
        appendBoolean(c.escalated());
        end(line);
        return true;
    }

    private boolean survey(Survey s, long line) throws SQLException {
        begin();
        appendText(s.customerId());
        appendDate(s.surveyedOn());
        integer(s.satisfaction());
        integer(s.nps());
        end(line);
        return true;
    }

    private boolean interaction(Interaction i, long line) throws SQLException {
        begin();
        appendText(i.customerId());
        appendDate(i.occurredOn());
        appendText(i.type().code());
        appendText(i.channel() == null ? null : i.channel().code());
        end(line);
        return true;
    }

    private void integer(Integer value) throws SQLException {
        if (value == null) {
            appendText(null);
        } else {
            appendInt(value);
        }
    }

    /**
     * The value at the stored scale, or null (and a reject) when it has finer digits than the store keeps: an amount
     * is never silently rounded.
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
        appendReject(
                new Reject(
                        file,
                        line,
                        column,
                        value.toPlainString(),
                        "amount.precision",
                        "the store keeps at most " + scale + " decimal places and "
                                + (StoredTable.PRECISION - scale) + " digits before the point;"
                                + " round the value in the source"),
                ++arrival);
        return null;
    }

    private void begin() throws SQLException {
        beginRow();
        appendLong(++seq);
    }

    private void end(long line) throws SQLException {
        appendText(file);
        appendLong(line);
        endRow();
    }
}
