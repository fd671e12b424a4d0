package io.fidelis.store.duckdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes an import's accepted staging rows into the book, inside the caller's transaction: for keyed tables, rows
 * whose values differ from the stored ones update them (the later import wins), new keys are inserted, equal rows
 * are left alone; interactions are counted per distinct row (see {@link io.fidelis.store.BookStore}).
 */
final class Merge {

    private final Connection connection;
    private final long importId;

    Merge(Connection connection, long importId) {
        this.connection = connection;
        this.importId = importId;
    }

    /** Rows inserted and updated in one table. */
    record Written(long inserted, long updated) {}

    Written into(StoredTable table) throws SQLException {
        if (!table.keyed()) {
            return new Written(execute(insertInteractions()), 0);
        }
        long updated = execute(update(table));
        long inserted = execute(insert(table));
        if (table == StoredTable.LOANS && updated > 0) {
            // a loan moved to another customer takes its stored installments along (their customer_id is a copy)
            execute("UPDATE installments SET customer_id = l.customer_id FROM loans l"
                    + " WHERE installments.loan_id = l.loan_id AND l.import_id = " + importId
                    + " AND installments.customer_id <> l.customer_id");
        }
        return new Written(inserted, updated);
    }

    private String update(StoredTable table) {
        String target = table.tableName();
        List<String> values = table.valueColumns();
        String set = values.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "));
        String changed = values.stream()
                .map(c -> target + "." + c + " IS DISTINCT FROM s." + c)
                .collect(Collectors.joining(" OR "));
        return "UPDATE " + target + " SET " + set + ", import_id = " + importId
                + ", src_file = s.src_file, src_line = s.src_line"
                + " FROM " + accepted(table) + " s"
                + " WHERE " + sameKey(table, target, "s") + " AND (" + changed + ")";
    }

    private String insert(StoredTable table) {
        String target = table.tableName();
        String columns = String.join(", ", table.columnNames());
        String selected = table.columnNames().stream().map(c -> "s." + c).collect(Collectors.joining(", "));
        if (table == StoredTable.INSTALLMENTS) {
            // loans are merged first, so every accepted installment finds its loan here
            return "INSERT INTO installments (" + columns + ", customer_id, import_id, src_file, src_line)"
                    + " SELECT " + selected + ", l.customer_id, " + importId + ", s.src_file, s.src_line"
                    + " FROM " + accepted(table) + " s JOIN loans l ON l.loan_id = s.loan_id"
                    + " WHERE NOT EXISTS (SELECT 1 FROM installments t WHERE " + sameKey(table, "t", "s") + ")";
        }
        return "INSERT INTO " + target + " (" + columns + ", import_id, src_file, src_line)"
                + " SELECT " + selected + ", " + importId + ", s.src_file, s.src_line"
                + " FROM " + accepted(table) + " s"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + target + " t WHERE " + sameKey(table, "t", "s") + ")";
    }

    /**
     * The k-th copy of a row in the import is inserted when the book holds fewer than k copies of it: a repeated
     * import adds nothing, while equal rows within one import are all kept.
     */
    private String insertInteractions() {
        String row = "customer_id, occurred_on, type, channel";
        String sameRow = "e.customer_id = s.customer_id AND e.occurred_on = s.occurred_on AND e.type = s.type"
                + " AND COALESCE(e.channel, '') = COALESCE(s.channel, '')";
        return "INSERT INTO interactions (" + row + ", import_id, src_file, src_line)"
                + " SELECT s.customer_id, s.occurred_on, s.type, s.channel, " + importId + ", s.src_file, s.src_line"
                + " FROM (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY customer_id, occurred_on, type, channel"
                + " ORDER BY seq) AS copy_no FROM " + accepted(StoredTable.INTERACTIONS) + " a) s"
                + " LEFT JOIN (SELECT " + row + ", COUNT(*) AS copies FROM interactions GROUP BY " + row + ") e"
                + " ON " + sameRow
                + " WHERE s.copy_no > COALESCE(e.copies, 0)";
    }

    /** The staging rows no rule rejected, as a subquery. */
    private static String accepted(StoredTable table) {
        return "(SELECT * FROM " + table.stagingName() + " x WHERE " + CrossRowRules.notRejected("x") + ")";
    }

    private static String sameKey(StoredTable table, String left, String right) {
        return table.key.stream()
                .map(k -> left + "." + k + " = " + right + "." + k)
                .collect(Collectors.joining(" AND "));
    }

    private long execute(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return statement.executeLargeUpdate();
        }
    }
}
