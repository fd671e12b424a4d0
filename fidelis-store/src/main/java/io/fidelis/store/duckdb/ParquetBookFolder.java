package io.fidelis.store.duckdb;

import io.fidelis.store.BookSource;
import io.fidelis.store.FileRead;
import io.fidelis.store.SourceFile;
import io.fidelis.store.csv.ContractFiles;
import io.fidelis.store.csv.ContractRows;
import io.fidelis.store.csv.RowSink;
import io.fidelis.store.sql.Sql;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A folder of the contract's tables as Parquet files ({@code customers.parquet}, {@code installments_2026-09.parquet},
 * named as the CSV files are), read with DuckDB's {@code read_parquet}. Every cell is read as text and goes through
 * the contract's own cell forms and row rules ({@link ContractRows}), so a Parquet import stages, checks and rejects
 * exactly as a CSV import does. A reject's line is the row's 1-based number in its file.
 */
public final class ParquetBookFolder implements BookSource {

    /** What the import log records as a Parquet file's encoding. */
    static final String ENCODING = FileRead.PARQUET;

    private final Path folder;

    private ParquetBookFolder(Path folder) {
        this.folder = folder;
    }

    public static ParquetBookFolder of(Path folder) {
        return new ParquetBookFolder(folder);
    }

    /** Whether {@code folder} holds Parquet files of the contract's tables. */
    public static boolean holdsParquet(Path folder) throws IOException {
        return ContractFiles.parquetFilesByTable(folder).values().stream().anyMatch(files -> !files.isEmpty());
    }

    @Override
    public String description() {
        return folder.toAbsolutePath().normalize().toString();
    }

    @Override
    public List<SourceFile> files() throws IOException {
        return SourceFile.inFolder(folder, ContractFiles.parquetFilesByTable(folder));
    }

    @Override
    public FileRead read(SourceFile file, RowSink sink) throws IOException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            String parquet =
                    "read_parquet(" + Sql.literal(file.path().toAbsolutePath().toString()) + ")";
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            try (ResultSet columns = sql.executeQuery("DESCRIBE SELECT * FROM " + parquet)) {
                while (columns.next()) {
                    names.add(columns.getString(1));
                    types.add(columns.getString(2));
                }
            }
            List<String> unknown = new ArrayList<>();
            List<String> contract = ContractRows.columns(file.table());
            for (String name : names) {
                if (!contract.contains(name.strip().toLowerCase(Locale.ROOT))) {
                    unknown.add(name);
                }
            }
            ContractRows rows = ContractRows.bind(file.table(), names, file.name(), sink);
            if (rows == null) {
                return new FileRead(0, 0, unknown, ENCODING, '\0');
            }
            if (!unknown.isEmpty()) {
                sink.warning(
                        file.name(),
                        "ignoring columns that are not in the contract for "
                                + file.table().code() + ": " + String.join(", ", unknown));
            }
            StringBuilder select = new StringBuilder("SELECT ");
            for (int i = 0; i < names.size(); i++) {
                select.append(i == 0 ? "" : ", ").append(asText(names.get(i), types.get(i)));
            }
            select.append(" FROM ").append(parquet);
            long read = 0;
            long accepted = 0;
            String[] cells = new String[names.size()];
            List<String> row = Arrays.asList(cells);
            try (ResultSet result = sql.executeQuery(select.toString())) {
                while (result.next()) {
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = result.getString(i + 1);
                    }
                    read++;
                    if (rows.read(row, read)) {
                        accepted++;
                    }
                }
            }
            return new FileRead(read, read - accepted, unknown, ENCODING, '\0');
        } catch (SQLException e) {
            throw new IOException(
                    file.name() + " cannot be read as Parquet: " + e.getMessage()
                            + "; check that it is a Parquet file with the contract's columns",
                    e);
        }
    }

    /**
     * A column as the text a CSV file would hold: dates as yyyy-MM-dd, decimals in plain notation; a timestamp is
     * read as its date (exports often type dates so).
     */
    private static String asText(String name, String type) {
        String column = '"' + name.replace("\"", "\"\"") + '"';
        if (type.toUpperCase(Locale.ROOT).startsWith("TIMESTAMP")) {
            column = "CAST(" + column + " AS DATE)";
        }
        return "CAST(" + column + " AS VARCHAR)";
    }
}
