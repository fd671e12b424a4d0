package io.fidelis.store.csv;

import io.fidelis.store.Reject;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A table's schema bound to one file's header: turns each row of the file into a record or rejects, one reject per
 * broken cell, in file order.
 */
final class RowReader {

    private final Schema schema;
    private final String file;
    private final RowSink sink;
    private final Supplier<Charset> charset;
    private final int headerSize;
    private final Bound[] bound;
    private final int[] fileIndexOf;
    private final List<String> unknownColumns;
    private final Values values;
    private final Cell cell = new Cell();

    /** A contract column found in the file. */
    private record Bound(int position, int fileIndex, Column column) {}

    private RowReader(
            Schema schema,
            String file,
            RowSink sink,
            Supplier<Charset> charset,
            int headerSize,
            int[] fileIndexOf,
            List<String> unknownColumns) {
        this.schema = schema;
        this.file = file;
        this.sink = sink;
        this.charset = charset;
        this.headerSize = headerSize;
        this.fileIndexOf = fileIndexOf;
        this.unknownColumns = List.copyOf(unknownColumns);
        this.values = schema.newValues();
        List<Bound> found = new ArrayList<>();
        for (int position = 0; position < fileIndexOf.length; position++) {
            if (fileIndexOf[position] >= 0) {
                found.add(new Bound(
                        position, fileIndexOf[position], schema.columns().get(position)));
            }
        }
        found.sort(Comparator.comparingInt(Bound::fileIndex));
        this.bound = found.toArray(new Bound[0]);
    }

    /**
     * Binds {@code schema} to a file's header, or rejects the file: every required column must be there, once.
     *
     * @param header the header's names as written, or an empty list when the file has no header
     * @return the reader for the rows, or null when the header was rejected (the rejects went to {@code sink})
     */
    static RowReader bind(
            Schema schema, List<String> header, long line, String file, RowSink sink, Supplier<Charset> charset) {
        int[] fileIndexOf = new int[schema.columns().size()];
        Arrays.fill(fileIndexOf, -1);
        List<String> unknown = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Reject> rejects = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String written = header.get(i).strip();
            String name = written.toLowerCase(Locale.ROOT);
            int position = schema.position(name);
            if (position < 0) {
                unknown.add(written.isEmpty() ? "(column " + (i + 1) + " has no name)" : written);
            } else if (seen.containsKey(name)) {
                rejects.add(new Reject(
                        file,
                        line,
                        name,
                        null,
                        RuleIds.HEADER_DUPLICATE_COLUMN,
                        "the header names " + name + " twice (columns " + (seen.get(name) + 1) + " and " + (i + 1)
                                + "): keep one of them"));
            } else {
                seen.put(name, i);
                fileIndexOf[position] = i;
            }
        }
        for (Column column : schema.columns()) {
            if (column.required() && !seen.containsKey(column.name())) {
                rejects.add(new Reject(
                        file,
                        line,
                        column.name(),
                        null,
                        RuleIds.HEADER_MISSING_COLUMN,
                        missing(schema, column, header)));
            }
        }
        if (!rejects.isEmpty()) {
            rejects.forEach(sink::reject);
            return null;
        }
        return new RowReader(schema, file, sink, charset, header.size(), fileIndexOf, unknown);
    }

    private static String missing(Schema schema, Column column, List<String> header) {
        String table = schema.table().code();
        if (header.isEmpty()) {
            return "the file is empty: expected a header row naming the columns of " + table + ", which must include "
                    + String.join(", ", schema.table().requiredColumns());
        }
        String message = "the header has no column " + column.name() + ", which every file of " + table
                + " must have; the header read was: " + String.join(" | ", header);
        if (header.size() == 1 && header.get(0).indexOf(';') >= 0) {
            message += " (the delimiter must be a comma or a tab, not ';')";
        }
        return message;
    }

    /** How many fields the header has, which every row must have. */
    int headerSize() {
        return headerSize;
    }

    /** Header names the contract does not know, as written: ignored, reported once. */
    List<String> unknownColumns() {
        return unknownColumns;
    }

    /**
     * Reads the scanner's current row: passes its record to the sink and returns true, or passes its rejects and
     * returns false.
     */
    boolean read(CsvScanner row) {
        long line = row.rowLine();
        String problem = structureProblem(row, headerSize);
        if (problem != null) {
            sink.reject(new Reject(file, line, null, null, problem, structureMessage(problem, row, headerSize)));
            return false;
        }
        char[] chars = row.chars();
        boolean broken = false;
        for (Bound b : bound) {
            Column column = b.column;
            cell.set(chars, row.start(b.fileIndex), row.end(b.fileIndex));
            if (row.replacement() && cell.contains('\uFFFD')) {
                reject(line, column.name(), cell.shown(), RuleIds.ENCODING, encodingMessage());
                broken = true;
            } else if (cell.isEmpty()) {
                values.set(b.position, null);
                if (column.required()) {
                    reject(line, column.name(), null, RuleIds.REQUIRED, required(column));
                    broken = true;
                }
            } else {
                try {
                    values.set(b.position, column.form().read(cell, values.at(b.position)));
                } catch (BadCell bad) {
                    values.set(b.position, null);
                    reject(line, column.name(), cell.shown(), bad.rule(), bad.getMessage());
                    broken = true;
                }
            }
        }
        if (broken) {
            return false;
        }
        Record record = schema.checkedRecord(
                values,
                column -> raw(row, column),
                (column, value, rule, message) -> reject(line, column, value, rule, message));
        if (record == null) {
            return false;
        }
        sink.row(record, line);
        return true;
    }

    /** The rule a row's structure breaks (too long, quotes, not as many fields as the header), or null. */
    static String structureProblem(CsvScanner row, int headerSize) {
        if (row.tooLong()) {
            return RuleIds.ROW_TOO_LONG;
        }
        if (row.unclosedQuote() || row.textAfterQuote()) {
            return RuleIds.ROW_QUOTING;
        }
        if (row.fieldCount() != headerSize) {
            return RuleIds.ROW_FIELD_COUNT;
        }
        return null;
    }

    static String structureMessage(String problem, CsvScanner row, int headerSize) {
        return switch (problem) {
            case RuleIds.ROW_TOO_LONG ->
                "the row has more than " + CsvScanner.MAX_ROW_CHARS + " characters or " + CsvScanner.MAX_FIELDS
                        + " fields, usually because a quote is never closed: check the quotes";
            case RuleIds.ROW_FIELD_COUNT ->
                "the row has " + row.fieldCount() + " fields but the header has " + headerSize
                        + ": a cell holding the delimiter or a line break must be in double quotes";
            default ->
                row.unclosedQuote()
                        ? "a quoted cell opened on line " + row.quoteOpenedOn() + " is never closed, so the rest of the"
                                + " file was read as one cell: check for a stray '\"'"
                        : "text follows the closing quote of a cell: a quote inside a quoted cell is written twice (\"\")";
        };
    }

    static String required(Column column) {
        String expected = column.form().expected();
        return "the cell is empty but " + column.name() + " is required"
                + (expected == null ? "" : ": expected " + expected);
    }

    private String encodingMessage() {
        return "bytes that are not valid " + charset.get().name() + " (shown as \uFFFD): save the file as UTF-8, or"
                + " force the file's charset";
    }

    private String raw(CsvScanner row, String columnName) {
        int position = schema.position(columnName);
        if (position < 0 || fileIndexOf[position] < 0) {
            return null;
        }
        int index = fileIndexOf[position];
        cell.set(row.chars(), row.start(index), row.end(index));
        return cell.isEmpty() ? null : cell.shown();
    }

    private void reject(long line, String column, String value, String rule, String message) {
        sink.reject(new Reject(file, line, column, value, rule, message));
    }
}
