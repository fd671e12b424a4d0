package io.fidelis.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes an import's accepted staging rows into the book, inside the caller's transaction: for keyed tables, rows
 * whose values differ from the stored ones update them (the later import wins), new keys are inserted, equal rows
 * are left alone; interactions are counted per distinct row (see {@link io.fidelis.store.BookStore}).
 */
final class Merge {

    private final Connection connection;
    private final long importId;
    private final StagingArea staging;
    private final Set<StoredTable> compared = EnumSet.noneOf(StoredTable.class);

    Merge(Connection connection, long importId, StagingArea staging) {
        this.connection = connection;
        this.importId = importId;
        this.staging = staging;
    }

    /** Rows inserted and updated in one table. */
    record Written(long inserted, long updated) {}

    /**
     * Finds, before the transaction, which accepted rows are new and which change a stored row (one join per table,
     * into the staging database; the transaction then only writes to the book). An empty table needs no join.
     */
    void prepare() throws SQLException {
        for (StoredTable table : StoredTable.values()) {
            if (table.keyed() && !isEmpty(table)) {
                execute("CREATE TABLE " + diff(table) + " AS " + differences(table));
                compared.add(table);
            }
        }
    }

    /** Writes the table's accepted rows; inside the transaction, after {@link #prepare()}. */
    Written into(StoredTable table) throws SQLException {
        if (!table.keyed()) {
            return new Written(execute(insertInteractions()), 0);
        }
        if (!compared.contains(table)) {
            // the first import of a table: no stored row to compare with
            return new Written(execute(insert(table, accepted(table))), 0);
        }
        String changed = "(SELECT s.* FROM " + staging.of(table) + " s JOIN " + diff(table) + " d ON d.seq = s.seq";
        long updated = execute(update(table, changed + " WHERE NOT d.is_new)"));
        long inserted = execute(insert(table, changed + " WHERE d.is_new)"));
        if (table == StoredTable.LOANS && updated > 0) {
            // a loan moved to another customer takes its stored installments along (their customer_id is a copy)
            execute("UPDATE installments SET customer_id = l.customer_id FROM loans l"
                    + " WHERE installments.loan_id = l.loan_id AND l.import_id = " + importId
                    + " AND installments.customer_id <> l.customer_id");
        }
        return new Written(inserted, updated);
    }

    private String diff(StoredTable table) {
        return staging.table("diff_" + table.tableName());
    }

    /** The accepted staging rows that are new or differ from the stored row of their key: seq and which. */
    private String differences(StoredTable table) {
        String firstKey = table.key.get(0);
        String changed = table.valueColumns().stream()
                .map(c -> "t." + c + " IS DISTINCT FROM s." + c)
                .collect(Collectors.joining(" OR "));
        return "SELECT s.seq, t." + firstKey + " IS NULL AS is_new FROM " + accepted(table) + " s"
                + " LEFT JOIN " + table.tableName() + " t ON " + sameKey(table, "t", "s")
                + " WHERE t." + firstKey + " IS NULL OR " + changed;
    }

    private String update(StoredTable table, String rows) {
        String target = table.tableName();
        String set = table.valueColumns().stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "));
        return "UPDATE " + target + " SET " + set + ", import_id = " + importId
                + ", src_file = s.src_file, src_line = s.src_line FROM " + rows + " s WHERE "
                + sameKey(table, target, "s");
    }

    private String insert(StoredTable table, String rows) {
        String columns = String.join(", ", table.columnNames());
        String selected = table.columnNames().stream().map(c -> "s." + c).collect(Collectors.joining(", "));
        if (table == StoredTable.INSTALLMENTS) {
            // loans are merged first, so every accepted installment finds its loan here
            return inHistoryOrder(
                    table,
                    columns + ", customer_id",
                    selected + ", l.customer_id",
                    rows + " s JOIN loans l ON l.loan_id = s.loan_id");
        }
        return inHistoryOrder(table, columns, selected, rows + " s");
    }

    /**
     * Inserts {@code selected} (with this import's lineage) from {@code from} into {@code table}'s {@code columns}, in
     * the order histories read them where the store wants it ({@link StagingArea#writesInHistoryOrder}): a customer's
     * rows of one import lie together, so that reading one customer or one range of customers skips the rest of the
     * table instead of scanning it all (one customer's history from a DuckDB book of 1M customers: 12 ms instead of
     * 176 ms, see docs/benchmarks.md).
     */
    private String inHistoryOrder(StoredTable table, String columns, String selected, String from) {
        return "INSERT INTO " + table.tableName() + " (" + columns + ", import_id, src_file, src_line) SELECT * FROM"
                + " (SELECT " + selected + ", " + importId + " AS import_id, s.src_file, s.src_line FROM " + from
                + ") x" + (staging.writesInHistoryOrder() ? " ORDER BY " + table.historyOrder : "");
    }

    private boolean isEmpty(StoredTable table) throws SQLException {
        try (PreparedStatement statement =
                        connection.prepareStatement("SELECT 1 FROM " + table.tableName() + " LIMIT 1");
                ResultSet row = statement.executeQuery()) {
            return !row.next();
        }
    }

    /**
     * The k-th copy of a row in the import is inserted when the book holds fewer than k copies of it: a repeated
     * import adds nothing, while equal rows within one import are all kept.
     */
    private String insertInteractions() {
        String row = "customer_id, occurred_on, type, channel";
        String sameRow = "e.customer_id = s.customer_id AND e.occurred_on = s.occurred_on AND e.type = s.type"
                + " AND COALESCE(e.channel, '') = COALESCE(s.channel, '')";
        return inHistoryOrder(
                StoredTable.INTERACTIONS,
                row,
                "s.customer_id, s.occurred_on, s.type, s.channel",
                "(SELECT a.*, ROW_NUMBER() OVER (PARTITION BY customer_id, occurred_on, type, channel ORDER BY seq)"
                        + " AS copy_no FROM " + accepted(StoredTable.INTERACTIONS) + " a) s"
                        + " LEFT JOIN (SELECT " + row + ", COUNT(*) AS copies FROM interactions GROUP BY " + row
                        + ") e ON " + sameRow
                        + " WHERE s.copy_no > COALESCE(e.copies, 0)");
    }

    /** The staging rows no rule rejected, as a subquery. */
    private String accepted(StoredTable table) {
        return "(SELECT * FROM " + staging.of(table) + " x WHERE " + CrossRowRules.notRejected(staging, "x") + ")";
    }

    private static String sameKey(StoredTable table, String left, String right) {
        return table.key.stream()
                .map(k -> left + "." + k + " = " + right + "." + k)
                .collect(Collectors.joining(" AND "));
    }

    private long execute(String sql) throws SQLException {
        return Sql.execute(connection, sql);
    }
}
