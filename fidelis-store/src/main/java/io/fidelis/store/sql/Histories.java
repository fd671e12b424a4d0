package io.fidelis.store.sql;

import io.fidelis.core.domain.Channel;
import io.fidelis.core.domain.CloseReason;
import io.fidelis.core.domain.Coded;
import io.fidelis.core.domain.CompanySize;
import io.fidelis.core.domain.Complaint;
import io.fidelis.core.domain.ComplaintCategory;
import io.fidelis.core.domain.Customer;
import io.fidelis.core.domain.CustomerHistory;
import io.fidelis.core.domain.Installment;
import io.fidelis.core.domain.Interaction;
import io.fidelis.core.domain.InteractionType;
import io.fidelis.core.domain.Loan;
import io.fidelis.core.domain.LoanStatus;
import io.fidelis.core.domain.Product;
import io.fidelis.core.domain.Severity;
import io.fidelis.core.domain.Survey;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Streams customer histories (the connections must see one state of the book: DuckDB's do, as one process writes
 * it; PostgreSQL's share a snapshot): the customers ordered by id, in batches; for each batch one query per other table for
 * that range of ids, ordered by customer id, each on its own connection (a DuckDB connection streams one result at
 * a time), merged here. Memory holds one batch of customers and what DuckDB needs to sort one batch's records,
 * whatever the size of the book: sorting whole tables at once took 6 GB for a book of 1M customers.
 */
public final class Histories {

    /** Customers per batch: about 4M records of a typical book, sorted in a few hundred MB. */
    public static final int BATCH = 100_000;

    /** Where each query's filter on customer_id goes. */
    private static final String RANGE = " {where}";

    private Histories() {}

    public static void forEach(Connections connection, int batchSize, Consumer<CustomerHistory> consumer)
            throws SQLException {
        forEach(connection, batchSize, null, consumer);
    }

    /** The history of one customer, read with the same queries restricted to its id. */
    public static Optional<CustomerHistory> one(Connections connection, String customerId) throws SQLException {
        List<CustomerHistory> found = new ArrayList<>(1);
        forEach(connection, 1, customerId, found::add);
        return found.stream().findFirst();
    }

    /** Every customer's own row (no records), in no particular order: for views by industry, region or size. */
    public static void forEachCustomer(Connections connections, Consumer<Customer> consumer) throws SQLException {
        try (Connection connection = connections.open();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT customer_id, name, industry, region, size, group_id, "
                        + days("onboarded_on") + ", " + days("closed_on") + ", close_reason FROM customers")) {
            while (rows.next()) {
                consumer.accept(customer(rows, rows.getString(1)));
            }
        }
    }

    /** Every history, or only {@code customerId}'s when it is not null. */
    private static void forEach(
            Connections connection, int batchSize, String customerId, Consumer<CustomerHistory> consumer)
            throws SQLException {
        try (Cursor<Customer> customers = new Cursor<>(
                        connection,
                        "SELECT customer_id, name, industry, region, size, group_id, " + days("onboarded_on") + ", "
                                + days("closed_on") + ", close_reason FROM customers" + RANGE + " ORDER BY customer_id",
                        Histories::customer);
                Cursor<Loan> loans = new Cursor<>(
                        connection,
                        "SELECT customer_id, loan_id, product, amount, currency, annual_rate, "
                                + days("start_date") + ", " + days("maturity_date") + ", status, "
                                + days("status_date") + " FROM loans" + RANGE + " ORDER BY customer_id, loan_id",
                        Histories::loan);
                Cursor<Installment> installments = new Cursor<>(
                        connection,
                        // ids only where they change: decoding the same id string for each of a loan's 20 or
                        // more installments cost about half of the scan
                        windowed(
                                whenChanged("customer_id") + ", " + whenChanged("loan_id") + ", installment_no, "
                                        + days("due_date") + ", due_amount, " + days("paid_date") + ", paid_amount",
                                "installments",
                                "customer_id, loan_id, installment_no"),
                        new InstallmentRows());
                Cursor<Complaint> complaints = new Cursor<>(
                        connection,
                        "SELECT customer_id, complaint_id, " + days("received_on") + ", category, severity, "
                                + days("resolved_on") + ", escalated FROM complaints" + RANGE
                                + " ORDER BY customer_id, received_on, complaint_id",
                        Histories::complaint);
                Cursor<Survey> surveys = new Cursor<>(
                        connection,
                        "SELECT customer_id, " + days("surveyed_on") + ", satisfaction, nps FROM surveys" + RANGE
                                + " ORDER BY customer_id, surveyed_on",
                        Histories::survey);
                Cursor<Interaction> interactions = new Cursor<>(
                        connection,
                        windowed(
                                whenChanged("customer_id") + ", " + days("occurred_on") + ", type, channel",
                                "interactions",
                                "customer_id, occurred_on, type, channel NULLS FIRST"),
                        Histories::interaction)) {
            List<Cursor<?>> children = List.of(loans, installments, complaints, surveys, interactions);
            List<Customer> batch = new ArrayList<>();
            customers.open(customerId == null ? "" : "WHERE customer_id = " + literal(customerId));
            while (customers.current != null) {
                batch.clear();
                while (customers.current != null && batch.size() < batchSize) {
                    batch.add(customers.current);
                    customers.advance();
                }
                for (Cursor<?> child : children) {
                    child.open(
                            "WHERE customer_id BETWEEN " + literal(batch.get(0).id()) + " AND "
                                    + literal(batch.get(batch.size() - 1).id()));
                }
                for (Customer customer : batch) {
                    String id = customer.id();
                    consumer.accept(new CustomerHistory(
                            customer,
                            loans.take(id),
                            installments.take(id),
                            complaints.take(id),
                            surveys.take(id),
                            interactions.take(id)));
                }
            }
        }
    }

    /**
     * A query whose rows are numbered in the window {@code w} and returned in that order, so that {@link
     * #whenChanged} columns can be read against the row before: the cursor checks the numbers (the last column), and
     * a result out of order fails instead of giving records to the wrong customer or loan. Ordering by the number
     * also keeps equal rows (two identical interactions) in one order.
     */
    private static String windowed(String columns, String table, String order) {
        return "SELECT " + columns + ", ROW_NUMBER() OVER w AS row_no FROM " + table + RANGE + " WINDOW w AS (ORDER BY "
                + order + ") ORDER BY row_no";
    }

    /** A SQL string literal. */
    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Compares ids by Unicode code point, the order in which DuckDB sorts their UTF-8 bytes. */
    public static int compareIds(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet row, String customerId) throws SQLException;

        /** Called before the query runs again. */
        default void reset() {}
    }

    /**
     * A result ordered by customer id (its first column, which may be null where it repeats the previous row's),
     * read one row ahead.
     */
    private static final class Cursor<T> implements AutoCloseable {
        private final Connection connection;
        private final String query;
        // a plain statement, with the ids written into the query: DuckDB JDBC 2.0.0.1 was seen to stream a prepared
        // statement's large sorted result rotated (starting mid-way, wrapping round)
        private final Statement statement;
        private final RowMapper<T> mapper;
        private ResultSet rows;
        private boolean numbered;
        private int numberColumn;
        private long number;
        T current;
        String key;

        Cursor(Connections database, String query, RowMapper<T> mapper) throws SQLException {
            this.connection = database.open();
            try {
                this.statement = connection.createStatement();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            this.query = query;
            this.mapper = mapper;
        }

        /** Runs the query (again) with {@code where} (a filter on customer_id, or nothing). */
        void open(String where) throws SQLException {
            if (rows != null) {
                rows.close();
            }
            rows = statement.executeQuery(query.replace("{where}", where));
            numberColumn = rows.getMetaData().getColumnCount();
            numbered = "row_no".equals(rows.getMetaData().getColumnLabel(numberColumn));
            number = 0;
            mapper.reset();
            key = null;
            advance();
        }

        void advance() throws SQLException {
            if (rows.next()) {
                if (numbered && rows.getLong(numberColumn) != ++number) {
                    throw new IllegalStateException("the store returned rows out of their order: " + query);
                }
                String changed = rows.getString(1);
                if (changed != null && !changed.equals(key)) {
                    if (key != null && compareIds(changed, key) < 0) {
                        throw new IllegalStateException(
                                "the store returned customer " + changed + " after " + key + ": rows out of order");
                    }
                    key = changed;
                } else if (key == null) {
                    throw new IllegalStateException("the store's first row names no customer: rows out of order");
                }
                current = mapper.map(rows, key);
            } else {
                key = null;
                current = null;
            }
        }

        /**
         * The rows of customer {@code id}. A row of an id before it would belong to no customer: the import's
         * reference rules keep such rows out of the book, so meeting one means the book is broken, and it is an
         * error rather than a row silently dropped.
         */
        List<T> take(String id) throws SQLException {
            List<T> taken = null;
            while (current != null) {
                int order = key.equals(id) ? 0 : compareIds(key, id);
                if (order > 0) {
                    break;
                }
                if (order < 0) {
                    throw new IllegalStateException(
                            "the store holds a record of customer " + key + ", who is not in customers");
                }
                if (taken == null) {
                    taken = new ArrayList<>();
                }
                taken.add(current);
                advance();
            }
            return taken == null ? List.of() : taken;
        }

        @Override
        public void close() throws SQLException {
            try (connection;
                    statement;
                    ResultSet last = rows) {
                // closes all three, the result first
            }
        }
    }

    private static final Map<String, CompanySize> SIZES = codes(CompanySize.class);
    private static final Map<String, CloseReason> CLOSE_REASONS = codes(CloseReason.class);
    private static final Map<String, Product> PRODUCTS = codes(Product.class);
    private static final Map<String, LoanStatus> STATUSES = codes(LoanStatus.class);
    private static final Map<String, ComplaintCategory> CATEGORIES = codes(ComplaintCategory.class);
    private static final Map<String, Severity> SEVERITIES = codes(Severity.class);
    private static final Map<String, InteractionType> INTERACTION_TYPES = codes(InteractionType.class);
    private static final Map<String, Channel> CHANNELS = codes(Channel.class);

    private static Customer customer(ResultSet r, String customerId) throws SQLException {
        return new Customer(
                customerId,
                r.getString(2),
                r.getString(3),
                r.getString(4),
                code(SIZES, r.getString(5)),
                r.getString(6),
                date(r, 7),
                date(r, 8),
                code(CLOSE_REASONS, r.getString(9)));
    }

    private static Loan loan(ResultSet r, String customerId) throws SQLException {
        return new Loan(
                r.getString(2),
                customerId,
                code(PRODUCTS, r.getString(3)),
                amount(r, 4),
                r.getString(5),
                rate(r.getBigDecimal(6)),
                date(r, 7),
                date(r, 8),
                code(STATUSES, r.getString(9)),
                date(r, 10));
    }

    /** Maps installment rows whose loan id is null when it is the previous row's (see {@link #windowed}). */
    private static final class InstallmentRows implements RowMapper<Installment> {
        private String loanId;

        @Override
        public Installment map(ResultSet r, String customerId) throws SQLException {
            String changed = r.getString(2);
            if (changed != null) {
                loanId = changed;
            }
            return new Installment(loanId, r.getInt(3), date(r, 4), amount(r, 5), date(r, 6), amount(r, 7));
        }

        @Override
        public void reset() {
            loanId = null;
        }
    }

    /** The column where it differs from the previous row's in window {@code w}, else null. */
    private static String whenChanged(String column) {
        return "CASE WHEN " + column + " IS DISTINCT FROM LAG(" + column + ") OVER w THEN " + column + " END";
    }

    private static Complaint complaint(ResultSet r, String customerId) throws SQLException {
        boolean flag = r.getBoolean(7);
        // wasNull speaks of the column read last: ask it before reading resolved_on
        Boolean escalated = r.wasNull() ? null : flag;
        return new Complaint(
                r.getString(2),
                customerId,
                date(r, 3),
                code(CATEGORIES, r.getString(4)),
                code(SEVERITIES, r.getString(5)),
                date(r, 6),
                escalated);
    }

    private static Survey survey(ResultSet r, String customerId) throws SQLException {
        return new Survey(customerId, date(r, 2), integer(r, 3), integer(r, 4));
    }

    private static Interaction interaction(ResultSet r, String customerId) throws SQLException {
        return new Interaction(
                customerId, date(r, 2), code(INTERACTION_TYPES, r.getString(3)), code(CHANNELS, r.getString(4)));
    }

    /**
     * A date column as days since 1970-01-01 (portable date arithmetic): reading an int is many times faster than the
     * driver's LocalDate, which goes through java.sql.Date and the default time zone.
     */
    private static String days(String column) {
        return "CAST(" + column + " - DATE '1970-01-01' AS INTEGER)";
    }

    private static LocalDate date(ResultSet r, int column) throws SQLException {
        int days = r.getInt(column);
        return r.wasNull() ? null : LocalDate.ofEpochDay(days);
    }

    private static Integer integer(ResultSet r, int column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? null : value;
    }

    /**
     * An amount, given back with its cents and only the finer digits it has (the store keeps 4 decimals, so 100 would
     * otherwise come back as 100.0000). Works on the unscaled long: stripTrailingZeros was a tenth of the scan.
     */
    private static BigDecimal amount(ResultSet r, int column) throws SQLException {
        BigDecimal stored = r.getBigDecimal(column);
        if (stored == null) {
            return null;
        }
        return amount(stored.setScale(StoredTable.AMOUNT_SCALE).unscaledValue().longValueExact());
    }

    static BigDecimal amount(long units) {
        if (units % 100 == 0) {
            return BigDecimal.valueOf(units / 100, 2);
        }
        return units % 10 == 0 ? BigDecimal.valueOf(units / 10, 3) : BigDecimal.valueOf(units, 4);
    }

    static BigDecimal rate(BigDecimal stored) {
        if (stored == null) {
            return null;
        }
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 1 ? stored.setScale(1) : stripped;
    }

    private static <E extends Enum<E> & Coded> Map<String, E> codes(Class<E> type) {
        Map<String, E> byCode = new HashMap<>();
        for (E value : type.getEnumConstants()) {
            byCode.put(value.code(), value);
        }
        return Map.copyOf(byCode);
    }

    private static <E> E code(Map<String, E> byCode, String code) {
        if (code == null) {
            return null;
        }
        E value = byCode.get(code);
        if (value == null) {
            throw new IllegalStateException("the store holds an unknown code '" + code + "'");
        }
        return value;
    }
}
