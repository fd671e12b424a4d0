package io.fidelis.store.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * The rules that need more than one row, run in SQL over the staging tables and the book: unique natural keys
 * within the import, and references to customers and loans. Each rule adds its rejects to {@code stg_rejects} with
 * the rejected staging row's {@code seq}; a table's rules see the earlier tables' rejects, so an installment of a
 * loan rejected for an unknown customer is rejected in turn. The SQL is portable (window-free joins, NOT EXISTS,
 * ||), so a PostgreSQL store can run it as it is.
 */
final class CrossRowRules {

    private CrossRowRules() {}

    static void apply(Connection connection, StagingArea staging) throws SQLException {
        for (StoredTable table : StoredTable.values()) {
            if (table.keyed()) {
                Sql.execute(connection, duplicates(staging, table));
            }
            switch (table) {
                case CUSTOMERS -> {}
                case INSTALLMENTS -> Sql.execute(connection, unknownLoan(staging));
                default -> Sql.execute(connection, unknownCustomer(staging, table));
            }
        }
    }

    /** Every row after the first with the same key is rejected; the message points at the first. */
    static String duplicates(StagingArea staging, StoredTable table) {
        String stg = staging.of(table);
        String keys = String.join(", ", table.key);
        String lastKey = table.key.get(table.key.size() - 1);
        String sameKey = table.key.stream().map(k -> "d." + k + " = k." + k).collect(Collectors.joining(" AND "));
        return "INSERT INTO " + staging.rejects() + " (seq, table_ord, file, line, col, value, rule, message)"
                + " SELECT d.seq, " + table.order() + ", d.src_file, d.src_line, '" + lastKey + "', CAST(d."
                + lastKey + " AS VARCHAR), 'duplicate." + table.noun + "', " + describe(table, "d")
                + " || ' appears again: first at ' || f.src_file || ':' || CAST(f.src_line AS VARCHAR)"
                + " || '; keep one row per " + (table.key.size() == 1 ? keys : "(" + keys + ")") + "'"
                + " FROM " + stg + " d"
                + " JOIN (SELECT " + keys + ", MIN(seq) AS first_seq FROM " + stg + " GROUP BY " + keys
                + " HAVING COUNT(*) > 1) k ON " + sameKey + " AND d.seq > k.first_seq"
                + " JOIN " + stg + " f ON f.seq = k.first_seq";
    }

    private static String unknownCustomer(StagingArea staging, StoredTable table) {
        String stg = staging.of(table);
        return "INSERT INTO " + staging.rejects() + " (seq, table_ord, file, line, col, value, rule, message)"
                + " SELECT s.seq, " + table.order() + ", s.src_file, s.src_line, 'customer_id', s.customer_id,"
                + " 'reference.customer', " + describe(table, "s") + " || ' names customer ' || s.customer_id"
                + " || ', which is neither in the book nor in this import; add it to customers or fix the id'"
                + " FROM " + stg + " s"
                + " WHERE " + notRejected(staging, "s")
                + " AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = s.customer_id)"
                + " AND NOT EXISTS (SELECT 1 FROM " + staging.of(StoredTable.CUSTOMERS)
                + " c WHERE c.customer_id = s.customer_id AND "
                + notRejected(staging, "c") + ")";
    }

    private static String unknownLoan(StagingArea staging) {
        StoredTable table = StoredTable.INSTALLMENTS;
        return "INSERT INTO " + staging.rejects() + " (seq, table_ord, file, line, col, value, rule, message)"
                + " SELECT s.seq, " + table.order() + ", s.src_file, s.src_line, 'loan_id', s.loan_id,"
                + " 'reference.loan', 'the loan ' || s.loan_id || ' of installment '"
                + " || CAST(s.installment_no AS VARCHAR) || ' is neither in the book nor accepted in this import;"
                + " add it to loans (or fix its rejects) or fix the id'"
                + " FROM " + staging.of(table) + " s"
                + " WHERE " + notRejected(staging, "s")
                + " AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.loan_id = s.loan_id)"
                + " AND NOT EXISTS (SELECT 1 FROM " + staging.of(StoredTable.LOANS)
                + " l WHERE l.loan_id = s.loan_id AND " + notRejected(staging, "l")
                + ")";
    }

    /** True for a staging row no rule has rejected so far. */
    static String notRejected(StagingArea staging, String alias) {
        return "NOT EXISTS (SELECT 1 FROM " + staging.rejects() + " r WHERE r.seq = " + alias + ".seq)";
    }

    /** A SQL expression naming the row for a message, e.g. {@code 'installment 3 of loan L1'}. */
    private static String describe(StoredTable table, String alias) {
        return switch (table) {
            case CUSTOMERS -> "'customer ' || " + alias + ".customer_id";
            case LOANS -> "'loan ' || " + alias + ".loan_id";
            case INSTALLMENTS ->
                "'installment ' || CAST(" + alias + ".installment_no AS VARCHAR) || ' of loan ' || " + alias
                        + ".loan_id";
            case COMPLAINTS -> "'complaint ' || " + alias + ".complaint_id";
            case SURVEYS ->
                "'the survey of ' || " + alias + ".customer_id || ' on ' || CAST(" + alias + ".surveyed_on AS VARCHAR)";
            case INTERACTIONS ->
                "'the " + "' || " + alias + ".type || ' of ' || CAST(" + alias + ".occurred_on AS VARCHAR)";
        };
    }
}
