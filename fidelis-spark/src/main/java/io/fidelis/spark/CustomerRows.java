package io.fidelis.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.btrim;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.fidelis.core.domain.Table;
import io.fidelis.store.csv.ContractRows;
import io.fidelis.store.csv.RowSink;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Every row of the book's tables as (customer id, table, cells, line, source, rejects, first), spread over partitions
 * by customer and sorted by it within each, so that a partition holds whole customers, one after the other. An
 * installment gets its customer from its loan's first row (in reading order: by file name, then line, as {@code
 * fidelis import} numbers rows); one whose loan is not in loans has none. A CSV row broken in its structure or charset
 * has no cells, so no customer, and carries the rejects the file reader gave it. A loan or complaint id may come under
 * several customers, so each such row carries where the first row of its id is, found over the whole table.
 */
final class CustomerRows {

    static final int KEY = 0;
    static final int TABLE = 1;
    static final int CELLS = 2;
    /** The line the row starts on in its file; 0 when its source has no lines (Parquet, Hive, JDBC). */
    static final int LINE = 3;
    /** What the row's rejects name as their source: its file's name, or the table's when it came from no file. */
    static final int SOURCE = 4;
    /** The rejects of a row broken in its structure or charset, which has no cells; else NULL. */
    static final int REJECTS = 5;
    /**
     * For a loan or complaint row whose id an earlier row has (in reading order, under any customer), that row's
     * {@code source:line}; else NULL.
     */
    static final int FIRST = 6;

    private final Map<Table, List<String>> columns = new EnumMap<>(Table.class);
    private final Dataset<Row> rows;

    /**
     * @param tables the tables the source has, as text columns
     * @param partitions how many partitions the customers are spread over
     * @throws IllegalArgumentException when a table lacks a required column (naming them all)
     */
    CustomerRows(Map<Table, Dataset<Row>> tables, int partitions) {
        List<String> problems = new ArrayList<>();
        Dataset<Row> all = null;
        for (Map.Entry<Table, Dataset<Row>> entry : tables.entrySet()) {
            Table table = entry.getKey();
            Dataset<Row> rows = entry.getValue();
            List<String> present = new ArrayList<>();
            for (String name : ContractRows.columns(table)) {
                if (List.of(rows.columns()).contains(name)) {
                    present.add(name);
                }
            }
            if (!checkColumns(table, present, problems)) {
                continue;
            }
            columns.put(table, present);
            Column[] cells = present.stream().map(c -> col(c)).toArray(Column[]::new);
            boolean fromFiles = List.of(rows.columns()).contains(CsvFileRows.LINE);
            Column line = fromFiles ? col(CsvFileRows.LINE) : lit(0L);
            Column source = fromFiles ? col(CsvFileRows.SOURCE) : lit(table.code());
            Column broken = fromFiles
                    ? col(CsvFileRows.REJECTS)
                    : lit(null).cast(DataTypes.createArrayType(ResultRows.REJECT, false));
            Column none = lit(null).cast("string");
            Dataset<Row> keyed;
            if (table == Table.INSTALLMENTS) {
                Dataset<Row> loans = tables.get(Table.LOANS);
                if (loans == null || !List.of(loans.columns()).contains("customer_id")) {
                    keyed = rows.select(
                            none.as("customer_key"), lit(table.ordinal()), array(cells), line, source, broken, none);
                } else {
                    Dataset<Row> owners = loans.select(
                                    stripped(col("loan_id")).as("owned_loan"),
                                    stripped(col("customer_id")).as("customer_key"),
                                    row_number().over(byId(loans, "loan_id")).as("place"))
                            .where(col("place").equalTo(1));
                    keyed = rows.join(owners, stripped(rows.col("loan_id")).equalTo(owners.col("owned_loan")), "left")
                            .select(
                                    col("customer_key"),
                                    lit(table.ordinal()),
                                    array(cells),
                                    line,
                                    source,
                                    broken,
                                    none);
                }
            } else {
                Column firstAt = none;
                if (table == Table.LOANS || table == Table.COMPLAINTS) {
                    WindowSpec byId = byId(rows, table == Table.LOANS ? "loan_id" : "complaint_id");
                    firstAt = when(
                            row_number().over(byId).gt(1),
                            concat(
                                    first(source).over(byId),
                                    lit(":"),
                                    first(line).over(byId).cast("string")));
                }
                keyed = rows.select(
                        stripped(col("customer_id")),
                        lit(table.ordinal()),
                        array(cells),
                        line,
                        source,
                        broken,
                        firstAt);
            }
            keyed = keyed.toDF("customer_key", "table_ord", "cells", "line", "source", "rejects", "first");
            all = all == null ? keyed : all.union(keyed);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        this.rows = all.repartition(partitions, col("customer_key")).sortWithinPartitions("customer_key", "table_ord");
    }

    /** Whether the table has every required column; else adds what is missing to {@code problems}. */
    private static boolean checkColumns(Table table, List<String> present, List<String> problems) {
        return null
                != ContractRows.bind(
                        table,
                        present,
                        table.code(),
                        RowSink.rejectsTo(reject -> problems.add(table.code() + ": " + reject.message())));
    }

    /** Blanks around a cell's text, which the contract's reader drops: ASCII controls and spaces, no-break, ideographic. */
    private static final String BLANKS = blanks();

    private static String blanks() {
        StringBuilder blanks = new StringBuilder();
        for (char c = 0; c <= ' '; c++) {
            blanks.append(c);
        }
        return blanks.append('\u00A0').append('\u3000').toString();
    }

    /**
     * The column's text as the contract's reader takes an id: without the blanks around it, as in {@code Cell}. A trim
     * of those characters, not a regular expression: it runs on every row of every table (a regular expression made
     * the job a quarter slower).
     */
    private static Column stripped(Column text) {
        // btrim: Spark deprecates the two-parameter TRIM and logs a warning for it
        return btrim(text, lit(BLANKS));
    }

    /**
     * The rows of {@code table} with the same {@code key} in reading order, as {@code fidelis import} numbers them: by
     * file name, then line. Rows without lines (Parquet, Hive, JDBC) have no order: by customer, so that the choice is
     * the same each time Spark computes it.
     */
    private static WindowSpec byId(Dataset<Row> table, String key) {
        WindowSpec byId = Window.partitionBy(stripped(col(key)));
        return List.of(table.columns()).contains(CsvFileRows.LINE)
                ? byId.orderBy(col(CsvFileRows.SOURCE), col(CsvFileRows.LINE))
                : byId.orderBy(stripped(col("customer_id")));
    }

    /** The rows, sorted by customer within each partition. */
    Dataset<Row> rows() {
        return rows;
    }

    /** The columns of each table's cells, in order. */
    Map<Table, List<String>> columns() {
        return columns;
    }
}
