package io.fidelis.store.csv;

import io.fidelis.core.domain.Table;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds the files of each contract table in an import folder. */
public final class ContractFiles {

    private static final List<String> EXTENSIONS = List.of(".csv", ".tsv", ".txt");
    private static final List<String> PARQUET = List.of(".parquet");

    private ContractFiles() {}

    /**
     * Every file of each table in {@code dir} (not its subfolders): a file belongs to a table when its name starts
     * with the table's name, case-insensitive, followed by anything but a letter ({@code installments_2026-09.csv},
     * {@code LOANS.csv}; not {@code loansummary.csv}), and ends in .csv, .tsv or .txt. Files are sorted by name;
     * tables come in {@link Table} order; a table with no file maps to an empty list.
     *
     * @throws IOException if {@code dir} is not a readable folder
     */
    public static Map<Table, List<Path>> filesByTable(Path dir) throws IOException {
        return filesByTable(dir, EXTENSIONS);
    }

    /**
     * Every Parquet file of each table in {@code dir}, named as CSV files are ({@code loans.parquet}, {@code
     * installments_2026-09.parquet}) and ending in .parquet; otherwise as {@link #filesByTable(Path)}.
     *
     * @throws IOException if {@code dir} is not a readable folder
     */
    public static Map<Table, List<Path>> parquetFilesByTable(Path dir) throws IOException {
        return filesByTable(dir, PARQUET);
    }

    private static Map<Table, List<Path>> filesByTable(Path dir, List<String> extensions) throws IOException {
        if (!Files.exists(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no such folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new FileSystemException(dir.toString(), null, "not a folder");
        }
        if (!Files.isReadable(dir)) {
            throw new AccessDeniedException(dir.toString(), null, "the folder cannot be read");
        }
        Map<Table, List<Path>> found = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            found.put(table, new ArrayList<>());
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                Table table = tableOf(entry.getFileName().toString(), extensions);
                if (table != null && Files.isRegularFile(entry)) {
                    found.get(table).add(entry);
                }
            }
        }
        Comparator<Path> byName =
                Comparator.comparing(path -> path.getFileName().toString());
        for (Table table : Table.values()) {
            List<Path> files = found.get(table);
            files.sort(byName);
            found.put(table, List.copyOf(files));
        }
        return Collections.unmodifiableMap(found);
    }

    /** The table a file of this name belongs to, or null when it is none of the contract's. */
    static Table tableOf(String fileName) {
        return tableOf(fileName, EXTENSIONS);
    }

    /**
     * The table a file (or folder) of this name belongs to, by the rule of {@link #filesByTable(Path)}, when it ends
     * in one of {@code extensions} (lower case, such as {@code .parquet}; the empty string accepts any ending); else
     * null.
     */
    public static Table tableOf(String fileName, List<String> extensions) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (extensions.stream().noneMatch(name::endsWith)) {
            return null;
        }
        for (Table table : Table.values()) {
            String prefix = table.code();
            if (name.startsWith(prefix)
                    && (name.length() == prefix.length() || !Character.isLetter(name.charAt(prefix.length())))) {
                return table;
            }
        }
        return null;
    }
}
