package io.fidelis.store.csv;

import io.fidelis.core.domain.Table;
import io.fidelis.store.Reject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads rows that arrive as text cells by column name rather than as a CSV file (Parquet files, Spark, JDBC tables)
 * with the contract's own cell forms and row rules: a row gives the same record, or the same rejects, as the same
 * cells in a CSV file would. Bind it to the columns the source has, then read one row at a time; not thread-safe.
 */
public final class ContractRows {

    private final Schema schema;
    private final String source;
    private final RowSink sink;
    /** For each column of the source, the position of its contract column, or -1 when the contract has none. */
    private final int[] positionOf;

    private final Values values;
    private final Cell cell = new Cell();

    private ContractRows(Schema schema, String source, RowSink sink, int[] positionOf) {
        this.schema = schema;
        this.source = source;
        this.sink = sink;
        this.positionOf = positionOf;
        this.values = schema.newValues();
    }

    /** The names of the contract's columns of {@code table} (lower case, in the contract's order). */
    public static List<String> columns(Table table) {
        List<String> names = new ArrayList<>();
        ContractTables.of(table).columns().forEach(c -> names.add(c.name()));
        return names;
    }

    /**
     * Binds {@code table}'s contract to a source's column names (any case; unknown ones are ignored), or rejects the
     * source when a required column is missing or named twice, as the CSV reader rejects such a header.
     *
     * @param source what rejects name as the file, e.g. {@code loans.parquet}
     * @return the reader, or null when the columns were rejected (the rejects went to {@code sink}, as line 0)
     */
    public static ContractRows bind(Table table, List<String> sourceColumns, String source, RowSink sink) {
        Schema schema = ContractTables.of(table);
        List<Reject> rejects = new ArrayList<>();
        RowReader header =
                RowReader.bind(schema, sourceColumns, 0, source, RowSink.rejectsTo(rejects::add), () -> null);
        if (header == null) {
            rejects.forEach(sink::reject);
            return null;
        }
        int[] positionOf = new int[sourceColumns.size()];
        boolean[] taken = new boolean[schema.columns().size()];
        for (int i = 0; i < sourceColumns.size(); i++) {
            int position = schema.position(sourceColumns.get(i).strip().toLowerCase(Locale.ROOT));
            positionOf[i] = position >= 0 && !taken[position] ? position : -1;
            if (position >= 0) {
                taken[position] = true;
            }
        }
        return new ContractRows(schema, source, sink, positionOf);
    }

    /**
     * Reads one row: passes its record to the sink and returns true, or passes one reject per broken cell or rule and
     * returns false.
     *
     * @param cells the row's cells in the order of the bound columns; null or blank is an empty cell (missing)
     * @param line what rejects give as the line, e.g. the row's 1-based number in its source
     */
    public boolean read(List<String> cells, long line) {
        if (cells.size() != positionOf.length) {
            sink.reject(new Reject(
                    source,
                    line,
                    null,
                    null,
                    RuleIds.ROW_FIELD_COUNT,
                    "the row has " + cells.size() + " cells but the source has " + positionOf.length + " columns"));
            return false;
        }
        for (int i = 0; i < schema.columns().size(); i++) {
            values.set(i, null);
        }
        boolean broken = false;
        for (int i = 0; i < positionOf.length; i++) {
            int position = positionOf[i];
            if (position < 0) {
                continue;
            }
            Column column = schema.columns().get(position);
            String raw = cells.get(i);
            if (raw == null) {
                raw = "";
            }
            cell.set(raw.toCharArray(), 0, raw.length());
            if (cell.isEmpty()) {
                if (column.required()) {
                    reject(line, column.name(), null, RuleIds.REQUIRED, RowReader.required(column));
                    broken = true;
                }
                continue;
            }
            try {
                values.set(position, column.form().read(cell, null));
            } catch (BadCell bad) {
                reject(line, column.name(), cell.shown(), bad.rule(), bad.getMessage());
                broken = true;
            }
        }
        if (broken) {
            return false;
        }
        Record record = schema.checkedRecord(
                values,
                column -> {
                    Object value = values.get(column);
                    return value == null ? null : value.toString();
                },
                (column, value, rule, message) -> reject(line, column, value, rule, message));
        if (record == null) {
            return false;
        }
        sink.row(record, line);
        return true;
    }

    private void reject(long line, String column, String value, String rule, String message) {
        sink.reject(new Reject(source, line, column, value, rule, message));
    }
}
