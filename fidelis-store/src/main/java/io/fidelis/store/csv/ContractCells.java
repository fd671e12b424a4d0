package io.fidelis.store.csv;

import io.fidelis.core.domain.Table;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV file of a contract table as {@link ContractReader} does (charset, delimiter, quotes, header), but hands
 * out each row's cells as text with the line the row starts on, for an engine that reads them into records later with
 * {@link ContractRows} (Spark, after grouping rows by customer). A row whose structure is broken (quotes, field count,
 * length) or whose bytes are not valid in the file's charset is rejected here, with the same rejects as {@code fidelis
 * import} gives; the rules on the cells are left to {@link ContractRows}. Not thread-safe.
 */
public final class ContractCells implements Closeable {

    private final DetectingReader chars;
    private final CsvScanner scanner;
    private final RowReader rows;
    private final int[] fileIndexOf;
    private final List<String> columns;
    private final List<String> cells = new ArrayList<>();
    private boolean rejected;

    private ContractCells(
            DetectingReader chars, CsvScanner scanner, RowReader rows, int[] fileIndexOf, List<String> columns) {
        this.chars = chars;
        this.scanner = scanner;
        this.rows = rows;
        this.fileIndexOf = fileIndexOf;
        this.columns = columns;
    }

    /**
     * Starts reading {@code in}, a file of {@code table}, and binds its header as {@link ContractReader} does. When the
     * header lacks a required column or names one twice, the rejects go to {@code rejects} (as line 1) and no row is
     * read: {@link #columns()} is then empty and {@link #next()} false.
     *
     * @param displayName what rejects show as the file, e.g. its name in the book folder
     * @param rejects receives the rejects of the header and of rows broken in their structure or charset
     */
    public static ContractCells open(
            InputStream in, ReadOptions options, String displayName, Table table, RowSink rejects) throws IOException {
        Schema schema = ContractTables.of(table);
        DetectingReader chars = new DetectingReader(in, options.forcedCharset());
        try {
            CsvScanner scanner = CsvScanner.start(chars);
            Header header = Header.read(scanner);
            RowSink onlyRejects = RowSink.rejectsTo(rejects::reject);
            RowReader rows =
                    RowReader.bind(schema, header.names(), header.line(), displayName, onlyRejects, chars::charset);
            if (rows == null) {
                return new ContractCells(chars, scanner, null, new int[0], List.of());
            }
            List<String> columns = new ArrayList<>();
            List<Integer> indexes = new ArrayList<>();
            for (Column column : schema.columns()) {
                int index = indexOf(header.names(), column.name());
                if (index >= 0) {
                    columns.add(column.name());
                    indexes.add(index);
                }
            }
            return new ContractCells(
                    chars,
                    scanner,
                    rows,
                    indexes.stream().mapToInt(Integer::intValue).toArray(),
                    Collections.unmodifiableList(columns));
        } catch (IOException | RuntimeException e) {
            chars.close();
            throw e;
        }
    }

    /** The first position of {@code name} in the header, compared as {@link RowReader#bind} compares names. */
    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The contract columns the header names, lower case, in the contract's order: the order of {@link #cells()}. */
    public List<String> columns() {
        return columns;
    }

    /**
     * Reads the next row; false at the end of the file. A row broken in its structure or charset has its rejects sent
     * to the sink given to {@link #open} and {@link #rejected()} true.
     */
    public boolean next() throws IOException {
        cells.clear();
        rejected = false;
        if (rows == null || !scanner.next()) {
            return false;
        }
        if (scanner.replacement() || RowReader.structureProblem(scanner, rows.headerSize()) != null) {
            // the import's own reading of the row gives its rejects (with every other broken cell, as it does); it
            // accepts the row when the undecodable bytes are only in columns the contract does not have
            if (!rows.read(scanner)) {
                rejected = true;
                return true;
            }
        }
        for (int index : fileIndexOf) {
            cells.add(scanner.field(index));
        }
        return true;
    }

    /** Physical line (1-based) where the current row starts. */
    public long line() {
        return scanner.rowLine();
    }

    /** Whether the current row was rejected as a whole (its rejects went to the sink); its cells are then empty. */
    public boolean rejected() {
        return rejected;
    }

    /** The current row's cells as written (not stripped), in the order of {@link #columns()}. */
    public List<String> cells() {
        return Collections.unmodifiableList(cells);
    }

    /** The charset the file is read in; UTF-8 for a file that was all ASCII so far. */
    public String charset() {
        return chars.charset().name();
    }

    @Override
    public void close() throws IOException {
        chars.close();
    }
}
