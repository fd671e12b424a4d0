package io.fidelis.store.sql;

import io.fidelis.core.domain.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How each contract table is stored: its data columns (named as in the contract) and natural key. Every stored row
 * also carries its lineage (the import that last wrote it, and the file and line it came from); installments carry
 * their loan's customer_id too, so histories stream without a join.
 */
public enum StoredTable {
    CUSTOMERS(
            Table.CUSTOMERS,
            "customer_id",
            "customer",
            List.of("customer_id"),
            List.of(
                    text("customer_id"),
                    text("name"),
                    text("industry"),
                    text("region"),
                    text("size"),
                    text("group_id"),
                    date("onboarded_on"),
                    date("closed_on"),
                    text("close_reason"))),
    LOANS(
            Table.LOANS,
            "customer_id, loan_id",
            "loan",
            List.of("loan_id"),
            List.of(
                    text("loan_id"),
                    text("customer_id"),
                    text("product"),
                    amount("amount"),
                    text("currency"),
                    rate("annual_rate"),
                    date("start_date"),
                    date("maturity_date"),
                    text("status"),
                    date("status_date"))),
    INSTALLMENTS(
            Table.INSTALLMENTS,
            "customer_id, loan_id, installment_no",
            "installment",
            List.of("loan_id", "installment_no"),
            List.of(
                    text("loan_id"),
                    new Column("installment_no", "INTEGER"),
                    date("due_date"),
                    amount("due_amount"),
                    date("paid_date"),
                    amount("paid_amount"))),
    COMPLAINTS(
            Table.COMPLAINTS,
            "customer_id, received_on, complaint_id",
            "complaint",
            List.of("complaint_id"),
            List.of(
                    text("complaint_id"),
                    text("customer_id"),
                    date("received_on"),
                    text("category"),
                    text("severity"),
                    date("resolved_on"),
                    new Column("escalated", "BOOLEAN"))),
    SURVEYS(
            Table.SURVEYS,
            "customer_id, surveyed_on",
            "survey",
            List.of("customer_id", "surveyed_on"),
            List.of(
                    text("customer_id"),
                    date("surveyed_on"),
                    new Column("satisfaction", "INTEGER"),
                    new Column("nps", "INTEGER"))),
    /** No natural key: a row is its whole content, and equal rows are counted (see BookStore). */
    INTERACTIONS(
            Table.INTERACTIONS,
            "customer_id, occurred_on, type, channel NULLS FIRST",
            "interaction",
            List.of(),
            List.of(text("customer_id"), date("occurred_on"), text("type"), text("channel")));

    /** Scale of stored amounts: a quarter of a cent is the finest a lender's book needs. */
    public static final int AMOUNT_SCALE = 4;
    /** Scale of stored rates: 0.00000001, far below a basis point. */
    public static final int RATE_SCALE = 8;
    /** Digits of stored amounts and rates, the most a 64-bit decimal holds. */
    public static final int PRECISION = 18;

    public final Table table;
    /** The singular noun for messages, e.g. "loan". */
    public final String noun;

    /**
     * The order a customer's history reads the rows in, customer_id first (for installments the loan's customer, their
     * stored copy), as an ORDER BY list: on DuckDB the import also writes each import's rows in it, so that a customer's
     * rows lie together and a filter on customer_id skips the rest of the table (zone maps).
     */
    public final String historyOrder;

    public final List<String> key;
    public final List<Column> columns;

    StoredTable(Table table, String historyOrder, String noun, List<String> key, List<Column> columns) {
        this.table = table;
        this.historyOrder = historyOrder;
        this.noun = noun;
        this.key = key;
        this.columns = columns;
    }

    public static StoredTable of(Table table) {
        return values()[table.ordinal()];
    }

    /** Rows per table, every table present, in {@link Table} order. */
    public static Map<Table, Long> count(Connection connection) throws SQLException {
        Map<Table, Long> counts = new EnumMap<>(Table.class);
        try (Statement sql = connection.createStatement()) {
            for (StoredTable table : values()) {
                try (ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM " + table.tableName())) {
                    row.next();
                    counts.put(table.table, row.getLong(1));
                }
            }
        }
        return counts;
    }

    public String tableName() {
        return table.code();
    }

    /** The staging table's own name, without its database or schema (see {@link StagingArea}). */
    public String stagingTable() {
        return "stg_" + table.code();
    }

    /** 1-based position in load order, kept with each reject to sort them. */
    public int order() {
        return ordinal() + 1;
    }

    public boolean keyed() {
        return !key.isEmpty();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).collect(Collectors.toList());
    }

    /** Data columns that are not part of the key: what an update may change. */
    public List<String> valueColumns() {
        return columnNames().stream().filter(c -> !key.contains(c)).collect(Collectors.toList());
    }

    /** The stored table, with lineage and (for installments) the denormalised customer. */
    public String createTable() {
        StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS ")
                .append(tableName())
                .append(" (")
                .append(columnDefinitions());
        if (this == INSTALLMENTS) {
            ddl.append(", customer_id VARCHAR NOT NULL");
        }
        return ddl.append(", import_id BIGINT NOT NULL, src_file VARCHAR NOT NULL, src_line BIGINT NOT NULL)")
                .toString();
    }

    /**
     * A staging table named {@code name}: the data columns, the row's arrival number in the import, and where it came
     * from; {@code collate} follows each text column's type (empty, or a COLLATE clause matching the book's).
     */
    public String createStaging(String name, String collate) {
        return "CREATE TABLE " + name + " (seq BIGINT NOT NULL, " + columnDefinitions(collate)
                + ", src_file VARCHAR NOT NULL, src_line BIGINT NOT NULL)";
    }

    private String columnDefinitions() {
        return columnDefinitions("");
    }

    private String columnDefinitions(String collate) {
        return columns.stream()
                .map(c -> c.name() + " " + c.type() + (c.type().equals("VARCHAR") ? collate : ""))
                .collect(Collectors.joining(", "));
    }

    private static Column text(String name) {
        return new Column(name, "VARCHAR");
    }

    private static Column date(String name) {
        return new Column(name, "DATE");
    }

    private static Column amount(String name) {
        return new Column(name, "DECIMAL(" + PRECISION + "," + AMOUNT_SCALE + ")");
    }

    private static Column rate(String name) {
        return new Column(name, "DECIMAL(" + PRECISION + "," + RATE_SCALE + ")");
    }

    public record Column(String name, String type) {}
}
