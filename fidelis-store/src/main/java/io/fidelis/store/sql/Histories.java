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
import io.fidelis.store.CustomerRange;
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
 *
 * <p>Ways of reading the rows give the same histories (tests compare them record for record): through JDBC row by
 * row ({@link Reading#JDBC}, the reference, every store), or a store's own faster way (the DuckDB store reads Arrow
 * record batches: no per-string JNI objects and no window to mark where ids change).
 */
public final class Histories {

    /** How the rows of the queries are read: which form of each {@link Query}, and through what. */
    public interface Reading {
        /** Row by row through the JDBC result set, repeated ids nulled by a window: the reference. */
        Reading JDBC = new Reading() {
            @Override
            public String sql(Query query) {
                return query.jdbc();
            }

            @Override
            public Rows rows(ResultSet result, Query query, String sql) throws SQLException {
                return new JdbcRows(result, sql);
            }
        };

        /** The query's SQL in the form this way reads. */
        String sql(Query query);

        /** The rows of {@code result}, the result of {@code sql}. */
        Rows rows(ResultSet result, Query query, String sql) throws SQLException;
    }

    /** Customers per batch: about 4M records of a typical book, sorted in a few hundred MB. */
    public static final int BATCH = 100_000;

    /** Where each query's filter on customer_id goes. */
    private static final String RANGE = " {where}";

    private static final Query CUSTOMERS = Query.plain(
            "customer_id, name, industry, region, size, group_id, " + days("onboarded_on") + ", " + days("closed_on")
                    + ", close_reason",
            "customers",
            StoredTable.CUSTOMERS.historyOrder);
    private static final Query LOANS = Query.plain(
            "customer_id, loan_id, product, amount, currency, annual_rate, " + days("start_date") + ", "
                    + days("maturity_date") + ", status, " + days("status_date"),
            "loans",
            StoredTable.LOANS.historyOrder);
    // ids only where they change: decoding the same id string for each of a loan's 20 or more installments cost
    // about half of the scan
    private static final Query INSTALLMENTS = Query.windowed(
            List.of("customer_id", "loan_id"),
            "installment_no, " + days("due_date") + ", due_amount, " + days("paid_date") + ", paid_amount",
            "installments",
            StoredTable.INSTALLMENTS.historyOrder);
    private static final Query COMPLAINTS = Query.plain(
            "customer_id, complaint_id, " + days("received_on") + ", category, severity, " + days("resolved_on")
                    + ", escalated",
            "complaints",
            StoredTable.COMPLAINTS.historyOrder);
    private static final Query SURVEYS = Query.plain(
            "customer_id, " + days("surveyed_on") + ", satisfaction, nps", "surveys", StoredTable.SURVEYS.historyOrder);
    private static final Query INTERACTIONS = Query.windowed(
            List.of("customer_id"),
            days("occurred_on") + ", type, channel",
            "interactions",
            StoredTable.INTERACTIONS.historyOrder);

    /**
     * The six queries a history is read with (customers, loans, installments, complaints, surveys, interactions), each
     * with {@code {where}} where a filter on customer_id goes: for bench/ClassifyFloors.java, which times DuckDB giving
     * these rows without mapping them.
     */
    public static final List<Query> QUERIES =
            List.of(CUSTOMERS, LOANS, INSTALLMENTS, COMPLAINTS, SURVEYS, INTERACTIONS);

    private Histories() {}

    public static void forEach(
            Connections connection, Reading reading, int batchSize, Consumer<CustomerHistory> consumer)
            throws SQLException {
        forEach(connection, reading, batchSize, "", consumer);
    }

    /** The history of one customer, read with the same queries restricted to its id. */
    public static Optional<CustomerHistory> one(Connections connection, String customerId) throws SQLException {
        List<CustomerHistory> found = new ArrayList<>(1);
        forEach(connection, Reading.JDBC, 1, "WHERE customer_id = " + literal(customerId), found::add);
        return found.stream().findFirst();
    }

    /** Every customer's own row (no records), in no particular order: for views by industry, region or size. */
    public static void forEachCustomer(Connections connections, Consumer<Customer> consumer) throws SQLException {
        String query = "SELECT customer_id, name, industry, region, size, group_id, " + days("onboarded_on") + ", "
                + days("closed_on") + ", close_reason FROM customers";
        try (Connection connection = connections.open();
                Statement sql = connection.createStatement();
                Rows rows = new JdbcRows(sql.executeQuery(query), query)) {
            while (rows.next()) {
                consumer.accept(customer(rows, rows.getString(1)));
            }
        }
    }

    /** The histories of the customers whose ids lie from {@code first} to {@code last}, both included, in id order. */
    public static void forEachInRange(
            Connections connection, Reading reading, String first, String last, Consumer<CustomerHistory> consumer)
            throws SQLException {
        forEach(
                connection,
                reading,
                BATCH,
                "WHERE customer_id BETWEEN " + literal(first) + " AND " + literal(last),
                consumer);
    }

    /** Every history, or only those that {@code customerWhere} (a filter on customer_id, or nothing) keeps. */
    private static void forEach(
            Connections connection,
            Reading reading,
            int batchSize,
            String customerWhere,
            Consumer<CustomerHistory> consumer)
            throws SQLException {
        try (Cursor<Customer> customers = new Cursor<>(connection, reading, CUSTOMERS, Histories::customer);
                Cursor<Loan> loans = new Cursor<>(connection, reading, LOANS, Histories::loan);
                Cursor<Installment> installments =
                        new Cursor<>(connection, reading, INSTALLMENTS, new InstallmentRows());
                Cursor<Complaint> complaints = new Cursor<>(connection, reading, COMPLAINTS, Histories::complaint);
                Cursor<Survey> surveys = new Cursor<>(connection, reading, SURVEYS, Histories::survey);
                Cursor<Interaction> interactions =
                        new Cursor<>(connection, reading, INTERACTIONS, Histories::interaction)) {
            List<Cursor<?>> children = List.of(loans, installments, complaints, surveys, interactions);
            List<Customer> batch = new ArrayList<>();
            customers.open(customerWhere);
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
     * A query of one table, ordered by customer id first, with {@code {where}} where the filter on customer_id goes,
     * in the two forms of the two ways of reading.
     *
     * @param jdbc for {@link Reading#JDBC}
     * @param arrow for a store's faster way that recognises repeated ids by their bytes (DuckDB's Arrow reading)
     * @param repeated how many leading columns are given only where they change (null where they repeat the previous
     *     row's): in the JDBC form a window nulls them and numbers the rows (the cursor checks the numbers, the last
     *     column, so that a result out of order fails instead of giving records to the wrong customer or loan); in
     *     the Arrow form the reader compares their bytes with the previous row's, and checks that they increase
     */
    public record Query(String jdbc, String arrow, int repeated) {

        /** Every column given in full: the JDBC and Arrow forms are the same. */
        static Query plain(String columns, String table, String order) {
            String sql = "SELECT " + columns + " FROM " + table + RANGE + " ORDER BY " + order;
            return new Query(sql, sql, 1);
        }

        /**
         * The {@code ids} (leading columns, also leading in {@code order}) only where they change, then the other
         * columns. Ordering by the number also keeps equal rows (two identical interactions) in one order.
         */
        static Query windowed(List<String> ids, String columns, String table, String order) {
            List<String> changed = new ArrayList<>();
            for (String id : ids) {
                changed.add(whenChanged(id));
            }
            return new Query(
                    "SELECT " + String.join(", ", changed) + ", " + columns + ", ROW_NUMBER() OVER w AS row_no FROM "
                            + table + RANGE + " WINDOW w AS (ORDER BY " + order + ") ORDER BY row_no",
                    "SELECT " + String.join(", ", ids) + ", " + columns + " FROM " + table + RANGE + " ORDER BY "
                            + order,
                    ids.size());
        }
    }

    /** A SQL string literal. */
    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Compares ids by Unicode code point, the order in which the stores sort their UTF-8 bytes. */
    public static int compareIds(String a, String b) {
        return CustomerRange.compare(a, b);
    }

    /** A query's result, read row by row whichever the way of reading: the columns are numbered from 1. */
    public interface Rows extends AutoCloseable {
        /** Moves to the next row; false after the last. */
        boolean next() throws SQLException;

        /**
         * A text column; null when NULL, or, in a leading column of a {@link Query#windowed} query, when it repeats
         * the previous row's.
         */
        String getString(int column) throws SQLException;

        int getInt(int column) throws SQLException;

        boolean getBoolean(int column) throws SQLException;

        /** An exact decimal column as stored, null when NULL. */
        BigDecimal getBigDecimal(int column) throws SQLException;

        /** An amount column (the store's {@link StoredTable#AMOUNT_SCALE} decimals) as {@link #amount(long)}. */
        BigDecimal amount(int column) throws SQLException;

        /** Whether the last column read was NULL. */
        boolean wasNull() throws SQLException;

        @Override
        void close() throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(Rows row, String customerId) throws SQLException;

        /** Called before the query runs again. */
        default void reset() {}
    }

    /** The rows of a JDBC result set, checking the row numbers of a {@link Query#windowed} query. */
    private static final class JdbcRows implements Rows {
        private final ResultSet rows;
        private final boolean numbered;
        private final int numberColumn;
        private final String query;
        private long number;

        JdbcRows(ResultSet rows, String query) throws SQLException {
            this.rows = rows;
            this.query = query;
            this.numberColumn = rows.getMetaData().getColumnCount();
            this.numbered = "row_no".equals(rows.getMetaData().getColumnLabel(numberColumn));
        }

        @Override
        public boolean next() throws SQLException {
            if (!rows.next()) {
                return false;
            }
            if (numbered && rows.getLong(numberColumn) != ++number) {
                throw new IllegalStateException("the store returned rows out of their order: " + query);
            }
            return true;
        }

        @Override
        public String getString(int column) throws SQLException {
            return rows.getString(column);
        }

        @Override
        public int getInt(int column) throws SQLException {
            return rows.getInt(column);
        }

        @Override
        public boolean getBoolean(int column) throws SQLException {
            return rows.getBoolean(column);
        }

        @Override
        public BigDecimal getBigDecimal(int column) throws SQLException {
            return rows.getBigDecimal(column);
        }

        /** Works on the unscaled long: stripTrailingZeros was a tenth of the scan. */
        @Override
        public BigDecimal amount(int column) throws SQLException {
            BigDecimal stored = rows.getBigDecimal(column);
            if (stored == null) {
                return null;
            }
            return Histories.amount(
                    stored.setScale(StoredTable.AMOUNT_SCALE).unscaledValue().longValueExact());
        }

        @Override
        public boolean wasNull() throws SQLException {
            return rows.wasNull();
        }

        @Override
        public void close() throws SQLException {
            rows.close();
        }
    }

    /**
     * A result ordered by customer id (its first column, which may be null where it repeats the previous row's),
     * read one row ahead.
     */
    private static final class Cursor<T> implements AutoCloseable {
        private final Connection connection;
        private final Reading reading;
        private final Query query;
        // a plain statement, with the ids written into the query: DuckDB JDBC 2.0.0.1 was seen to stream a prepared
        // statement's large sorted result rotated (starting mid-way, wrapping round)
        private final Statement statement;
        private final RowMapper<T> mapper;
        private Rows rows;
        T current;
        String key;

        Cursor(Connections database, Reading reading, Query query, RowMapper<T> mapper) throws SQLException {
            this.connection = database.open();
            try {
                this.statement = connection.createStatement();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            this.reading = reading;
            this.query = query;
            this.mapper = mapper;
        }

        /** Runs the query (again) with {@code where} (a filter on customer_id, or nothing). */
        void open(String where) throws SQLException {
            if (rows != null) {
                Rows last = rows;
                rows = null;
                last.close();
            }
            String sql = reading.sql(query).replace("{where}", where);
            ResultSet result = statement.executeQuery(sql);
            try {
                rows = reading.rows(result, query, sql);
            } catch (SQLException | RuntimeException e) {
                result.close();
                throw e;
            }
            mapper.reset();
            key = null;
            advance();
        }

        void advance() throws SQLException {
            if (rows.next()) {
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
                    Rows last = rows) {
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

    private static Customer customer(Rows r, String customerId) throws SQLException {
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

    private static Loan loan(Rows r, String customerId) throws SQLException {
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
        public Installment map(Rows r, String customerId) throws SQLException {
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

    private static Complaint complaint(Rows r, String customerId) throws SQLException {
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

    private static Survey survey(Rows r, String customerId) throws SQLException {
        return new Survey(customerId, date(r, 2), integer(r, 3), integer(r, 4));
    }

    private static Interaction interaction(Rows r, String customerId) throws SQLException {
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

    private static LocalDate date(Rows r, int column) throws SQLException {
        int days = r.getInt(column);
        return r.wasNull() ? null : day(days);
    }

    /** Days from 1970-01-01 whose dates are kept once made: to 2149. */
    private static final int KEPT_DAYS = 1 << 16;

    // written by several threads without a lock: harmless, LocalDate being immutable with final fields
    private static final LocalDate[] DAYS = new LocalDate[KEPT_DAYS];

    /**
     * The date {@code days} after 1970-01-01, the same object each time: a book's tens of millions of dates fall on
     * a few thousand days, and making each anew was a tenth of the scan, with as much garbage.
     */
    static LocalDate day(int days) {
        if (days < 0 || days >= KEPT_DAYS) {
            return LocalDate.ofEpochDay(days);
        }
        LocalDate date = DAYS[days];
        if (date == null) {
            date = LocalDate.ofEpochDay(days);
            DAYS[days] = date;
        }
        return date;
    }

    private static Integer integer(Rows r, int column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? null : value;
    }

    private static BigDecimal amount(Rows r, int column) throws SQLException {
        return r.amount(column);
    }

    /**
     * An amount of {@code units} ten-thousandths, given back with its cents and only the finer digits it has (the
     * store keeps 4 decimals, so 100 would otherwise come back as 100.0000).
     */
    public static BigDecimal amount(long units) {
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
