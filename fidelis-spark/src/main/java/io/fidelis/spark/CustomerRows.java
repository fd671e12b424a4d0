package io.fidelis.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.trim;

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
import org.apache.spark.sql.types.DataTypes;

/**
 * Every row of the book's tables as (customer id, table, cells, line, source, rejects), spread over partitions by
 * customer and sorted by it within each, so that a partition holds whole customers, one after the other. An
 * installment gets its customer from its loan; one whose loan is not in loans has none. A CSV row broken in its
 * structure or charset has no cells, so no customer, and carries the rejects the file reader gave it.
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

    private final Map<Table, List<String>> columns = new EnumMap<>(Table.class);
    private final Map<Table, Dataset<Row>> tables;
    private final Dataset<Row> rows;

    /**
     * @param tables the tables the source has, as text columns
     * @param partitions how many partitions the customers are spread over
     * @throws IllegalArgumentException when a table lacks a required column (naming them all)
     */
    CustomerRows(Map<Table, Dataset<Row>> tables, int partitions) {
        this.tables = tables;
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
            Dataset<Row> keyed;
            if (table == Table.INSTALLMENTS) {
                Dataset<Row> loans = tables.get(Table.LOANS);
                if (loans == null || !List.of(loans.columns()).contains("customer_id")) {
                    keyed = rows.select(
                            lit(null).cast("string").as("customer_key"),
                            lit(table.ordinal()),
                            array(cells),
                            line,
                            source,
                            broken);
                } else {
                    Dataset<Row> owners = loans.groupBy(trim(col("loan_id")).as("owned_loan"))
                            .agg(min(trim(col("customer_id"))).as("customer_key"));
                    keyed = rows.join(owners, trim(rows.col("loan_id")).equalTo(owners.col("owned_loan")), "left")
                            .select(col("customer_key"), lit(table.ordinal()), array(cells), line, source, broken);
                }
            } else {
                keyed = rows.select(trim(col("customer_id")), lit(table.ordinal()), array(cells), line, source, broken);
            }
            keyed = keyed.toDF("customer_key", "table_ord", "cells", "line", "source", "rejects");
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

    /**
     * The rejects of ids that the contract keys alone but that appear under more than one customer (a loan id, a
     * complaint id): a customer's partition cannot see those, so they are found by grouping the table on the id.
     * Rule ids and meaning as in the embedded import.
     */
    Dataset<Row> sharedIds() {
        Dataset<Row> shared = null;
        for (Map.Entry<Table, String> keyed :
                Map.of(Table.LOANS, "loan_id", Table.COMPLAINTS, "complaint_id").entrySet()) {
            Table table = keyed.getKey();
            String key = keyed.getValue();
            Dataset<Row> rows = tables.get(table);
            if (rows == null || !columns.containsKey(table)) {
                continue;
            }
            String noun = table == Table.LOANS ? "loan" : "complaint";
            Dataset<Row> ids = rows.groupBy(trim(col(key)).as("value"))
                    .agg(countDistinct(trim(col("customer_id"))).as("owners"))
                    .where(col("owners").gt(1))
                    .select(
                            lit(table.code()).as("source"),
                            lit(0L).as("line"),
                            lit(key).as("column"),
                            col("value"),
                            lit("duplicate." + noun).as("rule"),
                            concat(
                                            lit(noun + " "),
                                            col("value"),
                                            lit(" appears under "),
                                            col("owners").cast("string"),
                                            lit(" customers; keep one row per " + key))
                                    .as("message"));
            shared = shared == null ? ids : shared.union(ids);
        }
        return shared;
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
