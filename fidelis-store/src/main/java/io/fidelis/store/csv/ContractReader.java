package io.fidelis.store.csv;

import io.fidelis.core.domain.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads one file of a contract table, streaming: every row becomes a record of the core, or one reject per broken
 * cell, naming the file, the line where the row starts, the column, the raw value, the rule and what was expected.
 * Rules between rows (uniqueness, references) are the importer's.
 *
 * <p>Form is lenient: UTF-8 with or without BOM or GB18030 (detected), comma or tab (detected from the header), RFC
 * 4180 quotes with line breaks inside, three date forms, thousands separators, header names in any case and order,
 * unknown columns ignored with a warning. Meaning is strict: an empty cell is missing, never zero, and a value out of
 * its range is refused. See docs/data-format.md.
 */
public final class ContractReader {

    private final ReadOptions options;

    public ContractReader(ReadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Streams one file of {@code table}: every good row to {@code sink.row(record, line)}, every bad row to {@code
     * sink.reject(...)}, in file order. A header without a required column rejects the whole file (rule {@code
     * header.missing_column}, line 1) and no row is read.
     *
     * @param displayName what rejects show as the file, e.g. its name relative to the import folder
     * @return the counts, the columns ignored, the charset and the delimiter
     * @throws IOException when the file cannot be read
     */
    public ReadSummary read(Path file, String displayName, Table table, RowSink sink) throws IOException {
        Schema schema = ContractTables.of(table);
        try (DetectingReader chars = new DetectingReader(Files.newInputStream(file), options.forcedCharset())) {
            CsvScanner scanner = CsvScanner.start(chars);
            Header header = Header.read(scanner);
            RowReader rows = RowReader.bind(schema, header.names(), header.line(), displayName, sink, chars::charset);
            if (rows == null) {
                return new ReadSummary(0, 0, 0, List.of(), chars.charset(), scanner.delimiter());
            }
            if (!rows.unknownColumns().isEmpty()) {
                sink.warning(
                        displayName,
                        "ignoring columns that are not in the contract for " + table.code() + ": "
                                + String.join(", ", rows.unknownColumns()));
            }
            long read = 0;
            long accepted = 0;
            while (scanner.next()) {
                read++;
                if (rows.read(scanner)) {
                    accepted++;
                }
            }
            return new ReadSummary(
                    read, accepted, read - accepted, rows.unknownColumns(), chars.charset(), scanner.delimiter());
        }
    }
}
